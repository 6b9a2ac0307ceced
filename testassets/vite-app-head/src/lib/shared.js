// Shared by both entry pages (main.js and about.js), so the bundler emits it as a common chunk.
import iconUrl from '../assets/icon.png';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatNumber(value) {
  return numberFormat.format(value);
}

export function formatPercent(ratio) {
  return `${numberFormat.format(ratio * 100)}%`;
}

export function mountHeader(doc = document) {
  const logo = doc.getElementById('logo');
  if (logo) {
    logo.src = iconUrl;
    logo.alt = 'BundleBudget fixture logo';
  }
  const here = doc.location ? doc.location.pathname : '';
  for (const link of doc.querySelectorAll('.site-header a')) {
    if (here.endsWith(link.getAttribute('href'))) link.classList.add('active');
  }
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}
