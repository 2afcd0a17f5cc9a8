// How an import is cut into N independent parts (pure). Vectors: a grid of map sheets made of whole
// tiles at a "split zoom", so every tile from that zoom down belongs to exactly one sheet and its
// content depends only on the features near it; the few tiles above the split zoom are made by
// part 0 from all features. Rasters: a grid of pixel blocks aligned on the coarsest overview.

import { ImportError } from './errors';
import type { ZoomRange } from './zoom';

export interface PartSpec {
  /** 0-based. */
  index: number;
  count: number;
}

/** "2/4" → { index: 1, count: 4 }: parts are numbered from 1 for people, 0 for Kubernetes' completion index. */
export function parsePartition(text: string, zeroBased = false): PartSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const count = Number(match?.[2]);
  const index = Number(match?.[1]) - (zeroBased ? 0 : 1);
  if (!match || count < 1 || index < 0 || index >= count) {
    const range = zeroBased ? '0…N−1' : '1…N';
    throw new ImportError('arguments', `--partition expects i/N with i in ${range} (e.g. 1/4), got "${text}"`);
  }
  return { index, count };
}

export interface TileRange {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface SheetGrid {
  splitZoom: number;
  /** One tile range at splitZoom per part, in part order. */
  sheets: TileRange[];
}

const lonToX = (lon: number, z: number): number => Math.min(2 ** z - 1, Math.max(0, Math.floor(((lon + 180) / 360) * 2 ** z)));
const latToY = (lat: number, z: number): number => {
  const rad = (Math.max(-85.05112878, Math.min(85.05112878, lat)) * Math.PI) / 180;
  return Math.min(2 ** z - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z)));
};
const xToLon = (x: number, z: number): number => (x / 2 ** z) * 360 - 180;
const yToLat = (y: number, z: number): number => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

/** columns × rows = count, as square as possible (4 → 2×2, 6 → 3×2, 5 → 5×1). */
export function gridShape(count: number): [number, number] {
  let rows = Math.floor(Math.sqrt(count));
  while (count % rows !== 0) rows--;
  return [count / rows, rows];
}

/** Splits `length` items into `parts` contiguous runs as even as possible: [start, end] inclusive. */
function cuts(start: number, length: number, parts: number): Array<[number, number]> {
  return Array.from({ length: parts }, (_, i) => {
    const from = start + Math.floor((i * length) / parts);
    const to = start + Math.floor(((i + 1) * length) / parts) - 1;
    return [from, to] as [number, number];
  });
}

/** The first zoom (≥ minzoom, ≤ maxzoom) where the data spans enough tiles for `count` sheets. */
export function sheetGrid(bounds: [number, number, number, number], zooms: ZoomRange, count: number): SheetGrid {
  const [columns, rows] = gridShape(count);
  for (let z = zooms.minzoom; z <= zooms.maxzoom; z++) {
    const [x0, x1] = [lonToX(bounds[0], z), lonToX(bounds[2], z)];
    const [y0, y1] = [latToY(bounds[3], z), latToY(bounds[1], z)];
    if (x1 - x0 + 1 < columns || y1 - y0 + 1 < rows) continue;
    const sheets = cuts(y0, y1 - y0 + 1, rows).flatMap(([ya, yb]) => cuts(x0, x1 - x0 + 1, columns).map(([xa, xb]) => ({ x0: xa, x1: xb, y0: ya, y1: yb })));
    return { splitZoom: z, sheets };
  }
  throw new ImportError('arguments', `${count} parts is too many for this layer: even at zoom ${zooms.maxzoom} it spans fewer tiles than a ${columns}×${rows} grid`);
}

/** True when tile z/x/y (z ≥ splitZoom) lies in the sheet. */
export function tileInSheet(z: number, x: number, y: number, splitZoom: number, sheet: TileRange): boolean {
  const shift = z - splitZoom;
  const [sx, sy] = [Math.floor(x / 2 ** shift), Math.floor(y / 2 ** shift)];
  return sx >= sheet.x0 && sx <= sheet.x1 && sy >= sheet.y0 && sy <= sheet.y1;
}

/** A sheet's extent in degrees [west, south, east, north], widened by `margin` of one tile on every side. */
export function sheetBounds(sheet: TileRange, z: number, margin: number): [number, number, number, number] {
  const [west, east] = [xToLon(sheet.x0 - margin, z), xToLon(sheet.x1 + 1 + margin, z)];
  const [north, south] = [yToLat(sheet.y0 - margin, z), yToLat(sheet.y1 + 1 + margin, z)];
  return [Math.max(-180, west), Math.max(-85.06, south), Math.min(180, east), Math.min(85.06, north)];
}

/** The overview factors GDAL's COG driver makes: halving until the larger side fits in one block. */
export function cogOverviewFactors(width: number, height: number, blockSize: number): number[] {
  const factors: number[] = [];
  for (let factor = 2; Math.max(Math.ceil((width * 2) / factor), Math.ceil((height * 2) / factor)) > blockSize; factor *= 2) factors.push(factor);
  return factors;
}

export interface PixelWindow {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Raster part `index` of `count`: one block of a columns × rows grid, cut at multiples of `align`
 * pixels so that every overview of a part lines up with the same overview of the whole. Empty (0
 * wide or high) when the raster has too few aligned cells for the grid.
 */
export function rasterBlock(width: number, height: number, align: number, part: PartSpec): PixelWindow {
  const [columns, rows] = gridShape(part.count);
  const [x, blockWidth] = alignedCut(width, align, columns, part.index % columns);
  const [y, blockHeight] = alignedCut(height, align, rows, Math.floor(part.index / columns));
  return { x, y, width: blockWidth, height: blockHeight };
}

function alignedCut(length: number, align: number, parts: number, index: number): [number, number] {
  const [from, to] = cuts(0, Math.ceil(length / align), parts)[index] as [number, number];
  const start = Math.min(length, from * align);
  return [start, Math.max(0, Math.min(length, (to + 1) * align) - start)];
}
