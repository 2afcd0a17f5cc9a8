// The demo generator is deterministic: the same seed gives the same bytes, another seed does not.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mulberry32, streamFor } from '../../src/cli/demo/prng';
import { makeValley } from '../../src/cli/demo/river';
import { floodZones } from '../../src/cli/demo/flood_zones';
import { disturbances } from '../../src/cli/demo/disturbances';
import { buildVectorArchive } from '../../src/cli/demo/vector_tiles';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function floodArchive(seed: number): Buffer {
  return buildVectorArchive([{ name: 'zones_inondables', features: floodZones(makeValley(seed)) }], {
    name: 'zones', description: 'test', attribution: 'test', minZoom: 0, maxZoom: 12,
  });
}

describe('demo data determinism', () => {
  it('mulberry32 repeats its sequence for a seed and differs across seeds', () => {
    const a = Array.from({ length: 5 }, mulberry32(7));
    const b = Array.from({ length: 5 }, mulberry32(7));
    const c = Array.from({ length: 5 }, mulberry32(8));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(streamFor(1, 'x')()).not.toBe(streamFor(1, 'y')());
  });

  it('writes byte-identical flood-zone PMTiles for the same seed', () => {
    expect(sha(floodArchive(123))).toBe(sha(floodArchive(123)));
    expect(sha(floodArchive(123))).not.toBe(sha(floodArchive(124)));
  });

  it('generates identical disturbances for the same seed', () => {
    const run = (seed: number) => sha(JSON.stringify(disturbances(seed, () => true, [])));
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(6));
  });
});
