// JSX in a plain .jsx file, imported by admin.tsx.
// GOOD: a per-method lodash module.
// The comment before the second import holds an em dash (1 UTF-16 unit) and an emoji (2 UTF-16 units),
// so its column differs when counted in UTF-16 units, code points or UTF-8 bytes.
import isEmpty from 'lodash/isEmpty';
/* h — the JSX factory 🚀 */ import { h } from './jsx';

export function Widget({ users }) {
  if (isEmpty(users)) {
    return <p className="empty">No users yet — that's fine.</p>;
  }
  return (
    <ul class="widget">
      {users.map((u) => (
        <li title={`${u.name} (${u.role})`}>{u.name}</li>
      ))}
    </ul>
  );
}
