// A sample of a COG's pixels for statistics (default styles, percentile stretch): the smallest
// overview, read whole when small, else a centred window, so it costs one or two tile reads.
import type { Cog, CogLevel } from './open';
import { blockRanges, type PixelWindow } from './blocks';
import { readSamples, transparency } from './window_read';

/** Largest side (pixels) read for statistics. */
const MAX_SAMPLE_SIDE = 512;

export interface PixelSample {
  /** One array per band read (band 1 first). */
  bands: ArrayLike<number>[];
  /** Level mask (0 = transparent) when the file has one. */
  mask: ArrayLike<number> | null;
}

/** Reads bands (1-based, default the first three at most) of the smallest pyramid level. */
export async function readPixelSample(cog: Cog, bands?: number[], signal?: AbortSignal): Promise<PixelSample> {
  const level = cog.levels[cog.levels.length - 1] as CogLevel;
  const wanted = bands ?? Array.from({ length: Math.min(3, cog.bands) }, (_, i) => i + 1);
  const window = centredWindow(level.width, level.height, MAX_SAMPLE_SIDE);
  const ranges = [...blockRanges(level.image, window), ...(level.mask ? blockRanges(level.mask, window) : [])];
  await cog.bytes.prefetch(ranges, signal);
  const [values, mask] = await Promise.all([
    readSamples(level.image, window, wanted.map((b) => b - 1), signal),
    transparency(level, window, signal),
  ]);
  return { bands: values, mask };
}

export function centredWindow(width: number, height: number, side: number): PixelWindow {
  const w = Math.min(width, side), h = Math.min(height, side);
  const x0 = Math.floor((width - w) / 2), y0 = Math.floor((height - h) / 2);
  return [x0, y0, x0 + w, y0 + h];
}

/** Values that are neither nodata, NaN nor masked. */
export function validSampleValues(values: ArrayLike<number>, nodata: number | null, mask: ArrayLike<number> | null = null): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v) && v !== nodata && (!mask || mask[i] !== 0)) out[n++] = v;
  }
  return out.subarray(0, n);
}

/** Nearest-rank percentiles (p in 0..100) of the values; [NaN…] when there is none. */
export function percentiles(values: Float64Array, ps: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => {
    if (sorted.length === 0) return Number.NaN;
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank] as number;
  });
}

/** [low, high] at the two percentiles, widened to a usable range for constant data. */
export function percentStretch(values: Float64Array, [pLow, pHigh]: [number, number]): [number, number] {
  let [low, high] = percentiles(values, [pLow, pHigh]) as [number, number];
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [0, 1];
  if (!(high > low)) high = low + 1;
  return [low, high];
}
