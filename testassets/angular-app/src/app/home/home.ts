import { Component, computed, signal } from '@angular/core';

// Eager route: compiled into the initial chunks.
@Component({
  selector: 'app-home',
  template: `
    <h1>Home</h1>
    <p class="muted">A tiny Angular app used as a BundleBudget test fixture.</p>
    <button type="button" (click)="count.update((n) => n + 1)">Clicked {{ count() }} times</button>
    <p>{{ label() }}</p>
  `,
})
export class Home {
  protected readonly count = signal(0);
  protected readonly label = computed(() => (this.count() % 2 === 0 ? 'even' : 'odd'));
}
