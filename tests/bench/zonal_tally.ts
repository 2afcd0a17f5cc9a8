// The value tally of float rasters' zonal statistics (percentiles, histograms): the typed-array hash
// table (src/queries/zonal_hash_tally.ts) against a per-pixel Map count (what it replaced), on 5 M
// Float32 values with 200 and 50,000 distinct values. Same counts checked. Ours counts the array as
// the zonal fold does (addRange, span by span); the note gives value-by-value add() too.
import { createTally } from '../../src/queries/zonal_tally';
import { medianTime, type BenchModule, type BenchRow } from './table';

const N = 5_000_000;

function values(distinct: number): Float32Array {
  const out = new Float32Array(N);
  let s = 1;
  for (let i = 0; i < N; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = (s % distinct) * 0.37;
  }
  return out;
}

function mapCount(data: Float32Array): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < data.length; i++) map.set(data[i]!, (map.get(data[i]!) ?? 0) + 1);
  return map;
}

function hashCount(data: Float32Array) {
  const tally = createTally('float32');
  for (let start = 0; start < data.length; start += 256) tally.addRange(data, start, Math.min(start + 256, data.length), NaN); // spans of a 256-wide tile
  return tally.finish();
}

function hashCountOneByOne(data: Float32Array) {
  const tally = createTally('float32');
  for (let i = 0; i < data.length; i++) tally.add(data[i]!);
  return tally.finish();
}

const bench: BenchModule = {
  name: 'zonal tally (float values)',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    for (const distinct of [200, 50_000]) {
      const data = values(distinct);
      const ours = await medianTime(() => hashCount(data), 3);
      const theirs = await medianTime(() => mapCount(data), 3);
      const oneByOne = await medianTime(() => hashCountOneByOne(data), 3);
      const same = ours.value.values.length === theirs.value.size
        && ours.value.values.every((v, i) => theirs.value.get(v) === ours.value.counts[i]);
      rows.push({
        case: `zonal tally, 5 M Float32 values, ${distinct.toLocaleString('en')} distinct`, ours_ms: ours.ms, theirs_ms: theirs.ms,
        baseline: 'per-pixel Map count', check: same ? `same ${theirs.value.size} values and counts` : 'DIFFERENT counts',
        note: `${((N / ours.ms) * 1000 / 1e6).toFixed(0)} M values/s ours; add() value by value ${oneByOne.ms.toFixed(1)} ms`,
      });
    }
    return rows;
  },
};
export default bench;
