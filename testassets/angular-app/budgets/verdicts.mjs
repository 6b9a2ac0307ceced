// Derives verdicts.json from the build logs (<configuration>.txt) and configurations.json.
//
//   node verdicts.mjs            (run in this folder; Node >= 20; no dependencies)
//
// 1. Parses every budget message Angular printed, and the outcome line ("complete" = exit 0, "failed" = exit 1).
// 2. Restates @angular/build 21.2.24's budget rules (src/utils/bundle-calculator.js, tools/esbuild/budget-stats.js)
//    to say which threshold of which budget each message comes from and which thresholds passed (no message),
//    and exits non-zero if the restated rules do not reproduce the logged messages exactly (same messages, same
//    order: Angular prints all warnings, then all errors, each in budget order).
import fs from 'node:fs';

const here = new URL('.', import.meta.url);
const read = (f) => fs.readFileSync(new URL(f, here), 'utf8');
const configs = JSON.parse(read('configurations.json'));

// The browser .js/.css outputs in Angular's output-file order (sizes: ../expected-initial.json, ../dist),
// with the chunk name the budget code sees (lazy chunks: their entry point's name; the shared chunk has none).
const files = [
  { file: 'main-EWCNKD7M.js', size: 97684, name: 'main', initial: true },
  { file: 'chunk-IUFFJXD3.js', size: 541, name: 'about', initial: false },
  { file: 'chunk-VS2WHN2I.js', size: 169276, name: null, initial: true },
  { file: 'styles-TUBMZHBH.css', size: 586, name: 'styles', initial: true },
];
// Component stylesheets: esbuild's minified output of src/app/app.css (297 bytes on disk), before view encapsulation.
const componentStyles = [{ file: 'src/app/app.css', size: 238 }];

function toBytes(input, baseline, factor = 1) {
  const m = input.trim().match(/^(\d+(?:\.\d+)?)[ \t]*(%|[kmg]?b)?$/i);
  if (!m) return NaN;
  const base = (baseline && toBytes(baseline)) || 0;
  let v = Number(m[1]);
  switch (m[2]?.toLowerCase()) {
    case '%': v = (base * v) / 100; break;
    case 'kb': v *= 1000; break;
    case 'mb': v *= 1000 * 1000; break;
    case 'gb': v *= 1000 * 1000 * 1000; break;
  }
  return base === 0 ? v : base + v * factor;
}
function thresholds(b) {
  const t = [];
  const add = (key, direction, severity, factor) => t.push({ threshold: key, direction, severity, limit: toBytes(b[key], b.baseline, factor) });
  if (b.maximumWarning) add('maximumWarning', 'maximum', 'warning', 1);
  if (b.maximumError) add('maximumError', 'maximum', 'error', 1);
  if (b.minimumWarning) add('minimumWarning', 'minimum', 'warning', -1);
  if (b.minimumError) add('minimumError', 'minimum', 'error', -1);
  if (b.warning) { add('warning', 'minimum', 'warning', -1); add('warning', 'maximum', 'warning', 1); }
  if (b.error) { add('error', 'minimum', 'error', -1); add('error', 'maximum', 'error', 1); }
  return t;
}
const sum = (list) => list.reduce((n, f) => n + f.size, 0);
function measured(b) {
  switch (b.type) {
    case 'initial': return [{ label: 'bundle initial', size: sum(files.filter((f) => f.initial)) }];
    case 'allScript': return [{ label: 'total scripts', size: sum(files.filter((f) => f.file.endsWith('.js'))) }];
    case 'all': return [{ label: 'total', size: sum(files) }];
    case 'any': return files.map((f) => ({ label: f.file, size: f.size }));
    case 'anyScript': return files.filter((f) => f.file.endsWith('.js')).map((f) => ({ label: f.file, size: f.size }));
    case 'anyComponentStyle': return componentStyles.map((f) => ({ label: f.file, size: f.size }));
    case 'bundle': return b.name ? [{ label: b.name, size: sum(files.filter((f) => f.name === b.name)) }] : [];
    default: throw new Error(`unknown budget type ${b.type}`);
  }
}
function formatSize(size) { // @angular/build src/utils/format-bytes.js
  if (size <= 0) return '0 bytes';
  const units = ['bytes', 'kB', 'MB', 'GB'];
  const i = Math.floor(Math.log(size) / Math.log(1000));
  return `${(size / Math.pow(1000, i)).toFixed(i === 0 ? 0 : 2)} ${units[i]}`;
}

const messageRe = /^(▲ \[WARNING\]|✘ \[ERROR\]) (.+) (exceeded maximum budget|failed to meet minimum budget)\. Budget (.+) was not met by (.+) with a total of (.+)\.$/;
const out = {
  angularBuild: '21.2.24',
  note: 'Per configuration: exitCode (from the outcome line; "failed" is exit 1), every budget message in log order, and per budget its thresholds with the verdict ("pass" = no message; "message" = index into messages). limit/size in bytes; limit null = not a valid size (Angular compares with NaN and always reports).',
  configurations: {},
};
let mismatches = 0;
for (const [name, { budgets }] of Object.entries(configs)) {
  const log = read(`${name}.txt`).split('\n');
  const outcome = log.map((l) => l.match(/^Application bundle generation (complete|failed)\./)).find(Boolean)?.[1];
  if (!outcome) throw new Error(`${name}: no outcome line`);
  const messages = log.filter((l) => /^(▲ \[WARNING\]|✘ \[ERROR\]) /.test(l)).map((text) => {
    const m = text.match(messageRe);
    if (!m) throw new Error(`${name}: unexpected message: ${text}`);
    return { severity: m[1].includes('ERROR') ? 'error' : 'warning', label: m[2], kind: m[3].startsWith('exceeded') ? 'maximum' : 'minimum', budget: m[4], notMetBy: m[5], total: m[6], text };
  });
  // Restated rules: the failing thresholds, in Angular's print order (warnings first, then errors).
  const checks = budgets.map((budget, index) => ({
    index, budget,
    checks: measured(budget).flatMap(({ label, size }) => thresholds(budget).map((t) => {
      const fails = t.direction === 'maximum' ? !(size <= t.limit) : !(size >= t.limit);
      return { label, size, ...t, verdict: fails ? t.severity : 'pass' };
    })),
  }));
  const failing = ['warning', 'error'].flatMap((sev) => checks.flatMap((b) => b.checks.filter((c) => c.verdict === sev)));
  const expectText = (c) => {
    const diff = c.direction === 'maximum' ? c.size - c.limit : c.limit - c.size;
    const what = c.direction === 'maximum' ? 'exceeded maximum budget' : 'failed to meet minimum budget';
    return `${c.severity === 'error' ? '✘ [ERROR]' : '▲ [WARNING]'} ${c.label} ${what}. Budget ${formatSize(c.limit)} was not met by ${formatSize(diff)} with a total of ${formatSize(c.size)}.`;
  };
  failing.forEach((c, i) => { c.message = i; });
  if (failing.length !== messages.length || failing.some((c, i) => expectText(c) !== messages[i].text)) {
    mismatches++;
    console.error(`${name}: restated rules do not match the log`);
    console.error(' expected:\n  ' + failing.map(expectText).join('\n  ') + '\n logged:\n  ' + messages.map((m) => m.text).join('\n  '));
  }
  const expectedExit = failing.some((c) => c.severity === 'error') ? 1 : 0;
  const exitCode = outcome === 'failed' ? 1 : 0;
  if (exitCode !== expectedExit) { mismatches++; console.error(`${name}: exit ${exitCode}, rules say ${expectedExit}`); }
  out.configurations[name] = {
    log: `${name}.txt`,
    exitCode,
    outcome,
    outputWritten: log.some((l) => l.startsWith('Output location: ')),
    counts: { warnings: messages.filter((m) => m.severity === 'warning').length, errors: messages.filter((m) => m.severity === 'error').length },
    messages,
    budgets: checks.map(({ index, budget, checks }) => ({
      index, budget,
      checks: checks.map(({ label, size, threshold, direction, severity, limit, verdict, message }) =>
        ({ label, size, threshold, direction, severity, limit: Number.isNaN(limit) ? null : limit, verdict, ...(message !== undefined ? { message } : {}) })),
    })),
  };
}
fs.writeFileSync(new URL('verdicts.json', here), JSON.stringify(out, null, 2) + '\n');
if (mismatches) { console.error(`${mismatches} mismatch(es)`); process.exit(1); }
console.log(`verdicts.json written; ${Object.keys(configs).length} configurations agree with the restated rules`);
