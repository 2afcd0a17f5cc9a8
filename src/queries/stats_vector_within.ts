// Fast path before polygon clipping (polyclip-ts costs milliseconds per overlapping polygon):
// a polygon whose vertices are all inside the AOI and whose edges cross no AOI edge lies wholly
// inside it, so its clipped geometry is itself.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Aoi } from './stats_vector_clip';

type Segment = [Position, Position];

function segments(geometry: Polygon | MultiPolygon): Segment[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: Segment[] = [];
  for (const rings of polygons) for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) out.push([ring[i] as Position, ring[i + 1] as Position]);
  return out;
}

function cross(o: Position, a: Position, b: Position): number {
  return ((a[0] as number) - (o[0] as number)) * ((b[1] as number) - (o[1] as number)) - ((a[1] as number) - (o[1] as number)) * ((b[0] as number) - (o[0] as number));
}

/** true when the two segments touch or cross (collinear overlaps count too: we then clip). */
function meet([a, b]: Segment, [c, d]: Segment): boolean {
  const d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  return ((d1 >= 0) !== (d2 >= 0) || d1 === 0 || d2 === 0) && ((d3 >= 0) !== (d4 >= 0) || d3 === 0 || d4 === 0);
}

export function isWithinAoi(geometry: Polygon | MultiPolygon, aoi: Aoi, box: [number, number, number, number]): boolean {
  const own = segments(geometry);
  if (!own.every(([a]) => booleanPointInPolygon(a, aoi))) return false;
  const [w, s, e, n] = box;
  const near = segments(aoi.geometry).filter(([a, b]) => Math.max(a[0] as number, b[0] as number) >= w && Math.min(a[0] as number, b[0] as number) <= e && Math.max(a[1] as number, b[1] as number) >= s && Math.min(a[1] as number, b[1] as number) <= n);
  return !near.some((edge) => own.some((mine) => meet(edge, mine)));
}
