// Plain JavaScript helper, imported by main.ts.
// The next comment line only mentions an import and must not be flagged:
// import _ from 'lodash'
import { map } from 'lodash';

/* Block comment, not code: import _ from 'lodash'; require('moment'); */
export const NOTE = "import _ from 'lodash'";
const SNIPPET = `import moment from 'moment'; // ${'not'} code`;

// Deliberately BAD above: a named import from the CommonJS lodash root still pulls the whole library.
export function summarize(rows) {
  const parts = map(rows, (r) => `${r.region}=${r.amount}`);
  const nested = `${parts.length} regions: ${parts.join(', ')}${rows.length > 2 ? ` (${`${rows.length}`} shown)` : ''}`;
  return SNIPPET.length > 0 ? nested : NOTE;
}
