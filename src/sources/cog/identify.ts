// The value(s) of one pixel under a lon/lat point: one tile read (none when cached).
import type { Cog } from './open';
import { blockRanges, type PixelWindow } from './blocks';
import { crsToPixel } from './georef';
import { readSample, readSamples } from './window_read';

export type PixelValues = Array<number | null>;

/** Full-resolution pixel (column, row) under a lon/lat point, or null outside the raster. */
export function pixelAt(cog: Cog, lon: number, lat: number): [number, number] | null {
  const [x, y] = cog.proj.forward([lon, lat]) as [number, number];
  const [u, v] = crsToPixel(cog.georef, x, y);
  const col = Math.floor(u), row = Math.floor(v);
  if (!(col >= 0 && row >= 0 && col < cog.width && row < cog.height)) return null;
  return [col, row];
}

/** One value per band; null for nodata, NaN, masked pixels and points outside the raster. */
export async function identify(cog: Cog, lon: number, lat: number, signal?: AbortSignal): Promise<PixelValues> {
  const nulls = (): PixelValues => new Array<number | null>(cog.bands).fill(null);
  const pixel = pixelAt(cog, lon, lat);
  if (!pixel) return nulls();
  const [col, row] = pixel;
  const window: PixelWindow = [col, row, col + 1, row + 1];
  const level = cog.levels[0];
  if (!level) return nulls();
  // The tile (and mask tile) bytes in as few requests as possible, then decode from the cache.
  const ranges = [...blockRanges(level.image, window), ...(level.mask ? blockRanges(level.mask, window) : [])];
  await cog.bytes.prefetch(ranges, signal);
  const [rasters, mask] = await Promise.all([
    readSamples(level.image, window, Array.from({ length: cog.bands }, (_, b) => b), signal),
    level.mask ? readSample(level.mask, window, 0, signal) : null,
  ]);
  if (mask && Number(mask[0] ?? 0) === 0) return nulls();
  return Array.from({ length: cog.bands }, (_, band) => {
    const value = Number(rasters[band]?.[0]);
    return Number.isNaN(value) || value === cog.nodata ? null : value;
  });
}
