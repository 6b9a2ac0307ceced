// Shared app module: imported by both entry points (admin.js and shop.js).
import dayjs from 'dayjs';

export function formatDay(date) {
  return dayjs(date).format('ddd D MMM YYYY');
}

export function formatPrice(cents) {
  return `€${(cents / 100).toFixed(2)}`;
}

export function line(text) {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.appendChild(p);
  return p;
}
