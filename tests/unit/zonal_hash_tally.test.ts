// The typed-array hash tally of float pixel values: the same distinct values and counts as a plain
// Map count, through table growth, with -0/0 and NaN as single values; a sample past the limit.
import { describe, expect, it } from 'vitest';
import { HashTally } from '../../src/queries/zonal_hash_tally';
import { createTally } from '../../src/queries/zonal_tally';
import { Float32Tally } from '../../src/queries/zonal_float32_tally';

function mapTruth(values: number[]): { values: number[]; counts: number[] } {
  const map = new Map<number, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  const keys = [...map.keys()].sort((a, b) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b));
  return { values: keys, counts: keys.map((k) => map.get(k)!) };
}

describe('HashTally', () => {
  it('should count every distinct value exactly, as a Map does, through many table growths', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const values = Array.from({ length: 200_000 }, () => Math.fround(((next() % 30_000) - 15_000) * 0.013));
    values.push(0, -0, 0, Number.NaN, Number.NaN, 1e300, -1e-300);
    const tally = new HashTally(1_000_000, 16);
    for (const v of values) tally.add(v);
    const counts = tally.finish();
    const truth = mapTruth(values);
    expect(counts.exact).toBe(true);
    expect([...counts.values]).toEqual(truth.values);
    expect([...counts.counts]).toEqual(truth.counts);
    expect(counts.counts[[...counts.values].indexOf(0)]).toBe(values.filter((v) => v === 0).length); // -0 counted with 0
  });

  it('should turn into a bounded sample past maxDistinct and say it is approximate', () => {
    const tally = new HashTally(1000);
    for (let i = 0; i < 20_000; i++) tally.add(i / 7);
    const counts = tally.finish();
    expect(counts.exact).toBe(false);
    expect(counts.values.length).toBe(1000);
    expect(counts.counts.reduce((a, b) => a + b, 0)).toBeCloseTo(20_000, 6);
  });

  it('should give the same counts and the same sample from runs (addMany) as pixel by pixel', () => {
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    // runs of 1 to 9 equal values, 3,000 distinct: past a limit of 1,000 mid-run
    const runs = Array.from({ length: 20_000 }, () => [Math.fround((next() % 3000) * 0.25), 1 + (next() % 9)] as const);
    for (const limit of [1_000_000, 1000]) {
      const single = new HashTally(limit, 16), many = new HashTally(limit, 16);
      for (const [value, count] of runs) {
        for (let k = 0; k < count; k++) single.add(value);
        many.addMany(value, count);
      }
      const [a, b] = [single.finish(), many.finish()];
      expect(b.exact).toBe(limit > 3000);
      expect([...b.values]).toEqual([...a.values]);
      expect([...b.counts]).toEqual([...a.counts]);
    }
    const dense = createTally('uint8'), denseOne = createTally('uint8');
    for (const [value, count] of runs) {
      dense.addMany(value % 256 | 0, count);
      for (let k = 0; k < count; k++) denseOne.add(value % 256 | 0);
    }
    expect(dense.finish()).toEqual(denseOne.finish());
  });

  it('should count Float32 values exactly in the float32 table (createTally float32), -0 with 0 and NaN apart', () => {
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const values = Array.from({ length: 300_000 }, () => Math.fround(((next() % 40_000) - 20_000) * 0.013));
    values.push(0, -0, 0, Number.NaN, Number.NaN, Math.fround(3.4e38), Math.fround(-1e-38));
    const tally = createTally('float32');
    expect(tally).toBeInstanceOf(Float32Tally);
    for (let i = 0; i < values.length; i++) if (i % 3) tally.add(values[i]!); else tally.addMany(values[i]!, 1);
    const counts = tally.finish();
    const truth = mapTruth(values);
    expect(counts.exact).toBe(true);
    expect([...counts.values]).toEqual(truth.values);
    expect([...counts.counts]).toEqual(truth.counts);
  });

  it('should hand a float32 table past maxDistinct to a bounded sample, flagged approximate', () => {
    const tally = new Float32Tally(1000);
    let pixels = 0;
    for (let i = 0; i < 50_000; i++) {
      tally.addMany(Math.fround(i * 0.5), 1 + (i % 3));
      pixels += 1 + (i % 3);
    }
    const counts = tally.finish();
    expect(counts.exact).toBe(false);
    expect(counts.values.length).toBe(1000);
    expect(counts.counts.reduce((a, b) => a + b, 0)).toBeCloseTo(pixels, 6); // every pixel stands in the sample
    expect(counts.values[0]).toBeGreaterThanOrEqual(0);
    expect(counts.values[999]).toBeLessThan(25_000);
  });

  it('should carry float32 counts past what a table slot holds (2^31 - 1), through addMany and addRange', () => {
    const tally = new Float32Tally(1000);
    tally.addMany(1.5, 3e9);
    tally.addMany(1.5, 3e9);
    tally.addMany(-0, 2 ** 31 - 2);
    tally.addRange(Float32Array.of(0, 0, 1.5, Number.NaN, 7), 0, 5, 7); // NaN and the nodata 7 not counted
    const counts = tally.finish();
    expect([...counts.values]).toEqual([0, 1.5]);
    expect([...counts.counts]).toEqual([2 ** 31, 6e9 + 1]);
  });

  it('should hand a float32 table over to the sample in the middle of an addRange, every pixel still counted', () => {
    const tally = new Float32Tally(1000);
    const values = Float32Array.from({ length: 30_000 }, (_, i) => (i % 5000) * 0.25);
    tally.addRange(values, 0, values.length, -1);
    const counts = tally.finish();
    expect(counts.exact).toBe(false);
    expect(counts.values.length).toBe(1000);
    expect(counts.counts.reduce((a, b) => a + b, 0)).toBeCloseTo(30_000, 6);
  });
});
