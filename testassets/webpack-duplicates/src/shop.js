// Entry point `shop`: dayjs and nanoid (as admin.js does), ms (only here), and a lazy cart chunk.
import dayjs from 'dayjs';
import { nanoid } from 'nanoid';
import ms from 'ms';
import { formatDay, formatPrice, line } from './format.js';

const opened = dayjs('2024-03-04T09:30:00Z');
line(`Basket ${nanoid()} opened ${formatDay(opened)}`);
line(`Offer ends in ${ms(ms('36h'), { long: true })} (${formatPrice(1999)})`);

const button = document.createElement('button');
button.type = 'button';
button.textContent = 'Show cart';
button.addEventListener('click', () => {
  import(/* webpackChunkName: "cart" */ './cart.js').then(({ showCart }) => showCart(opened.valueOf()));
});
document.body.appendChild(button);
