// Seeded pseudo-random numbers for the demo generator.
// Hand-written mulberry32 (a dozen lines, public domain) rather than a package: the demo data
// must be byte-identical on every machine and every Node version, so the generator must not
// depend on a library whose algorithm could change in a minor release.

export type Random = () => number;

/** mulberry32: a fast 32-bit PRNG with good statistical quality for synthetic data. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sub-stream per layer, so adding features to one layer never changes another layer. */
export function streamFor(seed: number, name: string): Random {
  let h = seed >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return mulberry32(h);
}

export function uniform(rand: Random, min: number, max: number): number {
  return min + (max - min) * rand();
}

export function intBetween(rand: Random, min: number, maxInclusive: number): number {
  return Math.floor(uniform(rand, min, maxInclusive + 1));
}

export function pick<T>(rand: Random, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

/** Weighted choice: weights need not sum to 1. */
export function pickWeighted<T>(rand: Random, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('pickWeighted: empty list');
  return last[0];
}

/** Standard normal deviate (Box–Muller). */
export function gaussian(rand: Random): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}
