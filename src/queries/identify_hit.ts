// Does a feature lie at (or near) a point? Polygons: point-in-polygon; lines and points:
// within a tolerance in metres. Pure, DOM-free.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { Feature, Geometry, Polygon, MultiPolygon, Position } from 'geojson';

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

/** Ground metres per CSS pixel at a latitude and MapLibre zoom (512-px world at zoom 0). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export function isPolygonal(geometry: Geometry | null): geometry is Polygon | MultiPolygon {
  return geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
}

/** True when the point is inside a polygon, or within `toleranceMetres` of a line or point. */
export function featureHits(feature: Feature, point: Position, toleranceMetres: number): boolean {
  const geometry = feature.geometry;
  if (isPolygonal(geometry)) return booleanPointInPolygon(point, geometry);
  return distanceMetres(geometry, point) <= toleranceMetres;
}

/** Distance from the point to the geometry in metres; 0 inside a polygon. */
export function distanceMetres(geometry: Geometry | null, point: Position): number {
  if (!geometry) return Infinity;
  switch (geometry.type) {
    case 'Polygon':
    case 'MultiPolygon':
      return Math.max(0, pointToPolygonDistance(point, geometry, { units: 'meters' }));
    case 'LineString':
      return pointToLineDistance(point, geometry, { units: 'meters' });
    case 'MultiLineString':
      return minimum(geometry.coordinates.map((line) =>
        line.length > 1 ? pointToLineDistance(point, { type: 'LineString', coordinates: line }, { units: 'meters' }) : Infinity));
    case 'Point':
      return distance(point, geometry.coordinates, { units: 'meters' });
    case 'MultiPoint':
      return minimum(geometry.coordinates.map((position) => distance(point, position, { units: 'meters' })));
    case 'GeometryCollection':
      return minimum(geometry.geometries.map((part) => distanceMetres(part, point)));
  }
}

function minimum(values: number[]): number {
  return values.reduce((best, value) => Math.min(best, value), Infinity);
}

/**
 * A feature cut by tile edges comes back once per tile; keep one copy. Features are told
 * apart by id when the tiles carry one, else by their attributes (and a point's place).
 */
export function uniqueFeatures(features: Feature[]): Feature[] {
  const seen = new Set<string>();
  return features.filter((feature) => {
    const key = featureKey(feature);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What tells one feature from another once tiles have cut it into pieces. */
export function featureKey(feature: Feature): string {
  return feature.id !== undefined ? `id:${String(feature.id)}` : `p:${JSON.stringify(feature.properties ?? {})}${pointKey(feature)}`;
}

/** Points are not cut by tiles, so their place tells apart two points with equal attributes. */
function pointKey(feature: Feature): string {
  if (feature.geometry?.type !== 'Point') return '';
  const [lon = 0, lat = 0] = feature.geometry.coordinates;
  return `@${lon.toFixed(4)},${lat.toFixed(4)}`;
}
