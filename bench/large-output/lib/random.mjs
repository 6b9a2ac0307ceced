// Deterministic pseudo-random numbers: every value the generator uses comes from a generator seeded by a string.
import { createHash } from 'node:crypto';

/** A mulberry32 generator seeded from the SHA-256 of `seed`; returns floats in [0, 1). */
export function rng(seed) {
  let a = createHash('sha256').update(String(seed)).digest().readUInt32LE(0);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.sample = (list, n) => {
    const copy = list.slice();
    const out = [];
    for (let i = 0; i < n && copy.length; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  return next;
}

/** A content hash in the style of Vite/Rollup file names: 8 base64url characters of SHA-256. */
export function contentHash(data) {
  return createHash('sha256').update(data).digest('base64url').slice(0, 8);
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'qua', 'bri', 'dor', 'fen', 'gal', 'hem', 'jin', 'kor', 'lux', 'mar', 'nov', 'pel', 'ros', 'sil', 'tur', 'ven', 'wal', 'xan', 'yor'];
/** A pronounceable made-up word. */
export function word(r, min = 2, max = 4) {
  let s = '';
  for (let i = r.int(min, max); i > 0; i--) s += r.pick(SYLLABLES);
  return s;
}
