import './styles.css';
import { formatPercent, mountHeader } from './lib/shared.js';

mountHeader();

const started = new Date(2021, 2, 1);
const years = (Date.now() - started.getTime()) / (365.25 * 24 * 3600 * 1000);
document.getElementById('about-text').textContent =
  `This page exists so the build has a second entry point. ` +
  `The team has been shipping for about ${Math.floor(years)} years and keeps ` +
  `${formatPercent(0.98)} of its bundles within budget.`;
