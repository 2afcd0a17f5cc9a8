// Zonal statistics in the band's own units: GDAL's scale/offset (value = raw · scale + offset)
// applied to the statistics of the raw values, which is exact for a linear map (a negative scale
// swaps min and max and reverses the histogram). Categories stay raw codes.
import type { BandInfo } from '../sources/cog/bands';
import type { ZonalStats } from './zonal_stats';

export interface ScaledZonalStats extends ZonalStats {
  /** The band's unit (GDAL UNITTYPE), when the file names one. */
  unit?: string;
  /** The scale and offset applied, when the file gives them. */
  scaling?: { scale: number; offset: number };
}

export function unscaleStats(stats: ZonalStats, info: BandInfo): ScaledZonalStats {
  const { scale, offset } = info;
  const unit = info.unit ? { unit: info.unit } : {};
  if (scale === 1 && offset === 0) return { ...stats, ...unit };
  const map = (v: number | null) => (v === null ? null : v * scale + offset);
  const [min, max] = scale >= 0 ? [map(stats.min), map(stats.max)] : [map(stats.max), map(stats.min)];
  const histogram = stats.histogram && (scale >= 0
    ? { edges: stats.histogram.edges.map((e) => e * scale + offset), counts: stats.histogram.counts }
    : { edges: stats.histogram.edges.map((e) => e * scale + offset).reverse(), counts: [...stats.histogram.counts].reverse() });
  // percentiles of a reversed order: p10 of the scaled values is p90 of the raw ones
  const [p10, p90] = scale >= 0 ? [map(stats.p10), map(stats.p90)] : [map(stats.p90), map(stats.p10)];
  return {
    ...stats, min, max, p10, p90, p50: map(stats.p50), histogram,
    sum: stats.sum * scale + offset * stats.count,
    mean: map(stats.mean),
    std: stats.std === null ? null : stats.std * Math.abs(scale),
    ...unit, scaling: { scale, offset },
  };
}
