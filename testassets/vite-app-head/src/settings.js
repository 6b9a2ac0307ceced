// Loaded on demand from main.js via dynamic import(), so it is emitted as a separate lazy chunk.
import { el } from './lib/shared.js';

const KEY = 'bundlebudget-fixture:compact';

function apply(compact) {
  document.body.style.lineHeight = compact ? '1.2' : '';
}

export function openSettings(container) {
  const input = el('input', { type: 'checkbox', id: 'compact' });
  input.checked = localStorage.getItem(KEY) === '1';
  apply(input.checked);
  input.addEventListener('change', () => {
    localStorage.setItem(KEY, input.checked ? '1' : '0');
    apply(input.checked);
  });
  container.replaceChildren(el('label', { for: 'compact' }, input, ' Compact rows'));
}
