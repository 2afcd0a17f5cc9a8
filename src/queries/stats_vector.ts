// What a vector layer holds inside an AOI: number of features that reach into it, their
// geodesic area inside it (turf `area` of the clipped parts), per class of a chosen field,
// plus lengths for lines and counts for points. The index keeps the clipper to the features
// whose bounding box meets the AOI's.
import { area as turfArea } from '@turf/area';
import { bbox as turfBbox } from '@turf/bbox';
import { length as turfLength } from '@turf/length';
import type { Feature } from 'geojson';
import type { VectorIndex } from './stats_vector_index';
import { clipFeature, type Aoi } from './stats_vector_clip';

export interface VectorStats {
  /** features that reach into the AOI */
  features: number;
  /** sum of the clipped polygon areas (overlapping features are counted each) */
  area_m2: number;
  /** clipped area per class of the `by` field (all under "" when no field is chosen) */
  by: Record<string, number>;
  /** features per class */
  counts: Record<string, number>;
  /** clipped line length, when the layer has lines */
  length_m: number;
  /** features whose geometry could not be clipped even after repair */
  skipped: number;
  /** features whose geometry was repaired before clipping */
  repaired: number;
  notes: string[];
}

export interface ClippedLayer {
  clipped: Feature[];
  skipped: number;
  repaired: number;
  notes: string[];
}

/** Every feature of the layer clipped to the AOI, attributes kept. */
export function clipLayer(index: VectorIndex, aoi: Aoi, signal?: AbortSignal): ClippedLayer {
  const out: ClippedLayer = { clipped: [], skipped: 0, repaired: 0, notes: [] };
  for (const feature of index.search(turfBbox(aoi))) {
    signal?.throwIfAborted();
    try {
      const result = clipFeature(feature, aoi);
      if (result.repaired) out.repaired++;
      if (result.feature) out.clipped.push(result.feature);
    } catch (error) {
      out.skipped++;
      if (out.notes.length < 5) out.notes.push(`feature ${String(feature.id ?? '?')}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (index.unusable) out.notes.push(`${index.unusable} feature(s) without a usable geometry ignored`);
  if (out.repaired) out.notes.push(`${out.repaired} invalid geometry(ies) repaired before clipping`);
  if (out.skipped) out.notes.push(`${out.skipped} geometry(ies) could not be clipped and were skipped`);
  return out;
}

/** Totals of clipped features, per class of `by`. */
export function summariseClipped(layer: ClippedLayer, by?: string): VectorStats {
  const stats: VectorStats = { features: 0, area_m2: 0, by: {}, counts: {}, length_m: 0, skipped: layer.skipped, repaired: layer.repaired, notes: layer.notes };
  for (const feature of layer.clipped) {
    const type = feature.geometry.type;
    const key = by ? classKey(feature.properties?.[by]) : '';
    stats.features++;
    stats.counts[key] = (stats.counts[key] ?? 0) + 1;
    if (type === 'Polygon' || type === 'MultiPolygon') {
      const m2 = turfArea(feature);
      stats.area_m2 += m2;
      stats.by[key] = (stats.by[key] ?? 0) + m2;
    } else if (type === 'LineString' || type === 'MultiLineString') {
      stats.length_m += turfLength(feature, { units: 'meters' });
    }
  }
  return stats;
}

export function vectorStats(index: VectorIndex, aoi: Aoi, options: { by?: string; signal?: AbortSignal } = {}): VectorStats {
  return summariseClipped(clipLayer(index, aoi, options.signal), options.by);
}

/** A property value as a class name ("" for missing values). */
export function classKey(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
