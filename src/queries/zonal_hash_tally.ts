// Counts of distinct floating-point pixel values in an open-addressing hash table over typed
// arrays (keys and counts side by side, linear probing): several times faster than a Map per
// pixel and without its per-entry garbage. Past `maxDistinct` values it turns into a fixed-size
// random sample (reservoir), as before: percentiles and histogram are then flagged approximate.
import type { Tally, ValueCounts } from './zonal_tally';
import { addRangeByRuns } from './zonal_tally_runs';

export class HashTally implements Tally {
  private keys: Float64Array;
  private counts: Float64Array;
  private size = 0;
  private mask: number;
  private sample: Float64Array | null = null;
  private seen = 0;
  private seed = 0x9e3779b9;
  /** A float64's two 32-bit halves, for hashing its bits. */
  private readonly bits = new Float64Array(1);
  private readonly halves = new Uint32Array(this.bits.buffer);

  constructor(private readonly maxDistinct: number, initialCapacity = 1024) {
    this.keys = new Float64Array(initialCapacity);
    this.counts = new Float64Array(initialCapacity);
    this.mask = initialCapacity - 1;
  }

  add(value: number): void {
    this.addMany(value, 1);
  }

  addMany(value: number, count: number): void {
    if (count <= 0) return;
    if (this.sample) {
      // a sample draws per pixel: the same draws as `count` single adds
      for (let k = 0; k < count; k++) this.addToSample(value, ++this.seen);
      return;
    }
    this.seen += count;
    const { keys, counts } = this;
    let i = this.slot(value);
    // a slot is empty while its count is 0 (one array less to touch per pixel); NaN never equals
    // itself: compare with Object.is only on the rare probe where === fails
    while (counts[i] !== 0 && keys[i] !== value && !Object.is(keys[i], value)) i = (i + 1) & this.mask;
    if (counts[i] !== 0) {
      (counts[i] as number) += count;
      return;
    }
    keys[i] = value;
    this.counts[i] = count;
    this.size++;
    if (this.size > this.maxDistinct) {
      // as pixel by pixel: the run's first pixel starts the sample, the others are drawn into it
      this.counts[i] = 1;
      this.seen -= count - 1;
      this.toSample();
      for (let k = 1; k < count; k++) this.addToSample(value, ++this.seen);
    } else if (this.size * 2 > keys.length) this.grow();
  }

  addRange(values: ArrayLike<number>, start: number, end: number, nodata: number): void {
    addRangeByRuns(this, values, start, end, nodata);
  }

  finish(): ValueCounts {
    if (this.sample) {
      const sorted = this.sample.slice().sort();
      return { values: sorted, counts: new Float64Array(sorted.length).fill(this.seen / sorted.length), exact: false };
    }
    const order = new Float64Array(this.size);
    let n = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.counts[i] !== 0) order[n++] = this.keys[i] as number;
    order.sort();
    const counts = new Float64Array(n);
    for (let k = 0; k < n; k++) counts[k] = this.counts[this.find(order[k] as number)] as number;
    return { values: order, counts, exact: true };
  }

  private slot(value: number): number {
    this.bits[0] = value === 0 ? 0 : value; // -0 and 0 count as one value
    const h = Math.imul((this.halves[0] as number) ^ Math.imul(this.halves[1] as number, 0x85ebca6b), 0x9e3779b1);
    return (h ^ (h >>> 15)) & this.mask;
  }

  private find(value: number): number {
    let i = this.slot(value);
    while (this.keys[i] !== value && !Object.is(this.keys[i], value)) i = (i + 1) & this.mask;
    return i;
  }

  private grow(): void {
    const { keys, counts } = this;
    const capacity = keys.length * 2;
    this.keys = new Float64Array(capacity);
    this.counts = new Float64Array(capacity);
    this.mask = capacity - 1;
    for (let j = 0; j < keys.length; j++) {
      if (counts[j] === 0) continue;
      let i = this.slot(keys[j] as number);
      while (this.counts[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = keys[j] as number;
      this.counts[i] = counts[j] as number;
    }
  }

  /** A tally already past its limit: `seen` pixels counted as `counts` of `keys` become its sample. */
  static sampleOf(maxDistinct: number, keys: Float64Array, counts: Float64Array, seen: number): HashTally {
    const tally = new HashTally(maxDistinct, 1);
    Object.assign(tally, { keys, counts, seen, size: keys.length });
    tally.toSample();
    return tally;
  }

  /** Spreads the counted values into a sample in proportion (a good enough starting reservoir). */
  private toSample(): void {
    const sample = new Float64Array(this.maxDistinct);
    const ratio = sample.length / this.seen;
    let filled = 0;
    let carry = 0;
    for (let j = 0; j < this.keys.length && filled < sample.length; j++) {
      if (this.counts[j] === 0) continue;
      carry += (this.counts[j] as number) * ratio;
      while (carry >= 1 && filled < sample.length) { sample[filled++] = this.keys[j] as number; carry--; }
    }
    const first = this.keys[this.counts.findIndex((c) => c !== 0)] as number;
    while (filled < sample.length) sample[filled++] = first;
    this.sample = sample;
    this.keys = new Float64Array(0);
    this.counts = new Float64Array(0);
  }

  /** Reservoir sampling (algorithm R) with a small deterministic PRNG: same input, same output. */
  private addToSample(value: number, seen: number): void {
    const j = Math.floor(this.random() * seen);
    const sample = this.sample as Float64Array;
    if (j < sample.length) sample[j] = value;
  }

  private random(): number {
    // mulberry32
    let t = (this.seed = (this.seed + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
