// Generator for the media-site fixture (images, fonts, broken files, expected-*.json).
//
// The packages are NOT dependencies of the repo. Install them in a throwaway folder and run
// this script from there (or point MEDIAFIX_DEPS at that folder):
//
//   mkdir -p /tmp/mediafix && cd /tmp/mediafix && npm init -y
//   npm i --no-save sharp@0.35.5 fontkit@2.0.4 opentype.js@2.0.0 gifenc@1.0.3 png-to-ico@3.0.2 \
//       @fontsource/inter@5.3.0 font-awesome@4.7.0
//   node /path/to/testassets/media-site/scripts/make-fixtures.mjs
//   rm -rf /tmp/mediafix
//
// Everything random is drawn from a seeded PRNG, so the pixels are the same on every run; the
// encoded bytes (and so the sizes in expected-images.json) depend on the sharp/libvips version.
// The script rewrites site/ (html, css, images, fonts) and both expected-*.json files, then
// checks them and exits non-zero if a check fails.

import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';

const depsDir = path.resolve(process.env.MEDIAFIX_DEPS ?? process.cwd());
const nodeModules = path.join(depsDir, 'node_modules');
const require = createRequire(path.join(depsDir, 'noop.js'));
const sharp = require('sharp');
const fontkit = require('fontkit');
const opentype = require('opentype.js');
const { GIFEncoder, quantize, applyPalette } = require('gifenc');
const pngToIco = (await import(pathToFileURL(require.resolve('png-to-ico')).href)).default;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const site = path.join(root, 'site');
const imagesDir = path.join(site, 'images');
const brokenDir = path.join(imagesDir, 'broken');
const fontsDir = path.join(site, 'fonts');
const cssDir = path.join(site, 'css');

const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.join(nodeModules, name, 'package.json'), 'utf8')).version;
const toolVersions = {
  node: process.version,
  sharp: sharp.versions.sharp,
  libvips: sharp.versions.vips,
  'libvips bundle (@img/sharp-libvips-linux-x64)': pkgVersion('@img/sharp-libvips-linux-x64'),
  libheif: sharp.versions.heif,
  aom: sharp.versions.aom,
  libwebp: sharp.versions.webp,
  mozjpeg: sharp.versions.mozjpeg,
  libpng: sharp.versions.png,
  cgif: sharp.versions.cgif,
  librsvg: sharp.versions.rsvg,
  libxml2: sharp.versions.xml2,
  fontkit: pkgVersion('fontkit'),
  'opentype.js': pkgVersion('opentype.js'),
  gifenc: pkgVersion('gifenc'),
  'png-to-ico': pkgVersion('png-to-ico'),
  '@fontsource/inter': pkgVersion('@fontsource/inter'),
  'font-awesome': pkgVersion('font-awesome'),
};

// ---------------------------------------------------------------- helpers

function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v) => Math.max(0, Math.min(255, Math.round(v)));

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function write(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

const rel = (file) => path.relative(site, file).split(path.sep).join('/');

// ---------------------------------------------------------------- clean output

for (const d of [imagesDir, fontsDir, cssDir]) fs.rmSync(d, { recursive: true, force: true });
fs.mkdirSync(brokenDir, { recursive: true });
fs.mkdirSync(fontsDir, { recursive: true });
fs.mkdirSync(cssDir, { recursive: true });

// ---------------------------------------------------------------- the photo (raw RGB)
// Sky gradient with a sun and glow (no noise), hills, and a ground area with sine texture
// plus luma grain (sigma 2.5): PNG compresses it badly, JPEG/WebP/AVIF well.

const PW = 1200, PH = 800;
function makePhoto() {
  const rnd = mulberry32(42);
  const gauss = () => (rnd() + rnd() + rnd() + rnd() - 2) * 1.732; // ~N(0,1)
  const buf = Buffer.alloc(PW * PH * 3);
  for (let y = 0; y < PH; y++) {
    for (let x = 0; x < PW; x++) {
      const hill = PH * 0.6 + Math.sin(x / 140) * 40 + Math.sin(x / 37 + 1) * 12;
      let R, G, B, n = 0;
      if (y < hill) {
        const t = y / hill;
        R = 90 + 110 * t; G = 140 + 90 * t; B = 230 - 20 * t;
        const d = Math.hypot(x - 900, y - 180);
        if (d < 70) { R = 255; G = 240; B = 190; }
        else if (d < 160) {
          const k = (160 - d) / 90;
          R += (255 - R) * k * 0.5; G += (235 - G) * k * 0.5; B += (190 - B) * k * 0.3;
        }
      } else {
        const t = (y - hill) / (PH - hill);
        R = 60 + 80 * t + 20 * Math.sin(x / 23);
        G = 120 - 30 * t + 15 * Math.sin(y / 11);
        B = 40 + 20 * t;
        n = gauss() * 2.5;
      }
      const i = (y * PW + x) * 3;
      buf[i] = clamp(R + n); buf[i + 1] = clamp(G + n); buf[i + 2] = clamp(B + n);
    }
  }
  return buf;
}
const photoRaw = makePhoto();
const photo = () => sharp(photoRaw, { raw: { width: PW, height: PH, channels: 3 } });

const img = (name) => path.join(imagesDir, name);

const photoPng = await photo().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
write(img('photo.png'), photoPng);
write(img('photo-q100.jpg'), await photo()
  .jpeg({ quality: 100, chromaSubsampling: '4:4:4', progressive: false, optimiseCoding: false, mozjpeg: false })
  .toBuffer());
write(img('photo-q75.jpg'), await photo().jpeg({ quality: 75, mozjpeg: true }).toBuffer());
write(img('photo.webp'), await photo().webp({ quality: 75 }).toBuffer());
write(img('photo.avif'), await photo().avif({ quality: 50 }).toBuffer());

// ---------------------------------------------------------------- icon.png (64x64 palette)

const iconSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
<rect x="4" y="4" width="56" height="56" rx="12" fill="#1e6fd9"/>
<path d="M18 34 l10 10 l18 -22" fill="none" stroke="#ffffff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
write(img('icon.png'), await sharp(Buffer.from(iconSvg))
  .png({ palette: true, colours: 16, compressionLevel: 9, effort: 10 })
  .toBuffer());

// ---------------------------------------------------------------- huge.png (3000x2000, flat colours)

{
  const W = 3000, H = 2000;
  const raw = Buffer.alloc(W * H * 3);
  const colours = [[0xe8, 0xf1, 0xfb], [0x1e, 0x6f, 0xd9], [0xff, 0xc8, 0x3d], [0x2e, 0x2e, 0x38]];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let c = colours[0];
      if (y < 300) c = colours[3];
      else if (x > 200 && x < 1400 && y > 500 && y < 1700) c = colours[1];
      else if (Math.hypot(x - 2200, y - 1100) < 500) c = colours[2];
      const i = (y * W + x) * 3;
      raw[i] = c[0]; raw[i + 1] = c[1]; raw[i + 2] = c[2];
    }
  }
  write(img('huge.png'), await sharp(raw, { raw: { width: W, height: H, channels: 3 } })
    .png({ palette: true, colours: 4, compressionLevel: 9, effort: 10 })
    .toBuffer());
}

// ---------------------------------------------------------------- animated.gif (gifenc, 12 frames, 400x300)

{
  const W = 400, H = 300, N = 12;
  const rnd = mulberry32(7);
  const frames = [];
  for (let f = 0; f < N; f++) {
    const b = new Uint8Array(W * H * 4);
    const cx = 50 + f * (300 / (N - 1)), cy = 150 + Math.sin((f / N) * 2 * Math.PI) * 80;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 4;
        let R = 30 + y * 0.5, G = 40 + x * 0.3, B = 120 + f * 8;
        const d = Math.hypot(x - cx, y - cy);
        if (d < 40) { R = 250; G = 200 - d; B = 40; }
        if (rnd() < 0.04) { const v = rnd() * 255; R = v; G = v; B = v; } // speckle noise
        b[i] = R; b[i + 1] = G; b[i + 2] = B; b[i + 3] = 255;
      }
    }
    frames.push(b);
  }
  const all = new Uint8Array(W * H * 4 * N);
  frames.forEach((b, k) => all.set(b, k * W * H * 4));
  const palette = quantize(all, 256);
  const enc = GIFEncoder();
  frames.forEach((b, k) => {
    enc.writeFrame(applyPalette(b, palette), W, H, { palette: k === 0 ? palette : undefined, delay: 100, repeat: 0 });
  });
  enc.finish();
  write(img('animated.gif'), Buffer.from(enc.bytes()));
}

// ---------------------------------------------------------------- still.gif (single frame, sharp/cgif)

write(img('still.gif'), await sharp(Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect width="48" height="48" fill="#ffc83d"/><circle cx="24" cy="24" r="14" fill="#2e2e38"/></svg>`))
  .flatten({ background: '#ffffff' })
  .gif({ colours: 8 })
  .toBuffer());

// ---------------------------------------------------------------- SVGs

const logoSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64" role="img" aria-label="Media Site">
  <title>Media Site</title>
  <rect x="0" y="0" width="64" height="64" rx="14" fill="#1e6fd9"/>
  <circle cx="32" cy="32" r="16" fill="#ffc83d"/>
  <path d="M80 46V18h8l10 16 10-16h8v28h-8V31l-10 15-10-15v15z" fill="#2e2e38"/>
  <path d="M126 18h22v7h-14v4h12v7h-12v3h14v7h-22z" fill="#2e2e38"/>
  <rect x="156" y="40" width="76" height="6" rx="3" fill="#1e6fd9"/>
</svg>
`;
write(img('logo.svg'), logoSvg);

const embeddedPng = await photo().resize(120, 80).png({ compressionLevel: 9 }).toBuffer();
write(img('embedded.svg'), `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160" viewBox="0 0 120 80">
  <image x="0" y="0" width="120" height="80" href="data:image/png;base64,${embeddedPng.toString('base64')}"/>
  <rect x="4" y="4" width="112" height="72" fill="none" stroke="#ffffff" stroke-width="2"/>
</svg>
`);

// ---------------------------------------------------------------- favicon.ico and legacy.bmp

{
  const faviconSvg = Buffer.from(iconSvg);
  const png16 = await sharp(faviconSvg).resize(16, 16).png().toBuffer();
  const png32 = await sharp(faviconSvg).resize(32, 32).png().toBuffer();
  write(img('favicon.ico'), await pngToIco([png16, png32]));
}

{
  // 32x32, 24-bit, BI_RGB, bottom-up; header written by hand (14-byte file header + 40-byte BITMAPINFOHEADER).
  const W = 32, H = 32, rowSize = Math.ceil((W * 3) / 4) * 4, dataSize = rowSize * H;
  const bmp = Buffer.alloc(54 + dataSize);
  bmp.write('BM', 0, 'ascii');
  bmp.writeUInt32LE(bmp.length, 2);
  bmp.writeUInt32LE(54, 10);
  bmp.writeUInt32LE(40, 14);
  bmp.writeInt32LE(W, 18);
  bmp.writeInt32LE(H, 22); // positive = bottom-up
  bmp.writeUInt16LE(1, 26);
  bmp.writeUInt16LE(24, 28);
  bmp.writeUInt32LE(0, 30); // BI_RGB
  bmp.writeUInt32LE(dataSize, 34);
  bmp.writeInt32LE(2835, 38); // 72 dpi
  bmp.writeInt32LE(2835, 42);
  for (let row = 0; row < H; row++) {
    const y = H - 1 - row; // file row 0 is the bottom line
    for (let x = 0; x < W; x++) {
      const o = 54 + row * rowSize + x * 3;
      const inBox = x >= 8 && x < 24 && y >= 8 && y < 24;
      const [r, g, b] = inBox ? [0xff, 0xc8, 0x3d] : [0x1e, 0x6f, 0xd9];
      bmp[o] = b; bmp[o + 1] = g; bmp[o + 2] = r; // BGR
    }
  }
  write(img('legacy.bmp'), bmp);
}

// ---------------------------------------------------------------- broken images

write(path.join(brokenDir, 'truncated.png'), photoPng.subarray(0, 2000));
write(path.join(brokenDir, 'not-an-image.png'), 'this is not a png\n');

{
  // A valid 16x16 RGB PNG whose IHDR width/height are patched to 100000 x 100000, CRC recomputed.
  const small = Buffer.from(await sharp({ create: { width: 16, height: 16, channels: 3, background: '#1e6fd9' } })
    .png().toBuffer());
  if (small.toString('ascii', 12, 16) !== 'IHDR') throw new Error('IHDR not first chunk');
  small.writeUInt32BE(100000, 16);
  small.writeUInt32BE(100000, 20);
  small.writeUInt32BE(crc32(small.subarray(12, 29)), 29); // CRC over chunk type + 13 data bytes
  write(path.join(brokenDir, 'forged-size.png'), small);
}

write(path.join(brokenDir, 'billion-laughs.svg'), `<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40" viewBox="0 0 100 40">
  <text x="0" y="20">&lol9;</text>
</svg>
`);

write(path.join(brokenDir, 'external-entity.svg'), `<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40" viewBox="0 0 100 40">
  <text x="0" y="20">&xxe;</text>
</svg>
`);

// ---------------------------------------------------------------- fonts

const fontsource = path.join(nodeModules, '@fontsource/inter/files');
const fa = path.join(nodeModules, 'font-awesome/fonts');
fs.copyFileSync(path.join(fontsource, 'inter-latin-400-normal.woff2'), path.join(fontsDir, 'inter-latin-400-normal.woff2'));
fs.copyFileSync(path.join(fontsource, 'inter-latin-400-normal.woff'), path.join(fontsDir, 'inter-latin-400-normal.woff'));
fs.copyFileSync(path.join(fontsource, 'inter-latin-700-normal.woff2'), path.join(fontsDir, 'unused.woff2'));
for (const f of ['fontawesome-webfont.ttf', 'fontawesome-webfont.eot', 'FontAwesome.otf', 'fontawesome-webfont.woff2']) {
  fs.copyFileSync(path.join(fa, f), path.join(fontsDir, f));
}
write(path.join(fontsDir, 'empty.woff2'), Buffer.alloc(0));

// misnamed.woff2: the sfnt (TrueType) data inside inter-latin-400-normal.woff, unwrapped from WOFF 1.0.
function woffToSfnt(woff) {
  if (woff.toString('ascii', 0, 4) !== 'wOFF') throw new Error('not a WOFF');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const o = 44 + i * 20;
    const tag = woff.toString('ascii', o, o + 4);
    const offset = woff.readUInt32BE(o + 4), compLength = woff.readUInt32BE(o + 8);
    const origLength = woff.readUInt32BE(o + 12), checksum = woff.readUInt32BE(o + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) throw new Error(`bad table ${tag}`);
    tables.push({ tag, checksum, data });
  }
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = header.length;
  const parts = [header];
  tables.forEach((t, i) => {
    const o = 12 + i * 16;
    header.write(t.tag, o, 'ascii');
    header.writeUInt32BE(t.checksum, o + 4);
    header.writeUInt32BE(offset, o + 8);
    header.writeUInt32BE(t.data.length, o + 12);
    const padded = Buffer.alloc(Math.ceil(t.data.length / 4) * 4);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}
write(path.join(fontsDir, 'misnamed.woff2'), woffToSfnt(fs.readFileSync(path.join(fontsource, 'inter-latin-400-normal.woff'))));

// Licence texts (outside site/ so they do not show up as assets).
{
  const interLicence = fs.readFileSync(path.join(nodeModules, '@fontsource/inter/LICENSE'), 'utf8');
  write(path.join(root, 'licenses', 'OFL-1.1-Inter.txt'), interLicence);
  const oflBody = interLicence.slice(interLicence.indexOf('This Font Software is licensed'));
  write(path.join(root, 'licenses', 'OFL-1.1-FontAwesome.txt'),
    'Copyright Dave Gandy 2016. Font Awesome 4.7.0 by Dave Gandy - http://fontawesome.io\n' +
    '(fonts from the npm package font-awesome@4.7.0; its README: "The Font Awesome font is licensed under\n' +
    'the SIL OFL 1.1"; the CSS/LESS/Sass files are MIT, the documentation CC BY 3.0)\n\n' + oflBody);
}

// ---------------------------------------------------------------- html and css

write(path.join(site, 'index.html'), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Media site fixture</title>
  <link rel="icon" href="images/favicon.ico">
  <link rel="preload" href="fonts/inter-latin-400-normal.woff2" as="font" type="font/woff2" crossorigin>
  <link rel="stylesheet" href="css/site.css">
</head>
<body>
  <header>
    <img src="images/logo.svg" width="240" height="64" alt="Media Site">
    <i class="fa fa-camera" aria-hidden="true"></i>
  </header>
  <main>
    <picture>
      <source srcset="images/photo.avif" type="image/avif">
      <source srcset="images/photo.webp" type="image/webp">
      <img src="images/photo-q75.jpg" width="1200" height="800" alt="Hills at noon">
    </picture>
    <img src="images/photo-q100.jpg" width="1200" height="800" alt="Hills at noon, unoptimised JPEG">
    <img src="images/photo.png" alt="Hills at noon, as PNG" loading="lazy">
    <img src="images/icon.png" width="64" height="64" alt="">
    <img src="images/embedded.svg" width="240" height="160" alt="Photo wrapped in SVG">
    <img src="images/animated.gif" width="400" height="300" alt="Animated ball">
    <img src="images/huge.png" width="300" height="200" alt="Huge flat banner shown small">
  </main>
</body>
</html>
`);

write(path.join(cssDir, 'site.css'), `@font-face {
  font-family: "Inter";
  font-style: normal;
  font-display: swap;
  font-weight: 400;
  src: url("../fonts/inter-latin-400-normal.woff2") format("woff2"),
       url("../fonts/inter-latin-400-normal.woff") format("woff");
}

/* Font Awesome 4.7.0, trimmed to the eot + ttf sources of the original font-awesome.css */
@font-face {
  font-family: 'FontAwesome';
  src: url('../fonts/fontawesome-webfont.eot?v=4.7.0');
  src: url('../fonts/fontawesome-webfont.eot?#iefix&v=4.7.0') format('embedded-opentype'),
       url('../fonts/fontawesome-webfont.ttf?v=4.7.0') format('truetype');
  font-weight: normal;
  font-style: normal;
}

body {
  margin: 0;
  font-family: "Inter", system-ui, sans-serif;
  color: #2e2e38;
}

img {
  max-width: 100%;
  height: auto;
}

.fa {
  display: inline-block;
  font: normal normal normal 14px/1 FontAwesome;
}

.fa-camera:before {
  content: "\\f030";
}
`);

// ---------------------------------------------------------------- expected-images.json

// Which site files reference each asset (by construction of index.html / site.css above).
const references = {
  'images/favicon.ico': ['index.html'],
  'images/logo.svg': ['index.html'],
  'images/photo.avif': ['index.html'],
  'images/photo.webp': ['index.html'],
  'images/photo-q75.jpg': ['index.html'],
  'images/photo-q100.jpg': ['index.html'],
  'images/photo.png': ['index.html'],
  'images/icon.png': ['index.html'],
  'images/embedded.svg': ['index.html'],
  'images/animated.gif': ['index.html'],
  'images/huge.png': ['index.html'],
  'fonts/inter-latin-400-normal.woff2': ['index.html', 'css/site.css'],
  'fonts/inter-latin-400-normal.woff': ['css/site.css'],
  'fonts/fontawesome-webfont.eot': ['css/site.css'],
  'fonts/fontawesome-webfont.ttf': ['css/site.css'],
};

function listFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

function sniffImage(buf) {
  const hex = (n) => buf.subarray(0, n).toString('hex');
  if (buf.length >= 8 && hex(8) === '89504e470d0a1a0a') return 'png';
  if (buf.length >= 3 && hex(3) === 'ffd8ff') return 'jpeg';
  if (buf.length >= 6 && /^GIF8[79]a$/.test(buf.toString('ascii', 0, 6))) return 'gif';
  if (buf.length >= 12 && buf.toString('ascii', 0, 4) === 'RIFF' && buf.toString('ascii', 8, 12) === 'WEBP') return 'webp';
  if (buf.length >= 12 && buf.toString('ascii', 4, 8) === 'ftyp') return `isobmff:${buf.toString('ascii', 8, 12)}`;
  if (buf.length >= 4 && hex(4) === '00000100') return 'ico';
  if (buf.length >= 2 && buf.toString('ascii', 0, 2) === 'BM') return 'bmp';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!DOCTYPE[\s\S]*?\]?>\s*)?<svg[\s>]/.test(buf.toString('utf8', 0, 4096))) return 'svg';
  return 'unknown';
}

// Minimal ISOBMFF walker: ftyp brands and the ispe (image spatial extent) property of an AVIF/HEIF.
function readIsobmff(buf) {
  const boxes = (start, end) => {
    const out = [];
    let o = start;
    while (o + 8 <= end) {
      let size = buf.readUInt32BE(o);
      const type = buf.toString('ascii', o + 4, o + 8);
      let header = 8;
      if (size === 1) { size = Number(buf.readBigUInt64BE(o + 8)); header = 16; }
      else if (size === 0) size = end - o;
      if (size < header || o + size > end) break;
      out.push({ type, start: o, dataStart: o + header, end: o + size });
      o += size;
    }
    return out;
  };
  const top = boxes(0, buf.length);
  const ftyp = top.find((b) => b.type === 'ftyp');
  const result = {};
  if (ftyp) {
    result.majorBrand = buf.toString('ascii', ftyp.dataStart, ftyp.dataStart + 4);
    result.minorVersion = buf.readUInt32BE(ftyp.dataStart + 4);
    result.compatibleBrands = [];
    for (let o = ftyp.dataStart + 8; o + 4 <= ftyp.end; o += 4) result.compatibleBrands.push(buf.toString('ascii', o, o + 4));
  }
  const meta = top.find((b) => b.type === 'meta');
  if (meta) {
    // meta is a FullBox: 4 bytes version/flags before its children
    const iprp = boxes(meta.dataStart + 4, meta.end).find((b) => b.type === 'iprp');
    const ipco = iprp && boxes(iprp.dataStart, iprp.end).find((b) => b.type === 'ipco');
    if (ipco) {
      result.ispe = boxes(ipco.dataStart, ipco.end)
        .filter((b) => b.type === 'ispe')
        .map((b) => ({ width: buf.readUInt32BE(b.dataStart + 4), height: buf.readUInt32BE(b.dataStart + 8) }));
    }
  }
  return result;
}

function svgFacts(text) {
  const open = /<svg\b[^>]*>/.exec(text)?.[0] ?? '';
  const attr = (name) => new RegExp(`\\s${name}="([^"]*)"`).exec(open)?.[1] ?? null;
  return {
    viewBox: attr('viewBox'),
    widthAttr: attr('width'),
    heightAttr: attr('height'),
    embedsDataImage: /href\s*=\s*"data:image\//.test(text),
    embeddedDataImageTypes: [...text.matchAll(/href\s*=\s*"data:(image\/[a-z0-9.+-]+)/g)].map((m) => m[1]),
    hasDoctype: /<!DOCTYPE/i.test(text),
    internalEntities: [...text.matchAll(/<!ENTITY\s+(\S+)\s+"/g)].map((m) => m[1]),
    externalEntities: [...text.matchAll(/<!ENTITY\s+(\S+)\s+(SYSTEM|PUBLIC)\s+"([^"]*)"/g)].map((m) => ({ name: m[1], kind: m[2], uri: m[3] })),
  };
}

const META_FIELDS = ['format', 'width', 'height', 'space', 'channels', 'depth', 'hasAlpha', 'isProgressive', 'isPalette',
  'bitsPerSample', 'paletteBitDepth', 'pages', 'pageHeight', 'loop', 'delay', 'compression', 'chromaSubsampling',
  'hasProfile', 'density', 'resolutionUnit'];

const pick = (obj, fields) => Object.fromEntries(fields.filter((f) => obj[f] !== undefined).map((f) => [f, obj[f]]));
const errMsg = (e) => String(e?.message ?? e).trim();

async function sharpReport(file) {
  const r = {};
  try {
    r.metadata = pick(await sharp(file).metadata(), META_FIELDS);
  } catch (e) {
    r.metadataError = errMsg(e);
  }
  try {
    const { info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
    r.decode = { ok: true, width: info.width, height: info.height, channels: info.channels };
  } catch (e) {
    r.decode = { ok: false, error: errMsg(e) };
  }
  return r;
}

const brokenNotes = {
  'images/broken/truncated.png': 'photo.png cut to its first 2000 bytes (signature, IHDR and part of the first IDAT survive)',
  'images/broken/forged-size.png': 'valid 16x16 RGB PNG with IHDR width/height patched to 100000x100000 and the IHDR CRC recomputed (decompression-bomb header)',
  'images/broken/not-an-image.png': 'plain text "this is not a png\\n"',
  'images/broken/billion-laughs.svg': 'internal DTD with nested entities lol..lol9 (10^9 expansions of "lol" if expanded)',
  'images/broken/external-entity.svg': 'DTD declaring <!ENTITY xxe SYSTEM "file:///etc/passwd"> used in a <text>',
};

const imagesReport = {};
for (const file of listFiles(imagesDir)) {
  const key = rel(file);
  const buf = fs.readFileSync(file);
  const entry = {
    bytes: buf.length,
    sha256: crypto.createHash('sha256').update(buf).digest('hex'),
    broken: key.startsWith('images/broken/'),
    magic: sniffImage(buf),
    referencedBy: references[key] ?? [],
  };
  if (brokenNotes[key]) entry.note = brokenNotes[key];
  Object.assign(entry, await sharpReport(file));
  if (entry.magic.startsWith('isobmff:')) entry.isobmff = readIsobmff(buf);
  if (key.endsWith('.svg')) entry.svg = svgFacts(buf.toString('utf8'));
  if (key.endsWith('.png') && buf.length >= 33 && buf.toString('ascii', 12, 16) === 'IHDR') {
    entry.ihdr = {
      width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), bitDepth: buf[24], colourType: buf[25],
      crcValid: buf.readUInt32BE(29) === crc32(buf.subarray(12, 29)),
    };
  }
  if (key.endsWith('.bmp')) {
    entry.bmpHeader = { width: buf.readInt32LE(18), height: buf.readInt32LE(22), bitsPerPixel: buf.readUInt16LE(28), compression: buf.readUInt32LE(30) };
  }
  if (key.endsWith('.ico')) {
    const n = buf.readUInt16LE(4);
    entry.icoDirectory = Array.from({ length: n }, (_, i) => {
      const o = 6 + i * 16;
      const dataOffset = buf.readUInt32LE(o + 12);
      return {
        width: buf[o] || 256, height: buf[o + 1] || 256, bitsPerPixel: buf.readUInt16LE(o + 6),
        bytes: buf.readUInt32LE(o + 8), offset: dataOffset,
        payload: buf.subarray(dataOffset, dataOffset + 8).toString('hex') === '89504e470d0a1a0a' ? 'png' : 'bmp-dib',
      };
    });
  }
  if (key === 'images/broken/forged-size.png') {
    // Only the header is read; with the pixel limit lifted sharp reports the forged size.
    // (Never decode this with the limit lifted: it would try to allocate 30 GB.)
    try {
      entry.metadataLimitInputPixelsFalse = pick(await sharp(file, { limitInputPixels: false }).metadata(), META_FIELDS);
    } catch (e) {
      entry.metadataLimitInputPixelsFalseError = errMsg(e);
    }
  }
  if (key === 'images/animated.gif') {
    const m = await sharp(file, { animated: true }).metadata();
    entry.metadataAnimatedTrue = pick(m, ['width', 'height', 'pages', 'pageHeight']);
  }
  imagesReport[key] = entry;
}

// ---------------------------------------------------------------- expected-fonts.json

function sniffFont(buf) {
  if (buf.length === 0) return 'empty';
  if (buf.length >= 4) {
    const tag = buf.toString('latin1', 0, 4);
    if (tag === 'wOF2') return 'woff2';
    if (tag === 'wOFF') return 'woff';
    if (tag === 'OTTO') return 'otf';
    if (tag === 'true' || buf.readUInt32BE(0) === 0x00010000) return 'ttf';
    if (tag === 'ttcf') return 'ttc';
  }
  if (buf.length >= 36 && buf.readUInt16LE(34) === 0x504c) return 'eot';
  return 'unknown';
}

function eotHeader(buf) {
  const eotSize = buf.readUInt32LE(0), fontDataSize = buf.readUInt32LE(4);
  const version = buf.readUInt32LE(8), flags = buf.readUInt32LE(12);
  // Names follow the fixed 80-byte part (up to Reserved1-4): Padding1, FamilyNameSize, FamilyName (UTF-16LE), ...
  let o = 80;
  o += 2; // Padding1
  const famSize = buf.readUInt16LE(o); o += 2;
  const familyName = buf.toString('utf16le', o, o + famSize);
  return {
    eotSize, fontDataSize, version: '0x' + version.toString(16).padStart(8, '0'), flags,
    compressed: (flags & 0x4) !== 0, magic: '0x' + buf.readUInt16LE(34).toString(16), familyName,
    fontDataOffset: eotSize - fontDataSize,
  };
}

function fontkitReport(bufOrFile) {
  try {
    const f = typeof bufOrFile === 'string' ? fontkit.openSync(bufOrFile) : fontkit.create(bufOrFile);
    return { type: f.type, numGlyphs: f.numGlyphs, familyName: f.familyName, subfamilyName: f.subfamilyName, postscriptName: f.postscriptName, unitsPerEm: f.unitsPerEm };
  } catch (e) {
    return { error: errMsg(e) };
  }
}

function opentypeReport(buf) {
  try {
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
    const f = opentype.parse(ab);
    return { numGlyphs: f.numGlyphs, familyName: f.names?.fontFamily?.en ?? f.names?.windows?.fontFamily?.en ?? null, outlinesFormat: f.outlinesFormat };
  } catch (e) {
    return { error: errMsg(e) };
  }
}

const fontNotes = {
  'fonts/unused.woff2': 'Inter latin-700 woff2 from @fontsource/inter, referenced by nothing (dead weight)',
  'fonts/empty.woff2': 'zero-byte file',
  'fonts/misnamed.woff2': 'TrueType (sfnt 0x00010000) font unwrapped from inter-latin-400-normal.woff, saved with a .woff2 name',
  'fonts/fontawesome-webfont.woff2': 'from font-awesome@4.7.0, not referenced by site.css (dead weight)',
  'fonts/FontAwesome.otf': 'from font-awesome@4.7.0 (desktop OTF), not referenced by site.css (dead weight)',
};

const fontsReport = {};
for (const file of listFiles(fontsDir)) {
  const key = rel(file);
  const buf = fs.readFileSync(file);
  const ext = path.extname(file).slice(1).toLowerCase();
  const magicFormat = sniffFont(buf);
  const entry = {
    bytes: buf.length,
    sha256: crypto.createHash('sha256').update(buf).digest('hex'),
    extension: ext,
    magicFormat,
    magicHex: buf.subarray(0, 4).toString('hex'),
    extensionMatchesMagic: ext === magicFormat,
    referencedBy: references[key] ?? [],
  };
  if (fontNotes[key]) entry.note = fontNotes[key];
  entry.fontkit = fontkitReport(file);
  entry.opentypeJs = opentypeReport(buf);
  if (magicFormat === 'eot') {
    entry.eot = eotHeader(buf);
    entry.eot.embeddedFontDataFontkit = fontkitReport(buf.subarray(entry.eot.fontDataOffset));
  }
  fontsReport[key] = entry;
}

const generatedBy = {
  script: 'scripts/make-fixtures.mjs',
  tools: toolVersions,
};

write(path.join(root, 'expected-images.json'), JSON.stringify({
  generatedBy,
  description: 'For each file under site/images: byte size, sha256, magic-byte sniff, what sharp(file).metadata() returns (metadata, or metadataError), whether sharp(file).raw().toBuffer() decodes (decode), plus header facts read by the generator (ihdr, isobmff/ispe, svg, ico, bmp).',
  files: imagesReport,
}, null, 2) + '\n');

write(path.join(root, 'expected-fonts.json'), JSON.stringify({
  generatedBy,
  description: 'For each file under site/fonts: byte size, sha256, format from magic bytes (wOF2, wOFF, OTTO, 0x00010000/"true", EOT magic 0x504C at offset 34), what fontkit.openSync(file) reports (or its error) and what opentype.js parse() reports (or its error).',
  files: fontsReport,
}, null, 2) + '\n');

// ---------------------------------------------------------------- checks

const failures = [];
const check = (cond, msg) => { if (!cond) failures.push(msg); };

for (const [key, e] of Object.entries(imagesReport)) {
  if (!e.broken) {
    const sharpUnsupported = key.endsWith('.ico') || key.endsWith('.bmp'); // prebuilt sharp has no ICO/BMP loader
    if (sharpUnsupported) {
      check(e.metadataError, `${key}: expected sharp to reject (no loader)`);
    } else {
      check(e.metadata && e.decode.ok, `${key}: expected sharp to open and decode it`);
    }
  }
}
const im = (k) => imagesReport[`images/${k}`];
check(im('broken/truncated.png').decode.ok === false, 'truncated.png decodes');
check(im('broken/not-an-image.png').metadataError, 'not-an-image.png has metadata');
check(im('broken/forged-size.png').ihdr.width === 100000 && im('broken/forged-size.png').ihdr.crcValid, 'forged IHDR');
check(im('broken/forged-size.png').decode.ok === false, 'forged-size.png decodes');
check(im('broken/forged-size.png').metadataLimitInputPixelsFalse?.width === 100000, 'forged-size.png unlimited metadata');
check(im('photo.png').bytes > 300_000 && im('photo.png').bytes < 700_000, 'photo.png size');
check(im('icon.png').bytes < 3000 && im('icon.png').metadata.width === 64, 'icon.png');
check(im('photo-q100.jpg').metadata.chromaSubsampling === '4:4:4' && !im('photo-q100.jpg').metadata.isProgressive, 'q100 jpeg');
check(im('photo.avif').isobmff.majorBrand === 'avif', 'avif brand');
check(im('photo.avif').isobmff.ispe?.[0]?.width === PW && im('photo.avif').isobmff.ispe?.[0]?.height === PH, 'avif ispe');
check(im('huge.png').metadata.width === 3000 && im('huge.png').bytes < 50_000, 'huge.png');
check(im('animated.gif').metadata.pages >= 10 && im('animated.gif').bytes >= 150_000, 'animated.gif');
check(im('still.gif').metadata.pages === 1, 'still.gif');
check(im('embedded.svg').svg.embedsDataImage, 'embedded.svg');
for (const [key, e] of Object.entries(fontsReport)) {
  const real = !key.endsWith('empty.woff2');
  if (real && e.magicFormat !== 'eot') check(e.fontkit.numGlyphs > 0, `${key}: fontkit failed: ${JSON.stringify(e.fontkit)}`);
  if (e.magicFormat === 'eot') check(e.eot.embeddedFontDataFontkit.numGlyphs > 0, `${key}: embedded EOT font data`);
}
check(fontsReport['fonts/misnamed.woff2'].magicFormat === 'ttf', 'misnamed magic');
check(fontsReport['fonts/fontawesome-webfont.eot'].eot.familyName === 'FontAwesome', 'eot family name');
check(fontsReport['fonts/empty.woff2'].bytes === 0, 'empty.woff2');

let total = 0;
for (const f of listFiles(root)) total += fs.statSync(f).size;
console.log(`fixture total: ${total} bytes`);
check(total < 3_200_000, 'fixture too large');

if (failures.length) {
  console.error('CHECKS FAILED:\n  ' + failures.join('\n  '));
  process.exit(1);
}
console.log('all checks passed');
