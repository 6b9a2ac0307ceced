// Generates the raster images in src/assets/ used by the fixture.
// Run once by hand; the outputs are committed as sources, so the app build does not need sharp.
//   npm i --no-save sharp@0.35.5 && node scripts/make-images.mjs
// A seeded PRNG keeps the pixels deterministic (encoder output may still vary across sharp/libvips versions).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const out = fileURLToPath(new URL('../src/assets/', import.meta.url));
mkdirSync(out, { recursive: true });

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : v | 0);

// "Photo": sky/ground gradients, soft blobs and per-pixel sensor-like noise so it compresses poorly.
function photoPixels(width, height, seed, noiseAmp) {
  const rand = mulberry32(seed);
  const blobs = Array.from({ length: 14 }, () => ({
    x: rand() * width,
    y: rand() * height,
    r: 20 + rand() * width * 0.25,
    c: [rand() * 120 - 60, rand() * 120 - 60, rand() * 120 - 60],
  }));
  const buf = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const t = y / height;
    for (let x = 0; x < width; x++) {
      const s = x / width;
      let r, g, b;
      if (t < 0.55) {
        r = 90 + 120 * t + 20 * s;
        g = 140 + 80 * t;
        b = 230 - 60 * t;
      } else {
        r = 70 + 60 * s + 40 * Math.sin(x / 17 + y / 23);
        g = 110 + 50 * (1 - t) + 30 * Math.sin(x / 11);
        b = 50 + 20 * s;
      }
      for (const bl of blobs) {
        const dx = x - bl.x;
        const dy = y - bl.y;
        const w = Math.exp(-(dx * dx + dy * dy) / (2 * bl.r * bl.r));
        r += bl.c[0] * w;
        g += bl.c[1] * w;
        b += bl.c[2] * w;
      }
      const n = (rand() - 0.5) * noiseAmp;
      const i = (y * width + x) * 3;
      buf[i] = clamp(r + n + (rand() - 0.5) * noiseAmp * 0.4);
      buf[i + 1] = clamp(g + n + (rand() - 0.5) * noiseAmp * 0.4);
      buf[i + 2] = clamp(b + n + (rand() - 0.5) * noiseAmp * 0.4);
    }
  }
  return sharp(buf, { raw: { width, height, channels: 3 } });
}

// Hero image: a large-ish, photo-like PNG (~150-300 KB).
await photoPixels(400, 260, 1, 16)
  .png({ compressionLevel: 9, adaptiveFiltering: true })
  .toFile(out + 'hero.png');

// Icon: a small 64x64 logo, palette-quantised PNG (< 5 KB).
const icon = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 32 32">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="#3b8eea"/><stop offset="1" stop-color="#1a4fb0"/>
  </linearGradient></defs>
  <rect width="32" height="32" rx="7" fill="url(#g)"/>
  <circle cx="16" cy="16" r="12.5" fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="1"/>
  <rect x="7" y="17" width="4" height="8" fill="#fff"/>
  <rect x="14" y="11" width="4" height="14" fill="#fff"/>
  <rect x="21" y="7" width="4" height="18" fill="#ffd33d"/>
</svg>`;
await sharp(Buffer.from(icon))
  .png({ palette: true, colours: 32, compressionLevel: 9 })
  .toFile(out + 'icon.png');

for (const f of ['hero.png', 'icon.png']) {
  const m = await sharp(out + f).metadata();
  console.log(f, `${m.width}x${m.height}`, m.format, m.size ?? '');
}
