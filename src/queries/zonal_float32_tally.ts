// Counts of distinct Float32 pixel values in an open-addressing table keyed on the values' 32 bits,
// read through an Int32Array view of the decoded tile: an integer hash and compare, no
// float-to-bits round trip. Each key sits beside its count in one Int32Array (int32, not uint32:
// V8 keeps them as small integers), so a probe touches one cache line: ≈ 8 vs 15 ns a pixel
// before (docs/benchmarks.md). A count past 2³¹ - 1 carries into a side map. Past `maxDistinct`
// values it hands its counts to HashTally, which turns them into its sample.
import { HashTally } from './zonal_hash_tally';
import type { Tally, ValueCounts } from './zonal_tally';
import { addRangeByRuns } from './zonal_tally_runs';

/** The bits of -0: counted as 0 (bits 0), as a Map would. */
const NEGATIVE_ZERO = -0x80000000;
const MAX_SLOT_COUNT = 0x7fffffff;
/** Bits above this (sign aside) are a NaN; 0x7fc00000 is one. */
const EXPONENT_BITS = 0x7f800000;
const QUIET_NAN = 0x7fc00000;

const hashSlot = (key: number, mask: number): number => ((Math.imul(key ^ (key >>> 16), 0x85ebca6b) >>> 15) & mask) << 1;

export class Float32Tally implements Tally {
  /** [key bits, count] pairs; a count of 0 marks an empty slot */
  private table = new Int32Array(2 * 1024);
  private mask = 1023;
  private size = 0;
  /** counts beyond what a slot holds, by key bits (more than 4 G pixels of one value) */
  private readonly carried = new Map<number, number>();
  /** NaN never equals itself, so it is counted apart */
  private nan = 0;
  private overflow: HashTally | null = null;
  private readonly float = new Float32Array(1);
  private readonly bits = new Int32Array(this.float.buffer);
  /** The last decoded array seen by addRange and its bits view (one view per tile, not per span). */
  private viewed: Float32Array | null = null;
  private viewBits: Int32Array<ArrayBufferLike> = new Int32Array(0);

  constructor(private readonly maxDistinct: number) {}

  add(value: number): void {
    this.addMany(value, 1);
  }

  addMany(value: number, count: number): void {
    if (count <= 0) return;
    if (this.overflow) return this.overflow.addMany(value, count);
    if (value !== value) {
      this.nan += count;
      return;
    }
    const key = this.keyOf(value);
    const slot = this.find(key);
    if (this.table[slot + 1] === 0) this.insert(slot, key, count);
    else this.addTo(slot, count);
  }

  /** values[start..end) but NaN and `nodata`, looked up by their bits (countSeen does the most). */
  addRange(values: ArrayLike<number>, start: number, end: number, nodata: number): void {
    if (this.overflow || !(values instanceof Float32Array)) return addRangeByRuns(this, values, start, end, nodata);
    const bits = this.bitsOf(values);
    const skip = this.keyOf(nodata);
    for (let i = countSeen(this.table, this.mask, bits, start, end, skip); i < end; i = countSeen(this.table, this.mask, bits, i + 1, end, skip)) {
      // values[i] is new, or its slot is full
      const key = bits[i] === NEGATIVE_ZERO ? 0 : (bits[i] as number);
      const slot = this.find(key);
      if (this.table[slot + 1] !== 0) this.addTo(slot, 1);
      // past the limit the rest goes to the sample, value by value
      else if (!this.insert(slot, key, 1)) return addRangeByRuns(this, values, i + 1, end, nodata);
    }
  }

  /** The key of a value; for NaN, or a nodata no float32 equals, a NaN pattern (never a counted key). */
  private keyOf(value: number): number {
    this.float[0] = value;
    if (value !== value || this.float[0] !== value) return QUIET_NAN;
    return this.bits[0] === NEGATIVE_ZERO ? 0 : (this.bits[0] as number);
  }

  finish(): ValueCounts {
    if (this.overflow) return this.overflow.finish();
    const [keys, counts] = this.entries();
    const order = Array.from(keys.keys()).sort((a, b) => compareValues(keys[a] as number, keys[b] as number));
    return { values: Float64Array.from(order, (k) => keys[k] as number), counts: Float64Array.from(order, (k) => counts[k] as number), exact: true };
  }

  /** The slot holding `key`, or the empty slot where it goes. */
  private find(key: number): number {
    const { table, mask } = this;
    let slot = hashSlot(key, mask);
    while (table[slot + 1] !== 0 && table[slot] !== key) slot = (slot + 2) & (2 * mask + 1);
    return slot;
  }

  /** Adds to a used slot; what does not fit in 32 bits goes to `carried` (the slot keeps 1). */
  private addTo(slot: number, count: number): void {
    const total = (this.table[slot + 1] as number) + count;
    if (total <= MAX_SLOT_COUNT) {
      this.table[slot + 1] = total;
      return;
    }
    const key = this.table[slot] as number;
    this.carried.set(key, (this.carried.get(key) ?? 0) + total - 1);
    this.table[slot + 1] = 1;
  }

  /** A new value in an empty slot; false when it made the table hand over to the sample. */
  private insert(slot: number, key: number, count: number): boolean {
    this.table[slot] = key;
    this.table[slot + 1] = 1;
    if (count > 1) this.addTo(slot, count - 1);
    this.size++;
    if (this.size + (this.nan > 0 ? 1 : 0) > this.maxDistinct) {
      this.handOver();
      return false;
    }
    if (this.size * 2 > this.mask + 1) this.grow();
    return true;
  }

  private bitsOf(values: Float32Array): Int32Array {
    if (values !== this.viewed) {
      this.viewed = values;
      this.viewBits = new Int32Array(values.buffer, values.byteOffset, values.length);
    }
    return this.viewBits;
  }

  /** The distinct values and their counts, NaN last, in table order. */
  private entries(): [Float64Array, Float64Array] {
    const n = this.size + (this.nan > 0 ? 1 : 0);
    const keys = new Float64Array(n), counts = new Float64Array(n);
    const asFloat = new Float32Array(this.table.buffer, 0, this.table.length);
    let k = 0;
    for (let slot = 0; slot < this.table.length; slot += 2) {
      const count = this.table[slot + 1] as number;
      if (count === 0) continue;
      keys[k] = asFloat[slot] as number;
      counts[k++] = count + (this.carried.get(this.table[slot] as number) ?? 0);
    }
    if (this.nan > 0) [keys[k], counts[k]] = [NaN, this.nan];
    return [keys, counts];
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      const slot = this.find(old[j] as number);
      this.table[slot] = old[j] as number;
      this.table[slot + 1] = old[j + 1] as number;
    }
  }

  private handOver(): void {
    const [keys, counts] = this.entries();
    const seen = counts.reduce((a, b) => a + b, 0);
    this.overflow = HashTally.sampleOf(this.maxDistinct, keys, counts, seen);
    this.table = new Int32Array(0);
    this.carried.clear();
    this.viewed = null;
  }
}

/**
 * The hot loop, on bits only: counts the pixels of bits[from..to) that are not NaN nor `skip`, whose
 * value is already in the table and whose slot has room; returns the index of the first other one
 * (`to` when none).
 */
function countSeen(table: Int32Array, mask: number, bits: Int32Array, from: number, to: number, skip: number): number {
  const wrap = 2 * mask + 1;
  for (let i = from; i < to; i++) {
    const raw = bits[i] as number;
    if ((raw & 0x7fffffff) > EXPONENT_BITS) continue; // NaN
    const key = raw === NEGATIVE_ZERO ? 0 : raw;
    if (key === skip) continue;
    let slot = hashSlot(key, mask);
    while (table[slot + 1] !== 0 && table[slot] !== key) slot = (slot + 2) & wrap;
    const count = table[slot + 1] as number;
    if (count === 0 || count === MAX_SLOT_COUNT) return i;
    table[slot + 1] = count + 1;
  }
  return to;
}

/** Ascending, NaN last (as Float64Array.prototype.sort orders them). */
function compareValues(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  return a - b;
}
