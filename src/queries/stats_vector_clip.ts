// Clips one feature to an AOI polygon, keeping its attributes: polygons wholly inside are kept
// as they are, the others are clipped with polygon-clipping (stats_vector_polyclip), lines by splitting at the AOI boundary, points by containment. A geometry
// that the clipper refuses (self-intersections…) is repaired once with turf `unkinkPolygon`;
// when that fails too, the caller counts it as skipped.
import { StatsError } from './stats_errors';
import { along } from '@turf/along';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { length as turfLength } from '@turf/length';
import { lineSplit } from '@turf/line-split';
import { unkinkPolygon } from '@turf/unkink-polygon';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { bbox } from '@turf/bbox';
import { isWithinAoi } from './stats_vector_within';
import { intersectPolygons } from './stats_vector_polyclip';

export type Aoi = Feature<Polygon | MultiPolygon>;

export interface ClipResult {
  /** null when the feature does not reach into the AOI */
  feature: Feature | null;
  repaired: boolean;
}

export function clipFeature(feature: Feature, aoi: Aoi): ClipResult {
  const geometry = feature.geometry;
  switch (geometry?.type) {
    case 'Polygon':
    case 'MultiPolygon':
      return clipPolygon(feature as Feature<Polygon | MultiPolygon>, aoi);
    case 'LineString':
    case 'MultiLineString':
      return { feature: clipLines(feature, geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates, aoi), repaired: false };
    case 'Point':
    case 'MultiPoint':
      return { feature: clipPoints(feature, geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates, aoi), repaired: false };
    default:
      throw new StatsError('unsupported-geometry', `unsupported geometry ${geometry?.type ?? 'null'}`, { geometry: geometry?.type ?? 'null' });
  }
}

function clipPolygon(feature: Feature<Polygon | MultiPolygon>, aoi: Aoi): ClipResult {
  const box = bbox(feature) as [number, number, number, number];
  if (isWithinAoi(feature.geometry, aoi, box)) return { feature, repaired: false };
  try {
    return { feature: withProperties(intersectPolygons(aoi.geometry, feature.geometry), feature), repaired: false };
  } catch {
    // Repair: split self-intersecting rings into simple parts, clip each, merge what remains.
    const parts = unkinkPolygon(feature).features;
    const clipped = parts
      .map((part) => intersectPolygons(aoi.geometry, part.geometry))
      .filter((g): g is Polygon | MultiPolygon => g !== null);
    if (clipped.length === 0) return { feature: null, repaired: true };
    const coordinates = clipped.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates));
    return { feature: { type: 'Feature', id: feature.id, properties: feature.properties, geometry: { type: 'MultiPolygon', coordinates } }, repaired: true };
  }
}

function clipLines(feature: Feature, lines: Position[][], aoi: Aoi): Feature | null {
  const kept: Position[][] = [];
  for (const coordinates of lines) {
    if (coordinates.length < 2) continue;
    const line: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
    const pieces = lineSplit(line, aoi).features;
    for (const piece of pieces.length ? pieces : [line]) {
      const middle = along(piece, turfLength(piece) / 2);
      if (booleanPointInPolygon(middle, aoi)) kept.push(piece.geometry.coordinates);
    }
  }
  if (kept.length === 0) return null;
  const geometry = kept.length === 1 ? { type: 'LineString' as const, coordinates: kept[0] as Position[] } : { type: 'MultiLineString' as const, coordinates: kept };
  return { type: 'Feature', id: feature.id, properties: feature.properties, geometry };
}

function clipPoints(feature: Feature, points: Position[], aoi: Aoi): Feature | null {
  const inside = points.filter((p) => booleanPointInPolygon(p, aoi));
  if (inside.length === 0) return null;
  const geometry = inside.length === 1 ? { type: 'Point' as const, coordinates: inside[0] as Position } : { type: 'MultiPoint' as const, coordinates: inside };
  return { type: 'Feature', id: feature.id, properties: feature.properties, geometry };
}

function withProperties(clipped: Polygon | MultiPolygon | null, source: Feature): Feature | null {
  if (!clipped) return null;
  return { type: 'Feature', ...(source.id !== undefined ? { id: source.id } : {}), properties: source.properties, geometry: clipped };
}
