// Entry point `admin`: dayjs and nanoid, like shop.js (no splitChunks, so each entry bundles its own copy).
import dayjs from 'dayjs';
import { nanoid } from 'nanoid';
import { formatDay, line } from './format.js';

const since = dayjs('2024-03-04T09:30:00Z');
line(`Admin session ${nanoid(10)}`);
line(`Reports since ${formatDay(since)} (${since.add(7, 'day').format('YYYY-MM-DD')} next)`);
