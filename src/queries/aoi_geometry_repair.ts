// Repairs self-intersections and overlaps by a polygon union (polyclip-ts, the engine turf's
// union/intersect use), which acts like GEOS's buffer(0); the checks and cheap fixes are in
// aoi_geometry_clean.ts. The upload worker, the CLI and the page (once a geometry needs it) use this.
import type { Geometry } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { cleanGeometryWith, type CleanResult, type PolygonRings } from './aoi_geometry_clean';

export { isPolygonal, polygonsOf, type CleanResult } from './aoi_geometry_clean';

export function polygonUnion(polygons: PolygonRings[]): PolygonRings[] {
  const [first, ...rest] = polygons as polyclip.Geom[];
  return polyclip.union(first!, ...rest) as PolygonRings[];
}

export function cleanGeometry(geometry: Geometry | null | undefined, feature?: number): CleanResult {
  return cleanGeometryWith(polygonUnion, geometry, feature);
}
