// Seeded fractal noise (fBm over simplex noise from the `simplex-noise` package).
import { createNoise2D } from 'simplex-noise';
import type { Random } from './prng';

export type Noise2D = (x: number, y: number) => number;

/** Fractal Brownian motion: `octaves` layers of simplex noise, result roughly in -1..1. */
export function fractalNoise(rand: Random, octaves = 4, persistence = 0.5): Noise2D {
  const noise = createNoise2D(rand);
  return (x, y) => {
    let sum = 0;
    let amp = 1;
    let freq = 1;
    let norm = 0;
    for (let o = 0; o < octaves; o++) {
      sum += amp * noise(x * freq + o * 17.3, y * freq - o * 9.1);
      norm += amp;
      amp *= persistence;
      freq *= 2;
    }
    return sum / norm;
  };
}

export function smoothstep(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c * c * (3 - 2 * c);
}
