// Admin page entry (admin.html).
// Deliberately BAD: namespace import of the whole CommonJS lodash build.
// GOOD: dayjs (small; default import plus an inline type-only named import), a re-export from lodash-es.
import * as _ from 'lodash';
import dayjs, { type Dayjs } from 'dayjs';
import { h } from './jsx';
import { Widget } from './widget.jsx';
export { chunk } from 'lodash-es';

type User = { name: string; role: 'admin' | 'editor'; joined: string };

const users = [
  { name: 'Ada', role: 'admin', joined: '2021-03-01' },
  { name: 'Grace', role: 'editor', joined: '2022-07-15' },
  { name: 'Linus', role: 'editor', joined: '2023-11-30' },
] satisfies User[];

const byRole = _.groupBy(users, (u) => u.role);

const generated: Dayjs = dayjs();
const root = document.getElementById('admin')!;
root.replaceChildren(
  <section class="admin">
    <h1>Admin</h1>
    <p>Generated {generated.format('YYYY-MM-DD')}</p>
    <Widget users={users} />
    {Object.entries(byRole).map(([role, list]) => (
      <p>
        {role}: {list.length}
      </p>
    ))}
  </section>,
);
