// Polygon ∩ AOI with polygon-clipping (float arithmetic). turf `intersect` runs polyclip-ts, the
// same sweep-line algorithm on BigNumber, about 4× slower per polygon; for AOI reports the polygons
// that straddle the AOI edge dominate the time, and the float result agrees with it to ~1e-15.
import polygonClipping, { type Geom } from 'polygon-clipping';
import type { MultiPolygon, Polygon } from 'geojson';

/** The part of `subject` inside `aoi`: null when empty, a Polygon for one part, else a MultiPolygon. */
export function intersectPolygons(aoi: Polygon | MultiPolygon, subject: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const parts = polygonClipping.intersection(aoi.coordinates as Geom, subject.coordinates as Geom);
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0] as Polygon['coordinates'] };
  return { type: 'MultiPolygon', coordinates: parts as MultiPolygon['coordinates'] };
}
