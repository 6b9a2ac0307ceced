// Writes expected-duplicates.json, the oracle for a "duplicate package across chunks" check: webpack's own
// view (webpack-stats.json) of every node_modules module that is in two or more chunks.
//
//   node scripts/expected-duplicates.mjs
//
// webpack-stats.json lists modules at the top level, each with the ids of its `chunks`. In production mode
// webpack concatenates ES modules into their importer ("./src/admin.js + 2 modules"): such a concatenated
// module has its inner modules under `modules`, and the inner ones have `chunks: []` there, so an inner
// module is counted in the chunks of the concatenated module that holds it. The same resource can appear
// several times (concatenated into one entry, standalone in another chunk, ...): all appearances with the
// same `name` (a path relative to the webpack context, so one installed copy) are merged.
import { readFileSync, writeFileSync } from 'node:fs';

const stats = JSON.parse(readFileSync(new URL('../webpack-stats.json', import.meta.url), 'utf8'));

const chunks = [...stats.chunks]
  .map((c) => ({
    id: c.id,
    names: c.names,
    initial: c.initial,
    entry: c.entry,
    files: c.files,
    auxiliaryFiles: c.auxiliaryFiles,
  }))
  .sort((a, b) => String(a.names[0] ?? a.id).localeCompare(String(b.names[0] ?? b.id)));
const jsFile = new Map(
  chunks.map((c) => {
    const js = c.files.filter((f) => f.endsWith('.js'));
    if (js.length !== 1) throw new Error(`chunk ${c.id}: expected one .js file, got ${JSON.stringify(c.files)}`);
    return [c.id, js[0]];
  }),
);

// name -> { size, appearances: Map(chunkFile -> as) }
const byName = new Map();
function record(module, chunkIds, as) {
  if (!module.name || !/[\\/]node_modules[\\/]/.test(module.name)) return;
  let entry = byName.get(module.name);
  if (!entry) byName.set(module.name, (entry = { size: module.size, appearances: new Map() }));
  if (entry.size !== module.size) throw new Error(`${module.name}: sizes differ (${entry.size}, ${module.size})`);
  for (const id of chunkIds) entry.appearances.set(jsFile.get(id), as);
}
for (const m of stats.modules) {
  if (!m.name) continue; // "runtime modules" / "orphan modules" summary groups
  record(m, m.chunks ?? [], 'module');
  for (const inner of m.modules ?? []) record(inner, m.chunks ?? [], `concatenated into "${m.name}"`);
}

function packageOf(name) {
  const rest = name.slice(name.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const parts = rest.split('/');
  return { package: parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0], module: rest };
}

const duplicates = [...byName]
  .filter(([, e]) => e.appearances.size >= 2)
  .map(([name, e]) => {
    const files = [...e.appearances.keys()].sort();
    return {
      ...packageOf(name),
      chunks: files,
      size: e.size,
      appearances: files.map((file) => ({ chunk: file, as: e.appearances.get(file) })),
    };
  })
  .sort((a, b) => a.package.localeCompare(b.package) || a.module.localeCompare(b.module));

const out = {
  source: `webpack-stats.json (webpack ${stats.version})`,
  rule: 'every module whose name contains node_modules/ and that is in two or more chunks (inner modules of a concatenated module count in its chunks)',
  duplicates,
  chunks,
};
writeFileSync(new URL('../expected-duplicates.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
console.log(`expected-duplicates.json: ${duplicates.length} duplicated modules in ${new Set(duplicates.map((d) => d.package)).size} packages`);
