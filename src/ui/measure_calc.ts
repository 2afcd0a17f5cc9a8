// Geodesic measures of what the user clicked (turf: length on the ellipsoid-free great circle,
// area on the sphere, the same as the AOI statistics) and their text in m/km/ha/km². Pure, no DOM.
import { area } from '@turf/area';
import { length } from '@turf/length';
import { lineString, polygon } from '@turf/helpers';
import type { Position } from 'geojson';

export type MeasureKind = 'distance' | 'area';

export interface Measure {
  kind: MeasureKind;
  /** Metres: the line's length, or the polygon's perimeter. */
  length: number;
  /** Square metres (area only). */
  area: number;
}

/** Measures the points clicked so far; fewer than 2 (line) or 3 (area) points measure 0. */
export function measure(kind: MeasureKind, points: Position[]): Measure {
  if (kind === 'distance') {
    return { kind, length: points.length < 2 ? 0 : length(lineString(points), { units: 'meters' }), area: 0 };
  }
  if (points.length < 3) {
    return { kind, length: points.length === 2 ? length(lineString(points), { units: 'meters' }) : 0, area: 0 };
  }
  const ring = [...points, points[0]!];
  return { kind, length: length(lineString(ring), { units: 'meters' }), area: area(polygon([ring])) };
}

function number(value: number, digits: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** "850 m", "12,35 km" (fr) / "12.35 km" (en). */
export function formatDistance(metres: number, lang: string): string {
  if (metres < 1000) return `${number(metres, metres < 10 ? 1 : 0, lang)} m`;
  return `${number(metres / 1000, metres < 100_000 ? 2 : 1, lang)} km`;
}

/** "420 m²" below a hectare, "100,00 ha (1,00 km²)" up to 100 km², then "1 234,5 km²". */
export function formatArea(squareMetres: number, lang: string): string {
  if (squareMetres < 10_000) return `${number(squareMetres, 0, lang)} m²`;
  const km2 = squareMetres / 1e6;
  if (km2 < 100) return `${number(squareMetres / 10_000, 2, lang)} ha (${number(km2, 2, lang)} km²)`;
  return `${number(km2, 1, lang)} km²`;
}
