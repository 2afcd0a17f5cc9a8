// The synthetic river valley shared by the flood zones, flood history, hydrography and LiDAR.
// It runs NNW→SSE through lon -72.55, lat 46.35 (near Trois-Rivières) and ends a few hundred
// metres further at the north shore of the St. Lawrence (shore.ts); that point lies on the
// valley centreline, so it is always inside the 0–20 yr zone.
// Geometry lives in a local km frame: s runs along the valley axis, t across it.
import type { Position } from 'geojson';
import { localFrame } from './geo';
import { fractalNoise } from './noise';
import { streamFor } from './prng';
import { makeShore, type Shore } from './shore';

export const RIVER_ANCHOR: [number, number] = [-72.55, 46.35];
export const FRAME = localFrame(RIVER_ANCHOR[0], RIVER_ANCHOR[1]);
/** Valley axis (pointing downstream) and its left-hand normal, in km. */
const AXIS: [number, number] = normalise([0.45, -0.89]);
const NORMAL: [number, number] = [-AXIS[1], AXIS[0]];
/** Upstream end of the mapped reach, km along the axis; the reach ends at the river mouth. */
export const REACH_START = -30;

function normalise([x, y]: [number, number]): [number, number] {
  const l = Math.hypot(x, y);
  return [x / l, y / l];
}

export interface ValleyWidths {
  /** Valley centreline offset from the axis at s (km); 0 at s = 0. */
  meander(s: number): number;
  /** Extra small meanders of the channel inside the valley (km). */
  channelWiggle(s: number): number;
  /** Half-widths (km) of the 0–20 and 20–100 yr zones on each bank. */
  halfWidth20(s: number, side: 1 | -1): number;
  halfWidth100(s: number, side: 1 | -1): number;
}

/** Geometry helpers the shore finder needs before the valley is complete. */
export interface ValleyShape {
  channelPoint(s: number): Position;
  band(s0: number, s1: number, left: (s: number) => number, right: (s: number) => number): Position[];
}

export interface Valley extends ValleyWidths {
  /** The mapped reach [upstream end, mouth] in km along the axis. */
  reach: [number, number];
  /** Where the river meets the St. Lawrence, and the north-shore land every valley layer is clipped to. */
  shore: Shore;
}

export function makeValley(seed: number): Valley {
  const n1 = fractalNoise(streamFor(seed, 'valley-w20'), 3);
  const n2 = fractalNoise(streamFor(seed, 'valley-w100'), 3);
  const n3 = fractalNoise(streamFor(seed, 'valley-asym'), 2);
  // Curvature stays below ~0.5 /km so offsets up to ~1.9 km never fold over themselves.
  const meander = (s: number) => 0.7 * Math.sin((2 * Math.PI * s) / 10) + 0.1 * Math.sin((2 * Math.PI * s) / 4.5 + 1) - 0.1 * Math.sin(1);
  const asym = (s: number, side: 1 | -1) => 1 + 0.3 * side * n3(s / 8, 0.5);
  const w20 = (s: number, side: 1 | -1) => (0.25 + 0.35 * (0.5 + 0.5 * n1(s / 6, 0.3))) * asym(s, side);
  const widths: ValleyWidths = {
    meander,
    channelWiggle: (s) => 0.08 * Math.sin((2 * Math.PI * s) / 1.6),
    halfWidth20: w20,
    halfWidth100: (s, side) => w20(s, side) + (0.3 + 0.6 * (0.5 + 0.5 * n2(s / 7, 0.7))) * asym(s, side),
  };
  const shape: ValleyShape = {
    channelPoint: (s) => valleyPoint(s, widths.meander(s) + widths.channelWiggle(s)),
    band: (s0, s1, left, right) => valleyBand(widths, s0, s1, left, right),
  };
  const shore = makeShore(shape, REACH_START);
  return { ...widths, reach: [REACH_START, shore.mouthS], shore };
}

/** Point at axis position s and cross offset t (km) → lon/lat. */
export function valleyPoint(s: number, t: number): Position {
  return FRAME.toLonLat(s * AXIS[0] + t * NORMAL[0], s * AXIS[1] + t * NORMAL[1]);
}

/** Local km (x, y) → valley coordinates (s along the axis, t across). */
export function toValleyCoords(x: number, y: number): [number, number] {
  return [x * AXIS[0] + y * AXIS[1], x * NORMAL[0] + y * NORMAL[1]];
}

/** Samples s0..s1 every `step` km (inclusive of both ends). */
export function samples(s0: number, s1: number, step = 0.1): number[] {
  const n = Math.max(1, Math.round((s1 - s0) / step));
  return Array.from({ length: n + 1 }, (_, i) => s0 + ((s1 - s0) * i) / n);
}

/** A ring following the valley between s0 and s1, from offsets left(s) and right(s) (km, both ≥ 0). */
export function valleyBand(valley: Pick<ValleyWidths, 'meander'>, s0: number, s1: number, left: (s: number) => number, right: (s: number) => number): Position[] {
  const ss = samples(s0, s1);
  const leftSide = ss.map((s) => valleyPoint(s, valley.meander(s) + left(s)));
  const rightSide = ss.map((s) => valleyPoint(s, valley.meander(s) - right(s))).reverse();
  const ring = [...leftSide, ...rightSide];
  ring.push([...ring[0]!]);
  return ring;
}

/** The river channel as a line from s0 to s1. */
export function channelLine(valley: ValleyWidths, s0: number, s1: number): Position[] {
  return samples(s0, s1, 0.05).map((s) => valleyPoint(s, valley.meander(s) + valley.channelWiggle(s)));
}
