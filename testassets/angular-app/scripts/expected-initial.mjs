// Writes expected-initial.json from the browser half of the `ng build` table in build-output.txt,
// adding the exact byte sizes of the files on disk. Run after a rebuild: node scripts/expected-initial.mjs
// "transfer" repeats the CLI's own estimate exactly: Node zlib brotliCompress with its defaults
// (quality 11), or the raw size for files under 1024 bytes, which the CLI does not compress.
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';

const root = new URL('../', import.meta.url);
const out = 'dist/angular-app/';
const log = readFileSync(new URL('build-output.txt', root), 'utf8');
const browser = log.slice(log.indexOf('Browser bundles'), log.indexOf('Server bundles'));

// The CLI's formatSize (@angular/build src/utils/format-bytes.js): powers of 1000, two decimals.
function formatSize(size) {
  const units = ['bytes', 'kB', 'MB', 'GB'];
  const i = Math.floor(Math.log(size) / Math.log(1000));
  return `${(size / 1000 ** i).toFixed(i === 0 ? 0 : 2)} ${units[i]}`;
}

const result = { page: 'browser/index.html', initial: [], lazy: [] };
let section = null;
let total = null;
for (const line of browser.split('\n')) {
  const cells = line.split('|').map((c) => c.trim());
  if (cells.length < 4) continue;
  if (cells[0] === 'Initial chunk files') { section = result.initial; continue; }
  if (cells[0] === 'Lazy chunk files') { section = result.lazy; continue; }
  if (cells[0] === '' && cells[1] === 'Initial total') { total = { cliRaw: cells[2], cliTransfer: cells[3] }; continue; }
  const [file, name, cliRaw, cliTransfer] = cells;
  const bytes = readFileSync(new URL(out + 'browser/' + file, root));
  const raw = bytes.length;
  const transfer = raw < 1024 ? raw : brotliCompressSync(bytes).length;
  if (formatSize(raw) !== cliRaw || formatSize(transfer) !== cliTransfer) {
    throw new Error(`${file}: disk ${formatSize(raw)} / ${formatSize(transfer)} but the CLI lists ${cliRaw} / ${cliTransfer}`);
  }
  section.push({ file: 'browser/' + file, name: name === '-' ? null : name, raw, transfer, cliRaw, cliTransfer });
}
const raw = result.initial.reduce((s, f) => s + f.raw, 0);
const transfer = result.initial.reduce((s, f) => s + f.transfer, 0);
if (formatSize(raw) !== total.cliRaw || formatSize(transfer) !== total.cliTransfer) throw new Error('initial total differs');
result.initialTotal = { raw, transfer, ...total };
writeFileSync(new URL('expected-initial.json', root), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
