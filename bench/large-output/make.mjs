#!/usr/bin/env node
// Generates a large, realistic web build output folder for the benchmark: `node make.mjs <outDir>`.
// Real library code (three, React, Vue, Chart.js, d3, RxJS, Moment with all its locales, lodash, date-fns) bundled
// by esbuild into ES-module chunks with source maps, real vendor CSS and fonts, photo-like PNG/JPEG images, and one
// entry page. Deterministic: the same lockfile gives the same bytes on every run.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { buildJs } from './lib/js.mjs';
import { buildCss } from './lib/css.mjs';
import { contentHash, rng, word } from './lib/random.mjs';

const ROOT = dirname(fileURLToPath(import.meta.url));
const IMAGES = 200;
const started = performance.now();

if (process.argv.length !== 3 || process.argv[2].startsWith('-')) {
  console.error('usage: node make.mjs <outDir>');
  process.exit(2);
}
const outDir = resolve(process.argv[2]);
const srcDir = join(ROOT, '.gen-src'); // generated sources; fixed place, so source-map paths are the same every run

// The output folder is deleted and written anew: refuse anything that does not look like an earlier output.
const OWN = new Set(['assets', 'fonts', 'images', 'index.html']);
if (outDir === ROOT || ROOT.startsWith(`${outDir}/`) || outDir === '/') throw new Error(`refusing to use ${outDir}`);
if (existsSync(outDir) && readdirSync(outDir).some((f) => !OWN.has(f))) {
  throw new Error(`${outDir} exists and holds files this generator did not write; give an empty or new folder`);
}
rmSync(outDir, { recursive: true, force: true });
for (const d of ['assets', 'fonts', 'images']) mkdirSync(join(outDir, d), { recursive: true });

// Images: ~200 photo-like PNG/JPEG files, 50-300 KB, made on worker threads while esbuild bundles.
function imageJobs() {
  const r = rng('images');
  return Array.from({ length: IMAGES }, (_, index) => {
    const kind = index % 5 < 3 ? 'jpg' : 'png';
    const band = r();
    const [lo, hi] = band < 0.08 ? [55_000, 100_000] : band < 0.86 ? [125_000, 199_000] : [205_000, 295_000];
    const target = Math.exp(Math.log(lo) + r() * (Math.log(hi) - Math.log(lo))); // 14% over a 200 kB budget
    return { index, kind, seed: `image-${index}`, target: Math.round(target), name: `${word(r, 2, 3)}-${index + 1}` };
  });
}

function makeImages(jobs) {
  const threads = Math.max(1, Math.min(2, availableParallelism()));
  const paths = new Array(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolveAll, reject) => {
    const workers = Array.from({ length: threads }, () => new Worker(new URL('./lib/image-worker.mjs', import.meta.url)));
    const feed = (w) => {
      if (next < jobs.length) w.postMessage(jobs[next++]);
    };
    for (const w of workers) {
      w.on('error', reject);
      w.on('message', ({ index, bytes }) => {
        const job = jobs[index];
        const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const rel = `images/${job.name}-${contentHash(data)}.${job.kind}`;
        writeFileSync(join(outDir, rel), data);
        paths[index] = rel;
        if (++done === jobs.length) {
          for (const x of workers) x.terminate();
          resolveAll(paths);
        } else {
          feed(w);
        }
      });
      feed(w);
    }
  });
}

const [images, metafile] = await Promise.all([makeImages(imageJobs()), buildJs(ROOT, srcDir, outDir)]);
const { entrySheet } = await buildCss(ROOT, srcDir, outDir, images);

const entryChunk = Object.entries(metafile.outputs)
  .find(([, o]) => o.entryPoint && o.entryPoint.endsWith('.gen-src/main.js'))[0];
const entryScript = relative(outDir, resolve(ROOT, entryChunk)).replaceAll('\\', '/');
writeFileSync(join(outDir, 'index.html'), `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>BundleBudget benchmark — large output</title>
    <script type="module" crossorigin src="/${entryScript}"></script>
    <link rel="stylesheet" crossorigin href="/${entrySheet}">
  </head>
  <body>
    <header class="app-header"><img src="/${images[0]}" alt="" width="320" height="180" /></header>
    <div id="app"></div>
  </body>
</html>
`);
rmSync(srcDir, { recursive: true, force: true });

// Summary by type.
const byType = new Map();
let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { walk(p); continue; }
    const type = e.name.endsWith('.js.map') ? '.js.map' : e.name.slice(e.name.lastIndexOf('.'));
    const size = statSync(p).size;
    const t = byType.get(type) ?? { files: 0, bytes: 0 };
    t.files++; t.bytes += size;
    byType.set(type, t);
    files++; bytes += size;
  }
};
walk(outDir);
const mib = (n) => `${(n / 1048576).toFixed(2)} MiB`;
console.log(`${relative(process.cwd(), outDir) || '.'}: ${files} files, ${bytes} bytes (${mib(bytes)})`);
for (const [type, t] of [...byType].sort((a, b) => b[1].bytes - a[1].bytes)) {
  console.log(`  ${type.padEnd(8)} ${String(t.files).padStart(4)} files ${String(t.bytes).padStart(10)} bytes  ${mib(t.bytes).padStart(10)}`);
}
console.log(`entry page: index.html -> /${entryScript}, /${entrySheet}`);
console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
