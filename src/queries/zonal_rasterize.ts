// Which pixels of a grid have their centre inside a polygon (the rasterstats / GDAL
// `gdal_rasterize` convention, not "all touched"). Hand-written scanline fill rather than a
// library: we need spans per row in raster pixel space, streamed tile by tile, and no
// library offers that without allocating a full mask.
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Rings in pixel coordinates (x: columns to the east, y: rows to the south). */
export type PixelRing = Array<[number, number]>;
/** One polygon = outer ring + holes; a multipolygon is a list of these. */
export type PixelPolygon = PixelRing[];

/**
 * Per row, inside spans as [start, end) column pairs, clipped to [0, width).
 * rows[r - rowStart] holds the spans of row r.
 */
export interface RowSpans {
  rowStart: number;
  rowEnd: number;
  rows: Int32Array[];
}

interface Edge {
  x0: number;
  y0: number;
  slope: number;
  /** first and last row whose centre line crosses the edge */
  first: number;
  last: number;
}

/** Geometry (in any CRS) → pixel polygons, through a coordinate transform. */
export function toPixelPolygons(geometry: Polygon | MultiPolygon, toPixel: (p: Position) => [number, number]): PixelPolygon[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => ring.map(toPixel)));
}

/** Pixel-space bounding box [minX, minY, maxX, maxY] of the polygons. */
export function pixelBounds(polygons: PixelPolygon[]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Spans of every row whose centre line meets the polygons, within a width × height grid. */
export function rasterizeSpans(polygons: PixelPolygon[], width: number, height: number): RowSpans {
  const [, minY, , maxY] = pixelBounds(polygons);
  const rowStart = Math.max(0, Math.ceil(minY - 0.5));
  const rowEnd = Math.min(height, Math.ceil(maxY - 0.5));
  if (!(rowEnd > rowStart)) return { rowStart: 0, rowEnd: 0, rows: [] };
  const perPolygon = polygons.map((polygon) => polygonRowSpans(polygon, rowStart, rowEnd, width));
  const rows: Int32Array[] = [];
  for (let r = 0; r < rowEnd - rowStart; r++) {
    const parts = perPolygon.map((spans) => spans[r] as number[]).filter((s) => s.length > 0);
    rows.push(Int32Array.from(parts.length <= 1 ? (parts[0] ?? []) : mergeSpans(parts.flat())));
  }
  return { rowStart, rowEnd, rows };
}

/** Even-odd fill of one polygon (outer ring and holes) with an active edge list. */
function polygonRowSpans(polygon: PixelPolygon, rowStart: number, rowEnd: number, width: number): number[][] {
  const edges = buildEdges(polygon).sort((a, b) => a.first - b.first);
  const out: number[][] = [];
  let active: Edge[] = [];
  let next = 0;
  const crossings: number[] = [];
  for (let row = rowStart; row < rowEnd; row++) {
    while (next < edges.length && (edges[next] as Edge).first <= row) active.push(edges[next++] as Edge);
    active = active.filter((e) => e.last >= row);
    const yc = row + 0.5;
    crossings.length = 0;
    for (const e of active) if (e.first <= row) crossings.push(e.x0 + (yc - e.y0) * e.slope);
    crossings.sort((a, b) => a - b);
    const spans: number[] = [];
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      // columns c with crossing_a <= c + 0.5 < crossing_b
      const start = Math.max(0, Math.ceil((crossings[i] as number) - 0.5));
      const end = Math.min(width, Math.ceil((crossings[i + 1] as number) - 0.5));
      if (end > start) spans.push(start, end);
    }
    out.push(spans);
  }
  return out;
}

/** Non-horizontal edges with the rows whose centre line y = r + 0.5 they cross (half-open in y). */
function buildEdges(polygon: PixelPolygon): Edge[] {
  const edges: Edge[] = [];
  for (const ring of polygon) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i] as [number, number];
      const b = ring[(i + 1) % n] as [number, number];
      if (a[1] === b[1]) continue;
      const [lo, hi] = a[1] < b[1] ? [a, b] : [b, a];
      // rows r with lo.y <= r + 0.5 < hi.y
      const first = Math.ceil(lo[1] - 0.5);
      const last = Math.ceil(hi[1] - 0.5) - 1;
      if (last < first) continue;
      edges.push({ x0: lo[0], y0: lo[1], slope: (hi[0] - lo[0]) / (hi[1] - lo[1]), first, last });
    }
  }
  return edges;
}

/** Union of [start, end) pairs (from several polygons of a multipolygon). */
function mergeSpans(flat: number[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i] as number, flat[i + 1] as number]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const last = out.length - 1;
    if (last > 0 && s <= (out[last] as number)) out[last] = Math.max(out[last] as number, e);
    else out.push(s, e);
  }
  return out;
}

/** Number of pixels inside (for tests and progress estimates). */
export function countSpanPixels(spans: RowSpans): number {
  let total = 0;
  for (const row of spans.rows) for (let i = 0; i + 1 < row.length; i += 2) total += (row[i + 1] as number) - (row[i] as number);
  return total;
}
