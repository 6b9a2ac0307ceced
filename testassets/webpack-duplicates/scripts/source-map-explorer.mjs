// Writes source-map-explorer.json: what source-map-explorer 2.5.3 attributes to each source of each
// bundle in dist/. source-map-explorer is deliberately not a dependency:
//
//   npm i --no-save source-map-explorer@2.5.3 && node scripts/source-map-explorer.mjs
//
// `--no-border-checks` is needed: source-map-explorer 2.5.3 depends on source-map ^0.7.4, whose
// computeColumnSpans() gives the last mapping of every generated line `lastGeneratedColumn: Infinity`,
// which the border check reports as "Your source map refers to generated column Infinity on line N".
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundles = readdirSync(new URL('../dist/', import.meta.url))
  .filter((name) => name.endsWith('.js'))
  .sort()
  .map((name) => `dist/${name}`);

const stdout = execFileSync(
  'npx',
  ['--no-install', 'source-map-explorer', ...bundles, '--json', '--no-border-checks'],
  { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const { results, errors } = JSON.parse(stdout);
if (errors?.length) throw new Error(JSON.stringify(errors, null, 2));

const out = {
  tool: 'source-map-explorer 2.5.3',
  command: 'source-map-explorer dist/*.js --json --no-border-checks',
  bundles: {},
};
for (const result of results.sort((a, b) => a.bundleName.localeCompare(b.bundleName))) {
  const files = {};
  for (const [source, { size }] of Object.entries(result.files)) files[source] = size;
  out.bundles[result.bundleName.replace(/^dist\//, '')] = {
    totalBytes: result.totalBytes,
    mappedBytes: result.mappedBytes,
    unmappedBytes: result.unmappedBytes,
    eolBytes: result.eolBytes,
    sourceMapCommentBytes: result.sourceMapCommentBytes,
    files,
  };
}
writeFileSync(new URL('../source-map-explorer.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
console.log(`source-map-explorer.json: ${results.length} bundles`);
