// Counts of every pixel value seen, so that percentiles, histograms and categories come out
// exact without keeping the pixels. Memory stays bounded: 8/16-bit integers use a fixed
// array, other types a typed-array hash table (zonal_hash_tally.ts; float32 keys for float32
// rasters, zonal_float32_tally.ts) that turns into a fixed-size
// random sample past a limit (then the percentiles and histogram are flagged as approximate;
// count/sum/min/max/mean/std never are).
import { HashTally } from './zonal_hash_tally';
import { Float32Tally } from './zonal_float32_tally';
import { addRangeByRuns } from './zonal_tally_runs';

export interface ValueCounts {
  /** distinct values ascending, with their counts */
  values: Float64Array;
  counts: Float64Array;
  /** false once the Map overflowed into a sample */
  exact: boolean;
}

export interface Tally {
  add(value: number): void;
  /** `count` pixels of one value (a run of equal neighbours): one lookup instead of `count`. */
  addMany(value: number, count: number): void;
  /** Every value of values[start..end) except NaN and `nodata` (a span of pixels inside the AOI). */
  addRange(values: ArrayLike<number>, start: number, end: number, nodata: number): void;
  finish(): ValueCounts;
}

const DENSE: Record<string, { offset: number; size: number }> = {
  uint8: { offset: 0, size: 256 },
  int8: { offset: 128, size: 256 },
  uint16: { offset: 0, size: 65536 },
  int16: { offset: 32768, size: 65536 },
};

export function createTally(dtype: string, maxDistinct = 200_000): Tally {
  const dense = DENSE[dtype];
  if (dense) return new DenseTally(dense.offset, dense.size);
  return dtype === 'float32' ? new Float32Tally(maxDistinct) : new HashTally(maxDistinct);
}

class DenseTally implements Tally {
  private readonly counts: Float64Array;
  /** index range seen so far: finish() walks only that (a 16-bit table has 65,536 slots) */
  private lo = Infinity;
  private hi = -Infinity;
  constructor(private readonly offset: number, size: number) {
    this.counts = new Float64Array(size);
  }
  add(value: number): void {
    const i = value + this.offset;
    (this.counts[i] as number)++;
    if (i < this.lo) this.lo = i;
    if (i > this.hi) this.hi = i;
  }
  addMany(value: number, count: number): void {
    this.add(value);
    (this.counts[value + this.offset] as number) += count - 1;
  }
  addRange(values: ArrayLike<number>, start: number, end: number, nodata: number): void {
    addRangeByRuns(this, values, start, end, nodata);
  }
  finish(): ValueCounts {
    const values: number[] = [];
    const counts: number[] = [];
    for (let i = this.lo; i <= this.hi; i++) {
      const count = this.counts[i] as number;
      if (count > 0) {
        values.push(i - this.offset);
        counts.push(count);
      }
    }
    return { values: Float64Array.from(values), counts: Float64Array.from(counts), exact: true };
  }
}

/** numpy's default ("linear") percentile over weighted distinct values; p in 0..100. */
export function percentile(counts: ValueCounts, p: number): number | null {
  const total = counts.counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = ((total - 1) * p) / 100;
  const low = Math.floor(rank);
  const lowValue = valueAtRank(counts, low);
  const highValue = valueAtRank(counts, Math.min(low + 1, total - 1));
  return lowValue + (rank - low) * (highValue - lowValue);
}

function valueAtRank(counts: ValueCounts, rank: number): number {
  let seen = 0;
  for (let i = 0; i < counts.values.length; i++) {
    seen += counts.counts[i] as number;
    if (rank < seen) return counts.values[i] as number;
  }
  return counts.values[counts.values.length - 1] as number;
}

export interface Histogram {
  /** bins + 1 edges, min to max */
  edges: number[];
  counts: number[];
}

/** numpy.histogram-style: equal-width bins over [min, max], the last bin closed. */
export function histogram(counts: ValueCounts, bins: number): Histogram | null {
  const n = counts.values.length;
  if (n === 0) return null;
  const min = counts.values[0] as number;
  const max = counts.values[n - 1] as number;
  const width = (max - min) / bins || 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
  const out = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const bin = Math.min(bins - 1, Math.floor(((counts.values[i] as number) - min) / width));
    out[bin] = (out[bin] as number) + (counts.counts[i] as number);
  }
  return { edges, counts: out.map((c) => Math.round(c)) };
}
