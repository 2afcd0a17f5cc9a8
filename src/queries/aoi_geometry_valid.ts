// A fast "is this already valid?" test for polygons, so the polygon union that repairs
// self-intersections (polyclip-ts: exact BigNumber arithmetic, ~14 s for one 250 000-vertex ring)
// only runs on geometry that needs it. Edges go into a Flatbush index and only edges whose
// boxes overlap are compared, with exact orientation tests (robust-predicates): O(n log n) for
// real outlines. The answer is conservative: `false` only means "let the union decide".
import Flatbush from 'flatbush';
import { orient2d } from 'robust-predicates';
import type { Position } from 'geojson';

type Ring = Position[];

/** Point-in-ring tests beyond this (rings × vertices) are left to the union. */
const MAX_NESTING_WORK = 5_000_000;
/** Edge pairs compared per edge, on average, before giving up: real outlines need a few; a dense
 *  zigzag makes every box overlap thousands of others (quadratic), and the union is then no slower. */
const MAX_PAIRS_PER_EDGE = 32;

interface Edges {
  /** Flat x0,y0,x1,y1 per edge. */
  coords: Float64Array;
  /** Ring number of each edge, and its position in that ring. */
  ring: Uint32Array;
  index: Uint32Array;
  ringEdges: number[];
}

/**
 * True when the polygons (closed rings of ≥ 4 points, outer ring first) are certainly valid:
 * no two edges meet except neighbours at their shared corner, no spikes, every hole inside its
 * outer ring and outside its sibling holes, no part inside another part.
 */
export function isCertainlyValid(polygons: Ring[][]): boolean {
  const edges = collectEdges(polygons.flat());
  if (edges.ring.length === 0) return false;
  return edgesOnlyMeetNeighbours(edges) && nestingIsValid(polygons);
}

function collectEdges(rings: Ring[]): Edges {
  const total = rings.reduce((sum, ring) => sum + Math.max(0, ring.length - 1), 0);
  const edges: Edges = {
    coords: new Float64Array(total * 4), ring: new Uint32Array(total), index: new Uint32Array(total), ringEdges: [],
  };
  let e = 0;
  rings.forEach((ring, r) => {
    edges.ringEdges.push(Math.max(0, ring.length - 1));
    for (let i = 0; i < ring.length - 1; i++, e++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      edges.coords.set([a[0]!, a[1]!, b[0]!, b[1]!], e * 4);
      edges.ring[e] = r;
      edges.index[e] = i;
    }
  });
  return edges;
}

function edgesOnlyMeetNeighbours(edges: Edges): boolean {
  const n = edges.ring.length;
  const c = edges.coords;
  const tree = new Flatbush(n);
  for (let e = 0; e < n; e++) {
    tree.add(Math.min(c[e * 4]!, c[e * 4 + 2]!), Math.min(c[e * 4 + 1]!, c[e * 4 + 3]!),
      Math.max(c[e * 4]!, c[e * 4 + 2]!), Math.max(c[e * 4 + 1]!, c[e * 4 + 3]!));
  }
  tree.finish();
  let budget = MAX_PAIRS_PER_EDGE * n + 10_000;
  for (let e = 0; e < n; e++) {
    let bad = false;
    tree.search(Math.min(c[e * 4]!, c[e * 4 + 2]!), Math.min(c[e * 4 + 1]!, c[e * 4 + 3]!),
      Math.max(c[e * 4]!, c[e * 4 + 2]!), Math.max(c[e * 4 + 1]!, c[e * 4 + 3]!), (other) => {
        if (!bad && other > e) bad = --budget < 0 || edgesConflict(edges, e, other);
        return false;
      });
    if (bad) return false;
  }
  return true;
}

/** Neighbours in one ring share a corner and may only fold back on themselves (a spike). */
function edgesConflict(edges: Edges, a: number, b: number): boolean {
  const c = edges.coords;
  const [ax, ay, bx, by] = [c[a * 4]!, c[a * 4 + 1]!, c[a * 4 + 2]!, c[a * 4 + 3]!];
  const [cx, cy, dx, dy] = [c[b * 4]!, c[b * 4 + 1]!, c[b * 4 + 2]!, c[b * 4 + 3]!];
  const count = edges.ringEdges[edges.ring[a]!]!;
  const gap = edges.ring[a] === edges.ring[b] ? Math.abs(edges.index[a]! - edges.index[b]!) : -1;
  if (gap === 1 || gap === count - 1) {
    if (count === 2) return true; // a two-edge "ring" has no area
    // b follows a (or the other way round): the far corner of the later edge must not fold back.
    const [px, py, qx, qy, rx, ry] = bx === cx && by === cy ? [ax, ay, bx, by, dx, dy] : [cx, cy, dx, dy, bx, by];
    return orient2d(px, py, qx, qy, rx, ry) === 0 && (rx - qx) * (px - qx) + (ry - qy) * (py - qy) > 0;
  }
  return segmentsTouch(ax, ay, bx, by, cx, cy, dx, dy);
}

/** Any contact at all (crossing, touching, overlapping), exactly. */
function segmentsTouch(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const o1 = Math.sign(orient2d(ax, ay, bx, by, cx, cy));
  const o2 = Math.sign(orient2d(ax, ay, bx, by, dx, dy));
  const o3 = Math.sign(orient2d(cx, cy, dx, dy, ax, ay));
  const o4 = Math.sign(orient2d(cx, cy, dx, dy, bx, by));
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  return (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) || (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) || (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by));
}

/** For a point known to be on the line through a and b: is it between them? */
function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by);
}

/** With no edges meeting, one corner tells whether a ring lies inside another. */
function nestingIsValid(polygons: Ring[][]): boolean {
  const rings = polygons.flat();
  const vertices = rings.reduce((sum, ring) => sum + ring.length, 0);
  if (rings.length > 1 && rings.length * vertices > MAX_NESTING_WORK) return false;
  for (const [p, polygon] of polygons.entries()) {
    const [outer, ...holes] = polygon;
    for (const [h, hole] of holes.entries()) {
      if (!inside(hole[0]!, outer!)) return false;
      if (holes.some((other, o) => o !== h && inside(hole[0]!, other))) return false;
    }
    if (polygons.some((other, o) => o !== p && inside(outer![0]!, other[0]!))) return false;
  }
  return true;
}

/** Crossing-number test, with the side of each crossed edge decided exactly. */
function inside(point: Position, ring: Ring): boolean {
  const [x, y] = [point[0]!, point[1]!];
  let result = false;
  for (let i = 0; i < ring.length - 1; i++) {
    const [ax, ay] = [ring[i]![0]!, ring[i]![1]!];
    const [bx, by] = [ring[i + 1]![0]!, ring[i + 1]![1]!];
    if ((ay > y) === (by > y)) continue;
    const side = orient2d(ax, ay, bx, by, x, y);
    // robust-predicates' orient2d is negative when the point is left of the edge (counter-clockwise);
    // the ray to +x crosses an upward edge with the point on its left, a downward one on its right.
    if (by > ay ? side < 0 : side > 0) result = !result;
  }
  return result;
}

/** Signed area (shoelace): positive for a counter-clockwise ring. */
export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}
