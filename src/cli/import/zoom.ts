// Chooses the PMTiles zoom range from the data itself (pure).
//
// MVT stores coordinates on a 4096-unit grid per tile. Lines and polygons keep their shape when that
// grid is much finer than the data's own vertex spacing, so maxzoom is the first zoom where one grid
// cell is ≤ 1/32 of the mean segment length; beyond it MapLibre over-zooms without visible loss.
// Points carry no shape: they get a zoom where neighbours sit ≥ 64 screen px apart, and at least 10
// so a click lands on the right point. minzoom starts a few levels before the data fills a tile,
// so a province-wide layer is visible from zoom 0 and a town-sized one is not tiled uselessly.

import type { GeometryKind } from '../../queries/geojson_text';

export type { GeometryKind };

export interface ZoomInput {
  kind: GeometryKind;
  featureCount: number;
  /** Total vertex count of all geometries. */
  vertexCount: number;
  /** Total length of lines or perimeter of polygons, in degrees. 0 for points. */
  lengthDegrees: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
}

export interface ZoomRange {
  minzoom: number;
  maxzoom: number;
}

const TILE_EXTENT = 4096;
const CELLS_PER_SEGMENT = 32;
const TILE_PIXELS = 512;
const POINT_SPACING_PIXELS = 64;
export const MAXZOOM_LIMITS = { point: [10, 14], shape: [6, 14] } as const;
const MINZOOM_LIMIT = 4;

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/** Largest side of the bounds in degrees, never 0 (a single point still needs a zoom). */
export function spanDegrees(bounds: [number, number, number, number]): number {
  const [west, south, east, north] = bounds;
  return Math.max(east - west, north - south, 1e-6);
}

export function chooseZoomRange(input: ZoomInput, override: Partial<ZoomRange> = {}): ZoomRange {
  const maxzoom = override.maxzoom ?? chooseMaxzoom(input);
  const fitZoom = Math.floor(Math.log2(360 / spanDegrees(input.bounds)));
  const minzoom = Math.min(override.minzoom ?? clamp(fitZoom - 4, 0, MINZOOM_LIMIT), maxzoom);
  return { minzoom, maxzoom };
}

function chooseMaxzoom(input: ZoomInput): number {
  const segments = input.vertexCount - (input.kind === 'point' ? 0 : input.featureCount);
  if (input.kind === 'point' || segments <= 0 || input.lengthDegrees <= 0) {
    const [low, high] = MAXZOOM_LIMITS.point;
    const area = spanDegrees(input.bounds) ** 2;
    const spacing = Math.sqrt(area / Math.max(1, input.featureCount));
    return clamp(Math.ceil(Math.log2((360 * POINT_SPACING_PIXELS) / (TILE_PIXELS * spacing))), low, high);
  }
  const [low, high] = MAXZOOM_LIMITS.shape;
  const meanSegment = input.lengthDegrees / segments;
  return clamp(Math.ceil(Math.log2((360 * CELLS_PER_SEGMENT) / (TILE_EXTENT * meanSegment))), low, high);
}
