// Counts of distinct Float32 pixel values: the same open-addressing table as HashTally, but with
// float32 keys hashed from their 32 bits, so the table is a third smaller and a pixel costs fewer
// cache misses (9.5 vs 15.7 ns a pixel on 26,000 distinct values, docs/benchmarks.md). Past
// `maxDistinct` values it hands its counts to HashTally, which turns them into its sample.
import { HashTally } from './zonal_hash_tally';
import type { Tally, ValueCounts } from './zonal_tally';

export class Float32Tally implements Tally {
  private keys = new Float32Array(1024);
  private counts = new Float64Array(1024);
  private mask = 1023;
  private size = 0;
  private seen = 0;
  /** NaN never equals itself, so it is counted apart */
  private nan = 0;
  private overflow: HashTally | null = null;
  private readonly float = new Float32Array(1);
  private readonly bits = new Uint32Array(this.float.buffer);

  constructor(private readonly maxDistinct: number) {}

  add(value: number): void {
    this.addMany(value, 1);
  }

  addMany(value: number, count: number): void {
    if (count <= 0) return;
    if (this.overflow) return this.overflow.addMany(value, count);
    this.seen += count;
    if (value !== value) {
      this.nan += count;
      return;
    }
    const { keys, counts } = this;
    let i = this.slot(value);
    while (counts[i] !== 0 && keys[i] !== value) i = (i + 1) & this.mask;
    if (counts[i] !== 0) {
      (counts[i] as number) += count;
      return;
    }
    keys[i] = value;
    counts[i] = count;
    this.size++;
    if (this.size + (this.nan > 0 ? 1 : 0) > this.maxDistinct) this.handOver();
    else if (this.size * 2 > keys.length) this.grow();
  }

  finish(): ValueCounts {
    if (this.overflow) return this.overflow.finish();
    const [keys, counts] = this.entries();
    const order = Array.from(keys.keys()).sort((a, b) => compareValues(keys[a] as number, keys[b] as number));
    return { values: Float64Array.from(order, (k) => keys[k] as number), counts: Float64Array.from(order, (k) => counts[k] as number), exact: true };
  }

  /** The distinct values and their counts, NaN last, in table order. */
  private entries(): [Float64Array, Float64Array] {
    const n = this.size + (this.nan > 0 ? 1 : 0);
    const keys = new Float64Array(n), counts = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < this.keys.length; i++) {
      if (this.counts[i] === 0) continue;
      keys[k] = this.keys[i] as number;
      counts[k++] = this.counts[i] as number;
    }
    if (this.nan > 0) [keys[k], counts[k]] = [NaN, this.nan];
    return [keys, counts];
  }

  private slot(value: number): number {
    this.float[0] = value === 0 ? 0 : value; // -0 and 0 count as one value
    const b = this.bits[0] as number;
    return (Math.imul(b ^ (b >>> 16), 0x85ebca6b) >>> 15) & this.mask;
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Float32Array(keys.length * 2);
    this.counts = new Float64Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    for (let j = 0; j < keys.length; j++) {
      if (counts[j] === 0) continue;
      let i = this.slot(keys[j] as number);
      while (this.counts[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = keys[j] as number;
      this.counts[i] = counts[j] as number;
    }
  }

  private handOver(): void {
    const [keys, counts] = this.entries();
    this.overflow = HashTally.sampleOf(this.maxDistinct, keys, counts, this.seen);
    this.keys = new Float32Array(0);
    this.counts = new Float64Array(0);
  }
}

/** Ascending, NaN last (as Float64Array.prototype.sort orders them). */
function compareValues(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  return a - b;
}
