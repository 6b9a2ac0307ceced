// Loaded on demand from main.js via dynamic import(), so it is emitted as a separate lazy chunk.
import { maxBy, round } from 'lodash-es';
import './chart.css';
import { formatNumber } from './lib/shared.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

export function drawChart(container, rows, { width = 480, barHeight = 22, gap = 6 } = {}) {
  const max = maxBy(rows, 'revenue').revenue;
  const labelWidth = 90;
  const height = rows.length * (barHeight + gap);
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'chart' });

  rows.forEach((row, i) => {
    const y = i * (barHeight + gap);
    const w = round(((width - labelWidth - 60) * row.revenue) / max, 1);
    const label = svg('text', { x: 0, y: y + barHeight * 0.7, class: 'chart-label' });
    label.textContent = row.name;
    const bar = svg('rect', {
      x: labelWidth,
      y,
      width: w,
      height: barHeight,
      rx: 3,
      class: row.growth < 0 ? 'chart-bar down' : 'chart-bar up',
    });
    const value = svg('text', { x: labelWidth + w + 6, y: y + barHeight * 0.7, class: 'chart-value' });
    value.textContent = formatNumber(row.revenue);
    root.append(label, bar, value);
  });

  container.replaceChildren(root);
  return root;
}
