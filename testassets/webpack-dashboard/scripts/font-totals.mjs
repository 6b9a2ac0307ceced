// Prints the font numbers the README quotes: the bytes of every font file in dist/, and the bytes a
// modern browser downloads. For each @font-face only the last `src` declaration counts, and of its
// list the first url() whose format() is woff2, woff, truetype or opentype (EOT and SVG fonts are
// skipped by modern browsers). Checks that every url() points to a file that exists in dist/.
//
//   node scripts/font-totals.mjs
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const FONT_EXT = /\.(eot|woff2?|ttf|otf|svg)$/i;
const MODERN = new Set(['woff2', 'woff', 'truetype', 'opentype']);

const fontFiles = readdirSync(join(dist, 'fonts')).filter((f) => FONT_EXT.test(f)).sort();
const allBytes = fontFiles.reduce((sum, f) => sum + statSync(join(dist, 'fonts', f)).size, 0);

const downloaded = [];
for (const css of readdirSync(dist).filter((f) => f.endsWith('.css')).sort()) {
  const text = readFileSync(join(dist, css), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, body] of text.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const srcs = [...body.matchAll(/(?:^|;)\s*src\s*:\s*([^;]*)/g)].map((m) => m[1]);
    const family = /font-family\s*:\s*([^;]*)/.exec(body)[1].trim();
    const weight = (/font-weight\s*:\s*([^;]*)/.exec(body) ?? [, '400'])[1].trim();
    for (const src of srcs) {
      for (const [, url] of src.matchAll(/url\(\s*['"]?([^'")]*)['"]?\s*\)/g)) {
        const file = url.replace(/[?#].*$/, '');
        if (!existsSync(join(dist, file))) throw new Error(`${css}: ${url} is not in dist/`);
      }
    }
    const last = srcs.at(-1);
    const entries = [...last.matchAll(/url\(\s*['"]?([^'")]*)['"]?\s*\)\s*(?:format\(\s*['"]?([^'")]*)['"]?\s*\))?/g)];
    const chosen = entries.find(([, , format]) => MODERN.has((format ?? '').toLowerCase()));
    const file = chosen[1].replace(/[?#].*$/, '');
    downloaded.push({ css, family, weight, file, format: chosen[2], bytes: statSync(join(dist, file)).size });
  }
}

const downloadedBytes = downloaded.reduce((sum, d) => sum + d.bytes, 0);
console.log(JSON.stringify({ fontFiles: fontFiles.length, allBytes, downloaded, downloadedBytes }, null, 2));
