// Writes reference-sizes.json: gzip -9 and brotli q11 sizes of every JS and CSS file in dist/, computed by
// Node's zlib (the same zlib and brotli libraries that servers and build tools use). BundleBudget's tests compare
// their own measurements with these. Run: node scripts/reference-sizes.mjs
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(js|css|html|svg)$/.test(name)) files.push(path);
  }
};
walk(dist);
files.sort();
const sizes = {};
for (const path of files) {
  const content = readFileSync(path);
  sizes[relative(dist, path)] = {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 22 },
    }).length,
  };
}
writeFileSync(new URL('../reference-sizes.json', import.meta.url), JSON.stringify({ node: process.version, zlib: process.versions.zlib, brotli: process.versions.brotli, sizes }, null, 2) + '\n');
