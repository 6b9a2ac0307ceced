import dayjs from 'dayjs';
import { debounce, chunk, sortBy } from 'lodash-es';
import './styles.css';
import heroUrl from './assets/hero.png';
import { regions } from './data.js';
import { el, formatNumber, formatPercent, mountHeader } from './lib/shared.js';

mountHeader();

const hero = document.getElementById('hero');
hero.style.backgroundImage = `url(${heroUrl})`;

// The figures are the closing numbers of the last quarter.
const asOf = dayjs('2025-03-31');
document.getElementById('as-of').textContent =
  `Figures as of ${asOf.format('dddd, D MMMM YYYY')} (Q${Math.floor(asOf.month() / 3) + 1}, ` +
  `${dayjs().diff(asOf, 'day')} days ago)`;

const list = document.getElementById('regions');

function render(filter = '') {
  const needle = filter.trim().toLowerCase();
  const matching = sortBy(
    regions.filter((r) => r.name.toLowerCase().includes(needle)),
    [(r) => -r.revenue],
  );
  list.replaceChildren();
  // Show the regions in rows of three.
  for (const row of chunk(matching, 3)) {
    const li = el('li', { class: 'row' });
    for (const r of row) {
      li.append(
        el(
          'span',
          { class: r.growth < 0 ? 'region down' : 'region up' },
          `${r.name}: ${formatNumber(r.revenue)}k (${formatPercent(r.growth)})`,
        ),
      );
    }
    list.append(li);
  }
}

document.getElementById('filter').addEventListener(
  'input',
  debounce((event) => render(event.target.value), 150),
);

document.getElementById('show-chart').addEventListener('click', async () => {
  // Lazy-loaded: becomes its own chunk, fetched only when the button is clicked.
  const { drawChart } = await import('./chart.js');
  drawChart(document.getElementById('chart'), regions);
});

document.getElementById('open-settings').addEventListener('click', async () => {
  // Lazy-loaded as well: a second on-demand chunk.
  const { openSettings } = await import('./settings.js');
  openSettings(document.getElementById('settings'));
});

render();
