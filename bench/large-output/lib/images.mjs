// Photo-like PNG and JPEG images: smooth multi-octave colour fields (sky/ground gradients, soft light blobs) with
// per-pixel sensor grain, so they compress like photographs (not like flat art), each different, all deterministic.
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { rng } from './random.mjs';

// One channel of value noise: a random grid of `cells` cells across the larger side, bilinearly interpolated with
// smoothstep, written into `out` (Float32Array, w*h) scaled by `amp`.
function addValueNoise(out, w, h, cells, amp, r) {
  const step = Math.max(w, h) / cells;
  const gw = Math.ceil(w / step) + 2;
  const gh = Math.ceil(h / step) + 2;
  const grid = new Float32Array(gw * gh);
  for (let i = 0; i < grid.length; i++) grid[i] = r() * 2 - 1;
  const sx = new Int32Array(w);
  const fx = new Float32Array(w);
  for (let x = 0; x < w; x++) {
    const gx = x / step;
    sx[x] = Math.floor(gx);
    const t = gx - sx[x];
    fx[x] = t * t * (3 - 2 * t);
  }
  for (let y = 0; y < h; y++) {
    const gy = y / step;
    const iy = Math.floor(gy);
    let ty = gy - iy;
    ty = ty * ty * (3 - 2 * ty);
    const row0 = iy * gw;
    const row1 = row0 + gw;
    const o = y * w;
    for (let x = 0; x < w; x++) {
      const ix = sx[x];
      const tx = fx[x];
      const a = grid[row0 + ix] + (grid[row0 + ix + 1] - grid[row0 + ix]) * tx;
      const b = grid[row1 + ix] + (grid[row1 + ix + 1] - grid[row1 + ix]) * tx;
      out[o + x] += (a + (b - a) * ty) * amp;
    }
  }
}

/** RGBA pixels of a photo-like scene of w x h; `grain` is the amplitude of the per-pixel noise (0..255 scale). */
export function photoPixels(w, h, seed, grain) {
  const r = rng(`pixels:${seed}`);
  const n = w * h;
  const lum = new Float32Array(n);
  const cr = new Float32Array(n);
  const cb = new Float32Array(n);
  const base = r.int(3, 6);
  for (let o = 0; o < 5; o++) addValueNoise(lum, w, h, base << o, 0.5 / (1 << o) * (0.7 + r() * 0.6), r);
  // Fine texture (foliage, fabric, gravel): features a few pixels wide, whatever the image's size.
  const texture = 0.06 + r() * 0.1;
  addValueNoise(lum, w, h, Math.max(w, h) / 6, texture, r);
  addValueNoise(lum, w, h, Math.max(w, h) / 3, texture * 0.7, r);
  for (let o = 0; o < 2; o++) {
    addValueNoise(cr, w, h, (base << o) + 1, 28 / (1 << o), r);
    addValueNoise(cb, w, h, (base << o) + 2, 28 / (1 << o), r);
  }
  const sky = [r.int(60, 200), r.int(90, 210), r.int(140, 255)];
  const ground = [r.int(30, 140), r.int(40, 150), r.int(10, 100)];
  const horizon = 0.3 + r() * 0.4;
  const blobs = Array.from({ length: r.int(2, 6) }, () => ({
    x: r() * w, y: r() * h, rad: (0.05 + r() * 0.25) * Math.max(w, h), k: (r() - 0.3) * 120,
    c: [r(), r(), r()],
  }));
  const data = Buffer.alloc(n * 4);
  let s = (r() * 4294967296) >>> 0 || 1; // xorshift32 grain
  for (let y = 0; y < h; y++) {
    const v = y / h;
    const t = Math.min(1, Math.max(0, (v - horizon) * 6 + 0.5));
    const b0 = sky[0] + (ground[0] - sky[0]) * t;
    const b1 = sky[1] + (ground[1] - sky[1]) * t;
    const b2 = sky[2] + (ground[2] - sky[2]) * t;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const l = 0.75 + lum[i] * 0.6;
      let R = b0 * l + cr[i];
      let G = b1 * l - (cr[i] + cb[i]) * 0.5;
      let B = b2 * l + cb[i];
      for (const bl of blobs) {
        const dx = x - bl.x, dy = y - bl.y;
        const d2 = (dx * dx + dy * dy) / (bl.rad * bl.rad);
        if (d2 < 4) {
          const f = Math.exp(-d2 * 1.5) * bl.k;
          R += f * bl.c[0]; G += f * bl.c[1]; B += f * bl.c[2];
        }
      }
      s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
      const g1 = ((s >>> 0) / 4294967296 - 0.5) * grain;
      s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
      const g2 = ((s >>> 0) / 4294967296 - 0.5) * grain * 0.5;
      const p = i * 4;
      data[p] = R + g1 + g2 < 0 ? 0 : R + g1 + g2 > 255 ? 255 : R + g1 + g2;
      data[p + 1] = G + g1 - g2 < 0 ? 0 : G + g1 - g2 > 255 ? 255 : G + g1 - g2;
      data[p + 2] = B + g1 < 0 ? 0 : B + g1 > 255 ? 255 : B + g1;
      data[p + 3] = 255;
    }
  }
  return data;
}

export function encode(kind, w, h, data, quality) {
  if (kind === 'png') {
    const png = new PNG({ width: w, height: h, colorType: 2, inputColorType: 6, inputHasAlpha: true });
    data.copy(png.data);
    return PNG.sync.write(png, { colorType: 2, inputColorType: 6, inputHasAlpha: true, deflateLevel: 9 });
  }
  return jpeg.encode({ data, width: w, height: h }, quality).data;
}

/**
 * One image of `kind` ('png' | 'jpg') whose encoded size lands near `target` bytes: the bytes per pixel are measured
 * on a small sample with the same settings, the dimensions chosen from that, and the image encoded once (again,
 * rescaled, only if it missed the 50-300 KB window). Deterministic.
 */
export function makeImage(kind, seed, target) {
  const r = rng(`image:${seed}`);
  const aspect = r.pick([4 / 3, 3 / 2, 16 / 9, 1, 3 / 4, 2 / 3, 21 / 9]);
  const grain = kind === 'png' ? 6 + r() * 10 : 22 + r() * 16;
  const quality = r.int(84, 94);
  const sample = encode(kind, 192, 192, photoPixels(192, 192, `${seed}:sample`, grain), quality);
  // A full-size image holds relatively more smooth area than the sample: measured, JPEG ~0.91, PNG ~0.97 of it.
  let bpp = (sample.length / (192 * 192)) * (kind === 'jpg' ? 0.91 : 0.97);
  let out;
  for (let attempt = 0; attempt < 3; attempt++) {
    const px = target / bpp;
    const w = Math.max(64, Math.round(Math.sqrt(px * aspect)));
    const h = Math.max(64, Math.round(w / aspect));
    out = { bytes: encode(kind, w, h, photoPixels(w, h, seed, grain), quality), width: w, height: h };
    if (out.bytes.length >= 52_000 && out.bytes.length <= 298_000) break; // within 50-300 KB either way
    bpp = out.bytes.length / (w * h);
  }
  return out;
}
