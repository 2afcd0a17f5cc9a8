// Zonal statistics of one COG band inside an AOI polygon, at full resolution by default:
// the AOI is projected to the raster CRS (proj4, vertices only, as GDAL/OGR do), rasterised
// by pixel centre, and the raster is streamed internal tile by internal tile, so memory stays
// bounded whatever the AOI size. A pixel counts when its centre is inside, nodata/NaN and
// masked pixels are excluded (rasterstats convention).
import { crsToPixel } from '../sources/cog/georef';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Cog } from '../sources/cog/open';
import { rasterizeSpans, toPixelPolygons, type RowSpans } from './zonal_rasterize';
import { histogram, percentile, type Histogram, type ValueCounts } from './zonal_tally';
import { pixelAreaM2, type PixelArea } from './zonal_area';
import { streamZone, type ZoneStream } from './zonal_stream';
import { DecodedTiles } from './zonal_tiles';
import { bandInfo } from '../sources/cog/bands';
import { StatsError } from './stats_errors';
import { unscaleStats, type ScaledZonalStats } from './zonal_scale';

export interface ZonalOptions {
  /** 1-based band (default 1). */
  band?: number;
  /** 0 = full resolution (default); n = the n-th overview, a faster estimate. */
  level?: number;
  /** Number of histogram bins (default 20). */
  bins?: number;
  /** Also report counts and areas per distinct value (categorical rasters). */
  categorical?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Decoded tiles shared with other AOIs of the same run (zonalStatsMany makes one). */
  tiles?: DecodedTiles;
}

export interface CategoryArea {
  count: number;
  area_m2: number;
}

export interface ZonalStats {
  count: number;
  min: number | null;
  max: number | null;
  sum: number;
  mean: number | null;
  std: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** area covered by counted pixels (pixel count × pixel area) */
  area_m2: number;
  histogram: Histogram | null;
  categories?: Record<string, CategoryArea>;
  band: number;
  /** 0 for full resolution; > 0 when computed on an overview */
  level: number;
  /** true when computed on an overview: an estimate, not the exact answer */
  estimate: boolean;
  /** false when the percentiles/histogram come from a bounded random sample */
  percentiles_exact: boolean;
  pixel_area: PixelArea;
}

type AoiGeometry = Polygon | MultiPolygon;

/** Pixel spans of an AOI (lon/lat) on one level of the COG. */
export function aoiSpans(cog: Cog, aoi: AoiGeometry, level = 0): RowSpans {
  const grid = cog.levels[level];
  if (!grid) throw new Error(`${cog.key}: no overview level ${level} (the file has ${cog.levels.length - 1})`);
  const fx = cog.width / grid.width, fy = cog.height / grid.height;
  const toPixel = (p: number[]): [number, number] => {
    const [x, y] = cog.proj.forward([p[0] as number, p[1] as number]) as [number, number];
    const [col, row] = crsToPixel(cog.georef, x, y);
    return [col / fx, row / fy];
  };
  return rasterizeSpans(toPixelPolygons(aoi, toPixel), grid.width, grid.height);
}

/** Statistics in the band's units: GDAL's scale/offset applied, its unit named (zonal_scale.ts). */
export async function zonalStats(cog: Cog, aoi: AoiGeometry | Feature<AoiGeometry>, options: ZonalOptions = {}): Promise<ScaledZonalStats> {
  const geometry = 'geometry' in aoi ? aoi.geometry : aoi;
  const band = options.band ?? 1;
  const level = options.level ?? 0;
  if (!Number.isInteger(band) || band < 1 || band > cog.bands) {
    throw new StatsError('band-missing', `${cog.key}: band ${band} does not exist (1..${cog.bands})`, { file: cog.key, band, bands: cog.bands });
  }
  const spans = aoiSpans(cog, geometry, level);
  const zone = await streamZone(cog, spans, { band, level, signal: options.signal, onProgress: options.onProgress, tiles: options.tiles });
  const pixel = pixelAreaM2(cog, level, geometry);
  const info = (await bandInfo(cog))[band - 1];
  const stats = summarise(zone, options, { band, level, pixel });
  return info ? unscaleStats(stats, info) : stats;
}

/**
 * One result per AOI, in order. Several AOIs share one bounded cache of decoded tiles, so tiles
 * under several AOIs (neighbouring MRCs…) are read and decoded once for the whole run.
 */
export async function zonalStatsMany(cog: Cog, aois: Array<AoiGeometry | Feature<AoiGeometry>>, options: ZonalOptions = {}): Promise<ScaledZonalStats[]> {
  // One AOI visits each tile once: a cache of decoded tiles would only cost memory.
  const tiles = options.tiles ?? (aois.length > 1 ? new DecodedTiles() : undefined);
  const shared = { ...options, ...(tiles ? { tiles } : {}) };
  const out: ScaledZonalStats[] = [];
  for (const aoi of aois) out.push(await zonalStats(cog, aoi, shared));
  return out;
}

function summarise(zone: ZoneStream, options: ZonalOptions, meta: { band: number; level: number; pixel: PixelArea }): ZonalStats {
  const { count, sum, min, max, shiftedSum, shiftedSquares } = zone;
  const counts: ValueCounts = zone.tally.finish();
  const variance = count > 0 ? Math.max(0, (shiftedSquares - (shiftedSum * shiftedSum) / count) / count) : null;
  const stats: ZonalStats = {
    count,
    min: count > 0 ? min : null,
    max: count > 0 ? max : null,
    sum,
    mean: count > 0 ? sum / count : null,
    std: variance === null ? null : Math.sqrt(variance),
    p10: percentile(counts, 10),
    p50: percentile(counts, 50),
    p90: percentile(counts, 90),
    area_m2: count * meta.pixel.m2,
    histogram: histogram(counts, options.bins ?? 20),
    band: meta.band,
    level: meta.level,
    estimate: meta.level > 0,
    percentiles_exact: counts.exact,
    pixel_area: meta.pixel,
  };
  if (options.categorical) stats.categories = categoryAreas(counts, meta.pixel.m2);
  return stats;
}

function categoryAreas(counts: ValueCounts, pixelM2: number): Record<string, CategoryArea> {
  const out: Record<string, CategoryArea> = {};
  counts.values.forEach((value, i) => {
    const count = counts.counts[i] as number;
    out[String(value)] = { count, area_m2: count * pixelM2 };
  });
  return out;
}
