// The synthetic river is a tributary of the real St. Lawrence: it flows south to the north shore
// of the basemap's Natural Earth land polygon and stops there. This file finds the river mouth
// and the piece of north-shore land every valley layer is clipped to.
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { bbox as turfBBox, booleanPointInPolygon, featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import { landPolygons } from './basemap';
import { round6, type BBox } from './geo';
import type { ValleyShape } from './river';

export type Area = Feature<Polygon | MultiPolygon>;

/** How far (km along the axis) the land piece reaches past the mouth: across the St. Lawrence's
 * north channel but short of its south shore, which the component choice drops anyway. */
const PAST_MOUTH_KM = 2.5;
/** Half-width (km) of the land kept on each side of the valley: room for lakes and creeks. */
const SIDE_KM = 9;

export interface Shore {
  /** Axis position (km) where the channel first leaves the land: the river mouth. */
  mouthS: number;
  /** North-shore land around the valley (one polygon, holes allowed). */
  land: Feature<Polygon>;
}

/** Walks the channel downstream from s0 until it leaves the land. */
export function findMouth(shape: ValleyShape, onLand: (p: Position) => boolean, s0: number): number {
  for (let s = s0; s < s0 + 100; s += 0.02) {
    if (!onLand(shape.channelPoint(s))) return Math.round(s * 100) / 100;
  }
  throw new Error(`demo river: the channel never reaches the St. Lawrence within 100 km of s = ${s0}`);
}

export function makeShore(shape: ValleyShape, s0: number): Shore {
  const region = shape.band(s0 - 12, s0 + 200, () => SIDE_KM, () => SIDE_KM);
  const box = turfBBox(turfPolygon([region])) as BBox;
  const land = landPolygons([box[0] - 0.05, box[1] - 0.05, box[2] + 0.05, box[3] + 0.05]).features.flatMap((f) => validPolygons(f as Area));
  const onLand = (p: Position) => land.some((f) => booleanPointInPolygon(p, f));
  const mouthS = findMouth(shape, onLand, s0);
  const clipRegion = turfPolygon([shape.band(s0 - 12, mouthS + PAST_MOUTH_KM, () => SIDE_KM, () => SIDE_KM)]);
  const inside = shape.channelPoint(mouthS - 0.2);
  for (const piece of land) {
    const clipped = intersect(featureCollection([piece, clipRegion]));
    const polygons = clipped === null ? [] : clipped.geometry.type === 'Polygon' ? [clipped.geometry.coordinates] : clipped.geometry.coordinates;
    const north = polygons.find((rings) => booleanPointInPolygon(inside, turfPolygon(rings)));
    if (north) return { mouthS, land: turfPolygon(north) };
  }
  throw new Error('demo river: no land polygon holds the river just above its mouth');
}

/** The part of a polygon on the north-shore land, or null if none. */
export function clipToLand(ring: Position[], shore: Shore): Area | null {
  const clipped = intersect(featureCollection([turfPolygon([ring]), shore.land]));
  return clipped ? roundArea(clipped) : null;
}

/** The longest run of a line's vertices on land, plus the first vertex past it (the line meets the shore). */
export function clipLineToLand(line: Position[], shore: Shore): Position[] {
  let best: Position[] = [];
  let run: Position[] = [];
  for (const p of line) {
    if (booleanPointInPolygon(p, shore.land)) {
      run.push(p);
      continue;
    }
    if (run.length > 0) run.push(p);
    if (run.length > best.length) best = run;
    run = [];
  }
  return run.length > best.length ? run : best;
}

/** bboxClip leaves degenerate rings (< 4 positions) on the box edge; the polygon clipper rejects them. */
function validPolygons(f: Area): Array<Feature<Polygon>> {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  return polygons
    .map((rings) => rings.filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0)
    .map((rings) => turfPolygon(rings));
}

function roundArea(f: Area): Area {
  const ring = (r: Position[]) => r.map(([x, y]) => [round6(x!), round6(y!)]);
  const geometry: Polygon | MultiPolygon = f.geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: f.geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((p) => p.map(ring)) };
  return { type: 'Feature', properties: {}, geometry };
}
