// Stylesheets and fonts of the output: real vendor CSS (Bootstrap, Bulma, animate.css, normalize.css), @font-face
// sheets for real Fontsource fonts, the entry page's stylesheet, and generated page stylesheets that bundle real
// animate.css sources with generated component rules. Some sheets @import others; font and image url()s point at
// files of the output.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { contentHash, rng, word } from './random.mjs';

export const PAGE_SHEETS = 30;

// [package, family, subset, weight, style, formats]: 20 font files.
const FONTS = [
  ['roboto', 'Roboto', 'latin', 400, 'normal', ['woff2', 'woff']],
  ['roboto', 'Roboto', 'latin', 700, 'normal', ['woff2', 'woff']],
  ['roboto', 'Roboto', 'latin', 400, 'italic', ['woff2']],
  ['roboto', 'Roboto', 'latin', 500, 'normal', ['woff2']],
  ['roboto', 'Roboto', 'cyrillic', 400, 'normal', ['woff2']],
  ['inter', 'Inter', 'latin', 400, 'normal', ['woff2', 'woff']],
  ['inter', 'Inter', 'latin', 600, 'normal', ['woff2', 'woff']],
  ['inter', 'Inter', 'latin', 700, 'normal', ['woff2']],
  ['inter', 'Inter', 'latin-ext', 400, 'normal', ['woff2']],
  ['inter', 'Inter', 'cyrillic', 400, 'normal', ['woff2']],
  ['source-sans-3', 'Source Sans 3', 'latin', 400, 'normal', ['woff2', 'woff']],
  ['source-sans-3', 'Source Sans 3', 'latin', 600, 'normal', ['woff2']],
  ['source-sans-3', 'Source Sans 3', 'latin', 700, 'normal', ['woff2', 'woff']],
  ['source-sans-3', 'Source Sans 3', 'latin', 400, 'italic', ['woff2']],
];

// Vendor stylesheets copied as published (their source-map comments dropped: the maps are not shipped).
const VENDOR = [
  'bootstrap/dist/css/bootstrap.min.css', 'bootstrap/dist/css/bootstrap.rtl.min.css',
  'bootstrap/dist/css/bootstrap-grid.min.css', 'bootstrap/dist/css/bootstrap-grid.rtl.min.css',
  'bootstrap/dist/css/bootstrap-reboot.min.css', 'bootstrap/dist/css/bootstrap-reboot.rtl.min.css',
  'bootstrap/dist/css/bootstrap-utilities.min.css', 'bootstrap/dist/css/bootstrap-utilities.rtl.min.css',
  'bulma/css/bulma.min.css', 'bulma/css/versions/bulma-no-dark-mode.min.css',
  'bulma/css/versions/bulma-no-helpers.min.css', 'bulma/css/versions/bulma-no-helpers-prefixed.min.css',
  'bulma/css/versions/bulma-prefixed.min.css', 'animate.css/animate.min.css',
  'animate.css/animate.compat.css', 'normalize.css/normalize.css',
];

const minify = async (css) => (await esbuild.transform(css, { loader: 'css', minify: true })).code;

/** Writes `data` as `<dir>/<base>-<hash>.<ext>` under outDir; returns the path relative to outDir. */
function emit(outDir, dir, base, ext, data) {
  const rel = `${dir}/${base}-${contentHash(data)}.${ext}`;
  writeFileSync(join(outDir, rel), data);
  return rel;
}

/** Copies the fonts and writes one @font-face sheet per family; returns { sheets: {family: path}, fonts: [path] }. */
async function fonts(root, outDir) {
  const nm = join(root, 'node_modules', '@fontsource');
  const faces = {};
  const fontFiles = [];
  for (const [pkg, family, subset, weight, style, formats] of FONTS) {
    const id = `${pkg}-${subset}-${weight}-${style}`;
    const css = readFileSync(join(nm, pkg, `${weight}${style === 'italic' ? '-italic' : ''}.css`), 'utf8');
    const block = css.split('/* ').find((b) => b.startsWith(`${id} */`));
    const range = block && /unicode-range:\s*([^;]+);/.exec(block);
    if (!range) throw new Error(`no unicode-range for ${id} in @fontsource/${pkg}`);
    const src = formats.map((f) => {
      const data = readFileSync(join(nm, pkg, 'files', `${id}.${f}`));
      const rel = emit(outDir, 'fonts', id, f, data);
      fontFiles.push(rel);
      return `url(../${rel}) format("${f}")`;
    });
    (faces[pkg] ??= []).push(`@font-face{font-family:"${family}";font-style:${style};font-display:swap;font-weight:${weight};src:${src.join(',')};unicode-range:${range[1].trim()}}`);
  }
  const sheets = {};
  for (const [pkg, list] of Object.entries(faces)) sheets[pkg] = emit(outDir, 'assets', `fonts-${pkg}`, 'css', `${list.join('\n')}\n`);
  return { sheets, fontFiles };
}

/** Generated component rules: selectors, colours, spacing, media queries, all different per sheet. */
function componentRules(r, prefix, count, images) {
  const props = [
    () => `color:#${r.int(0, 0xffffff).toString(16).padStart(6, '0')}`,
    () => `background-color:rgba(${r.int(0, 255)},${r.int(0, 255)},${r.int(0, 255)},${(r() * 0.9 + 0.1).toFixed(2)})`,
    () => `padding:${r.int(0, 6) / 4}rem ${r.int(0, 8) / 4}rem`,
    () => `margin:${r.int(0, 4) / 4}rem ${r.pick(['auto', '0', '1rem'])}`,
    () => `border:${r.int(1, 3)}px ${r.pick(['solid', 'dashed', 'dotted'])} #${r.int(0, 0xfff).toString(16).padStart(3, '0')}`,
    () => `border-radius:${r.int(0, 16)}px`,
    () => `font-size:${(0.75 + r() * 1.5).toFixed(3)}rem`,
    () => `font-weight:${r.pick([300, 400, 500, 600, 700])}`,
    () => `line-height:${(1.1 + r() * 0.8).toFixed(2)}`,
    () => `display:${r.pick(['flex', 'grid', 'block', 'inline-flex', 'none'])}`,
    () => `gap:${r.int(1, 12) * 2}px`,
    () => `grid-template-columns:repeat(${r.int(2, 6)},minmax(${r.int(8, 20) * 10}px,1fr))`,
    () => `box-shadow:0 ${r.int(1, 8)}px ${r.int(2, 24)}px rgba(0,0,0,.${r.int(5, 30)})`,
    () => `transition:${r.pick(['opacity', 'transform', 'color', 'background-color'])} ${r.int(1, 6) * 50}ms ease-${r.pick(['in', 'out', 'in-out'])}`,
    () => `transform:translate(${r.int(-20, 20)}px,${r.int(-20, 20)}px) rotate(${r.int(-8, 8)}deg)`,
    () => `width:${r.pick([`${r.int(10, 100)}%`, `${r.int(8, 60)}rem`, 'auto', 'max-content'])}`,
    () => (images.length && r() < 0.3 ? `background-image:url(../${r.pick(images)})` : `opacity:${(r() * 0.6 + 0.4).toFixed(2)}`),
  ];
  const rules = [];
  for (let i = 0; i < count; i++) {
    const sel = `.${prefix}-${word(r, 1, 3)}${r() < 0.4 ? ` .${word(r, 1, 2)}` : ''}${r() < 0.2 ? `:${r.pick(['hover', 'focus-visible', 'active', 'first-child'])}` : ''}`;
    const decls = Array.from({ length: r.int(2, 7) }, () => r.pick(props)());
    const rule = `${sel}{${decls.join(';')}}`;
    rules.push(r() < 0.1 ? `@media (min-width:${r.pick([576, 768, 992, 1200])}px){${rule}}` : rule);
  }
  return rules.join('\n');
}

/** Writes all stylesheets and fonts; returns { entrySheet, sheets: [path], fontFiles: [path] }. */
export async function buildCss(root, srcDir, outDir, images) {
  const nm = join(root, 'node_modules');
  const sheets = [];
  const vendor = {};
  for (const spec of VENDOR) {
    let css = readFileSync(join(nm, spec), 'utf8').replace(/\n?\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '\n');
    if (!spec.endsWith('.min.css')) css = await minify(css);
    const base = spec.split('/').pop().replace(/\.css$/, '');
    vendor[base] = emit(outDir, 'assets', base, 'css', css);
    sheets.push(vendor[base]);
  }
  const { sheets: fontSheets, fontFiles } = await fonts(root, outDir);
  sheets.push(...Object.values(fontSheets));

  // Page sheets: each bundles a few real animate.css animations (esbuild resolves their @imports) with generated
  // rules; every third one @imports an earlier page sheet at run time, and some declare a display face of their own.
  const animations = [];
  for (const dir of readdirSync(join(nm, 'animate.css/source'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const f of readdirSync(join(nm, 'animate.css/source', dir)).sort()) animations.push(`${dir}/${f}`);
  }
  const pages = [];
  mkdirSync(join(srcDir, 'styles'), { recursive: true });
  for (let i = 0; i < PAGE_SHEETS; i++) {
    const r = rng(`page-sheet:${i}`);
    const name = `${word(r, 2, 3)}-${i + 1}`;
    const imports = ['_vars.css', '_base.css', ...r.sample(animations, r.int(2, 12))]
      .map((a) => `@import "${join(nm, 'animate.css/source', a).replaceAll('\\', '/')}";`);
    let face = '';
    if (r() < 0.25) {
      const font = r.pick(fontFiles.filter((f) => f.endsWith('.woff2')));
      face = `@font-face{font-family:"${name} display";font-display:swap;src:url(../${font}) format("woff2")}\n.${name}-title{font-family:"${name} display",system-ui,sans-serif}\n`;
    }
    const file = join(srcDir, 'styles', `${name}.css`);
    writeFileSync(file, `${imports.join('\n')}\n${face}${componentRules(r, name, r.int(150, 900), images)}\n`);
    const built = await esbuild.build({
      entryPoints: [file], bundle: true, minify: true, write: false, logLevel: 'warning', external: ['*.woff2', '*.woff', '*.jpg', '*.png'],
    });
    let css = built.outputFiles[0].text;
    if (i % 3 === 2) css = `@import"./${pages[i - 2].split('/').pop()}";${css}`;
    pages.push(emit(outDir, 'assets', name, 'css', css));
  }
  sheets.push(...pages);

  // The entry page's stylesheet: Bootstrap and the Inter faces by @import, then the app shell's own rules.
  const r = rng('entry-sheet');
  const entryCss = `@import"./${vendor['bootstrap.min'].split('/').pop()}";@import"./${fontSheets.inter.split('/').pop()}";`
    + `${await minify(`body{font-family:Inter,system-ui,sans-serif}\n${componentRules(r, 'app', 260, images)}`)}`;
  const entrySheet = emit(outDir, 'assets', 'index', 'css', entryCss);
  sheets.push(entrySheet);
  return { entrySheet, sheets, fontFiles };
}
