/* Home page entry (index.html).
 * Deliberately BAD: `import _ from 'lodash'` pulls the whole CommonJS lodash build.
 * GOOD: `lodash/debounce` (one method) and `lodash-es` (tree-shakeable ESM).
 */
import _ from 'lodash';
import debounce from 'lodash/debounce';
import { sortBy } from 'lodash-es';
import './styles.css';
import { summarize } from './legacy.js';

interface Sale {
  region: string;
  amount: number;
}

const sales: Sale[] = [
  { region: 'North', amount: 120 },
  { region: 'South', amount: 95 },
  { region: 'East', amount: 143 },
  { region: 'West', amount: 87 },
];

const list = document.querySelector<HTMLUListElement>('#regions')!;
const input = document.querySelector('#filter') as HTMLInputElement;

// A regex literal and a string that only look like imports.
const looksLikeImport = /import\s+\w+\s+from\s+'moment'/;
const hint = "import('./reports') is loaded on demand";

function render(filter: string): void {
  const needle = filter.trim().toLowerCase();
  const rows = sortBy(
    sales.filter((s) => s.region.toLowerCase().includes(needle)),
    [(s: Sale) => -s.amount],
  );
  list.replaceChildren(
    ...rows.map((s) => {
      const li = document.createElement('li');
      li.textContent = `${s.region}: ${s.amount}k`;
      return li;
    }),
  );
  document.querySelector('#summary')!.textContent = summarize(rows);
}

// BAD usage: _.debounce through the whole-library import.
const onResize = _.debounce(() => {
  document.body.classList.toggle('narrow', window.innerWidth < 600);
}, 100);
window.addEventListener('resize', onResize);

// GOOD usage: the per-method module.
input.addEventListener(
  'input',
  debounce(() => render(input.value), 150),
);

document.querySelector<HTMLButtonElement>('#show-reports')?.addEventListener('click', async () => {
  // Lazy chunk: reports.tsx (and moment with it) is only loaded on click.
  const { mountReports } = await import('./reports');
  mountReports(document.querySelector('#reports')!);
  console.debug(hint, looksLikeImport.test(hint));
});

render('');
