// Test polygons shared by the AOI geometry tests and their benchmark.
import type { Position } from 'geojson';

export type Ring = Position[];

/** A closed, seeded ring around the origin: smooth, or with `twist` of its vertices jumping across. */
export function wavyRing(n: number, seed: number, twist = 0): Ring {
  let state = seed;
  const random = () => ((state = (state * 16807) % 2147483647) / 2147483647);
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const angle = (i / n) * 2 * Math.PI;
    // Jitter of a fraction of the step between vertices (a smooth outline), or a jump across.
    const radius = 1 + 0.3 * Math.sin(angle * 7) + (random() < twist ? 1.5 * random() : (2 * Math.PI / n) * random());
    ring.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return ring;
}

/** A closed ring zigzagging across itself `n` times: many self-crossings. */
export function zigzagRing(n: number): Ring {
  const ring: Ring = Array.from({ length: n }, (_, i) => [i * 1e-4, i % 2 ? 1 : 0]);
  ring.push([1, -1], ring[0]!);
  return ring;
}
