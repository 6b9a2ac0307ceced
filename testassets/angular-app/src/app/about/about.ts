import { DatePipe } from '@angular/common';
import { Component } from '@angular/core';

// Lazy route (loadComponent in app.routes.ts): built into its own lazy chunk.
@Component({
  selector: 'app-about',
  imports: [DatePipe],
  template: `
    <h2>About</h2>
    <p>This page is loaded on demand.</p>
    <p class="muted">Built {{ built | date: 'yyyy-MM-dd' : 'UTC' }}.</p>
  `,
})
export default class About {
  // A fixed date keeps the prerendered HTML identical from build to build.
  protected readonly built = Date.UTC(2026, 0, 1);
}
