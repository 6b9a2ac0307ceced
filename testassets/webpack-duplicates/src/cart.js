// Loaded on demand by shop.js (dynamic import): the async `cart` chunk. It imports dayjs too.
import dayjs from 'dayjs';

export function showCart(openedAt) {
  const due = dayjs(openedAt).add(3, 'day');
  const p = document.createElement('p');
  p.textContent = `Delivery by ${due.format('dddd D MMMM')}`;
  document.body.appendChild(p);
}
