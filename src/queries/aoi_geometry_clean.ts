// Checks and cleans one uploaded, drawn or linked geometry so every later query (clip, area, zonal
// statistics) gets a valid Polygon/MultiPolygon: bad coordinates reject the feature, unclosed or
// degenerate rings are fixed, and geometry that is already valid only has its rings oriented.
// Self-intersections and overlaps need a polygon union (aoi_geometry_repair.ts, polyclip-ts): it
// is passed in, so the page loads that code only when a geometry needs it.
import type { Geometry, Position } from 'geojson';
import { isCertainlyValid, ringArea } from './aoi_geometry_valid';
import type { AoiGeometry, AoiNote, AoiNoteCode } from './aoi_geometry_types';

type Ring = Position[];
export type PolygonRings = Ring[];
/** Merges polygons into valid ones (outer rings counter-clockwise, holes clockwise). */
export type PolygonUnion = (polygons: PolygonRings[]) => PolygonRings[];

export interface CleanResult {
  /** The valid geometry, or null when the feature was rejected (the notes say why). */
  geometry: AoiGeometry | null;
  notes: AoiNote[];
}

/** Thrown by cleanGeometryWith(null, …) for a geometry only the polygon union can clean. */
export class UnionNeeded extends Error {
  constructor() {
    super('this geometry needs the polygon union');
  }
}

class Rejected extends Error {
  constructor(readonly code: AoiNoteCode) {
    super(code);
  }
}

/** `union` null: throws UnionNeeded instead of repairing (the caller loads the union, then retries). */
export function cleanGeometryWith(union: PolygonUnion | null, geometry: Geometry | null | undefined, feature?: number): CleanResult {
  const notes: AoiNote[] = [];
  const note = (code: AoiNoteCode) => {
    if (!notes.some((existing) => existing.code === code)) notes.push({ code, feature });
  };
  try {
    const polygons = polygonsOf(geometry).map((rings) => fixPolygon(rings, note))
      .filter((rings): rings is PolygonRings => rings !== null);
    if (polygons.length === 0) throw new Rejected('empty');
    const valid = isCertainlyValid(polygons);
    if (!valid && !union) throw new UnionNeeded();
    const cleaned = valid ? polygons.map(orientRings) : union!(polygons);
    if (cleaned.length === 0) throw new Rejected('empty');
    if (!sameShape(polygons, cleaned)) note('repaired');
    const result: AoiGeometry = cleaned.length === 1
      ? { type: 'Polygon', coordinates: cleaned[0]! }
      : { type: 'MultiPolygon', coordinates: cleaned };
    return { geometry: result, notes };
  } catch (error) {
    if (error instanceof UnionNeeded) throw error;
    const code = error instanceof Rejected ? error.code : 'unrepairable';
    return { geometry: null, notes: [...notes, { code, feature }] };
  }
}

/** The polygons of a geometry (also inside a GeometryCollection); anything else is empty. */
export function polygonsOf(geometry: Geometry | null | undefined): PolygonRings[] {
  if (!geometry || typeof geometry !== 'object') return [];
  const coordinates = (geometry as { coordinates?: unknown }).coordinates;
  switch (geometry.type) {
    case 'Polygon':
      return [asArray(coordinates) as PolygonRings];
    case 'MultiPolygon':
      return asArray(coordinates).map((polygon) => asArray(polygon) as PolygonRings);
    case 'GeometryCollection':
      return asArray(geometry.geometries).flatMap((child) => polygonsOf(child as Geometry));
    default:
      return [];
  }
}

/** By type only: a polygon with broken coordinates still counts, so it gets a numbered note. */
export function isPolygonal(geometry: Geometry | null | undefined): boolean {
  if (!geometry || typeof geometry !== 'object') return false;
  if (geometry.type === 'GeometryCollection') {
    return Array.isArray(geometry.geometries) && geometry.geometries.some(isPolygonal);
  }
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Rejected('bad_coordinates');
  return value;
}

/** Outer ring first; a polygon whose outer ring is unusable is dropped with its holes. */
function fixPolygon(rings: PolygonRings, note: (code: AoiNoteCode) => void): PolygonRings | null {
  const fixed: PolygonRings = [];
  for (const [index, ring] of rings.entries()) {
    const clean = fixRing(ring, note);
    if (clean) fixed.push(clean);
    else if (index === 0) return null;
  }
  return fixed.length > 0 ? fixed : null;
}

function fixRing(ring: unknown, note: (code: AoiNoteCode) => void): Ring | null {
  const points: Ring = [];
  for (const position of asArray(ring)) {
    const [x, y] = asArray(position);
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      throw new Rejected('bad_coordinates');
    }
    if (Math.abs(x) > 180 || Math.abs(y) > 90) throw new Rejected('out_of_range');
    const last = points[points.length - 1];
    if (!last || last[0] !== x || last[1] !== y) points.push([x, y]);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && points.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    note('unclosed_ring');
    points.push([first[0]!, first[1]!]);
  }
  // A closed ring needs 3 distinct corners plus the closing point.
  if (points.length < 4) {
    note('degenerate_ring');
    return null;
  }
  return points;
}

/** Outer ring counter-clockwise, holes clockwise (RFC 7946, and what the union returns). */
function orientRings(rings: PolygonRings): PolygonRings {
  return rings.map((ring, index) => ((ringArea(ring) > 0) === (index === 0) ? ring : [...ring].reverse()));
}

/** Same number of parts, rings and vertices: the union only re-ordered what was valid. */
function sameShape(before: PolygonRings[], after: PolygonRings[]): boolean {
  const signature = (polygons: PolygonRings[]) => polygons
    .map((rings) => rings.map((ring) => ring.length).sort((a, b) => a - b).join(','))
    .sort()
    .join(';');
  return signature(before) === signature(after);
}
