// Loaded on demand (dynamic import in dashboard.js): the lazy "settings" chunk.
const OPTIONS = [
  { id: 'refresh', label: 'Auto-refresh every minute', checked: true },
  { id: 'compact', label: 'Compact tables', checked: false },
  { id: 'utc', label: 'Show times in UTC', checked: false },
];

export function renderSettingsPanel(host) {
  const panel = document.createElement('section');
  panel.className = 'panel settings';
  const heading = document.createElement('h2');
  heading.innerHTML = '<i class="fas fa-sliders-h"></i> Settings';
  panel.appendChild(heading);
  for (const option of OPTIONS) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = option.id;
    box.checked = option.checked;
    label.append(box, ' ', option.label);
    panel.appendChild(label);
  }
  host.replaceChildren(panel);
}
