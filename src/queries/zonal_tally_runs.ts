// The plain way to count a span of pixels into a tally: runs of equal neighbours (flat or
// quantised rasters) reach it as one addMany call. NaN and the nodata value are not counted.
import type { Tally } from './zonal_tally';

/** addRange through addMany, runs of equal neighbours as one call. */
export function addRangeByRuns(tally: Pick<Tally, 'addMany'>, values: ArrayLike<number>, start: number, end: number, nodata: number): void {
  let runValue = NaN, runCount = 0;
  for (let i = start; i < end; i++) {
    const v = values[i] as number;
    if (v !== v || v === nodata) continue;
    if (v === runValue) runCount++;
    else {
      if (runCount > 0) tally.addMany(runValue, runCount);
      runValue = v;
      runCount = 1;
    }
  }
  if (runCount > 0) tally.addMany(runValue, runCount);
}
