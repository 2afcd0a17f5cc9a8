// A GeoTIFF of a COG clipped to an AOI: the AOI's pixel bounding box on the original grid,
// every band, the original CRS and data type; pixels whose centre is outside the AOI become
// nodata (the file's own nodata, or a type-appropriate one when the file has none).
// Written as geotiff.js `writeArrayBuffer` writes it (uncompressed, one strip; geotiff_encode.ts). The window is read by
// bands of tile rows, each copied into the output as it arrives (progress, and no second
// full-size copy of the samples); the report runs all this in a worker (export_geotiff_client.ts).
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Cog } from '../sources/cog/open';
import { aoiSpans } from './zonal_stats';
import { encodeGeotiff, type WritableArray } from './geotiff_encode';
import { readSamples } from '../sources/cog/window_read';
import { pixelToCrs } from '../sources/cog/georef';
import type { RowSpans } from './zonal_rasterize';
import type { PixelWindow } from '../sources/cog/blocks';

/** Refuse windows above this many pixels × bands (about 1 GiB of Float64). */
const MAX_SAMPLES = 128 * 1024 * 1024;
/**
 * Bands of tile rows read at once: enough to keep the network busy, few enough that the tiles
 * asked stay in the byte cache (32 MiB) until decoded — all at once, a 70 MB file was read twice.
 */
const CHUNKS_AT_ONCE = 3;

type Typed = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
const ARRAYS: Record<string, new (n: number) => Typed> = {
  uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array,
  uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array,
};
const FALLBACK_NODATA: Record<string, number> = {
  uint8: 255, int8: -128, uint16: 65535, int16: -32768, uint32: 4294967295, int32: -2147483648, float32: NaN, float64: NaN,
};

/** Why a clip cannot be made, as data: it crosses a worker boundary and is translated by the page. */
export type ClipProblem =
  | { code: 'clip-dtype'; dtype: string }
  | { code: 'clip-outside' }
  | { code: 'clip-too-large'; width: number; height: number; bands: number };

/** A clip refused for a reason the user can act on; `message` is the English wording (CLI, logs). */
export class ClipError extends Error {
  override name = 'ClipError';
  constructor(readonly clip: ClipProblem, message: string) {
    super(message);
  }
}

export interface ClipOptions {
  signal?: AbortSignal;
  /** Steps done of `total`: one per band of tile rows read, and the encoding last. */
  onProgress?: (done: number, total: number) => void;
}

export interface ClippedRaster {
  data: ArrayBuffer;
  width: number;
  height: number;
  nodata: number;
  /** [minX, minY, maxX, maxY] in the raster CRS */
  extent: [number, number, number, number];
}

export async function clipRasterToAoi(cog: Cog, aoi: Feature<Polygon | MultiPolygon>, options: ClipOptions | AbortSignal = {}): Promise<ClippedRaster> {
  const { signal, onProgress } = options instanceof AbortSignal ? { signal: options, onProgress: undefined } : options;
  const SampleArray = ARRAYS[cog.dtype];
  if (!SampleArray) throw new ClipError({ code: 'clip-dtype', dtype: cog.dtype }, `${cog.key}: data type ${cog.dtype} cannot be exported`);
  const spans = aoiSpans(cog, aoi.geometry);
  const window = spanWindow(spans);
  if (!window) throw new ClipError({ code: 'clip-outside' }, `${cog.key}: the area of interest does not cover any pixel of the raster`);
  const [x0, y0, x1, y1] = window;
  const width = x1 - x0;
  const height = y1 - y0;
  if (width * height * cog.bands > MAX_SAMPLES) {
    throw new ClipError({ code: 'clip-too-large', width, height, bands: cog.bands }, `${cog.key}: the clipped raster would be too large (${width} × ${height} × ${cog.bands}); choose a smaller area`);
  }
  const level = cog.levels[0];
  if (!level) throw new Error(`${cog.key}: no image`);
  const nodata = cog.nodata ?? (FALLBACK_NODATA[cog.dtype] as number);
  const out = new SampleArray(width * height * cog.bands).fill(nodata);
  const chunks = rowChunks(window, level.image.getTileHeight());
  let done = 0;
  onProgress?.(0, chunks.length + 1);
  let next = 0;
  const reader = async () => {
    for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) {
      const bands = await readSamples(level.image, chunk, Array.from({ length: cog.bands }, (_, b) => b), signal);
      interleaveInside(out, bands, spans, window, chunk);
      onProgress?.(++done, chunks.length + 1);
    }
  };
  await Promise.all(Array.from({ length: CHUNKS_AT_ONCE }, reader));
  signal?.throwIfAborted();
  const data = encodeGeotiff(unsignedView(out), fileTags(cog, window, nodata));
  onProgress?.(chunks.length + 1, chunks.length + 1);
  const corners = [[x0, y0], [x1, y0], [x0, y1], [x1, y1]].map(([c, r]) => pixelToCrs(cog.georef, c as number, r as number));
  const xs = corners.map((p) => p[0]), ys = corners.map((p) => p[1]);
  return { data, width, height, nodata, extent: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
}

/** The window cut at tile-row boundaries: each part reads whole rows of tiles once. */
function rowChunks([x0, y0, x1, y1]: PixelWindow, tileHeight: number): PixelWindow[] {
  const chunks: PixelWindow[] = [];
  for (let top = y0; top < y1; top = (Math.floor(top / tileHeight) + 1) * tileHeight) {
    chunks.push([x0, top, x1, Math.min(y1, (Math.floor(top / tileHeight) + 1) * tileHeight)]);
  }
  return chunks;
}

/** The TIFF and GeoTIFF tags of the clipped window: size, CRS, grid, sample format, nodata. */
function fileTags(cog: Cog, [x0, y0, x1, y1]: PixelWindow, nodata: number): Record<string, unknown> & { width: number; height: number } {
  const [left, top] = pixelToCrs(cog.georef, x0, y0);
  const { resX, resY, transform: t } = cog.georef;
  // a rotated grid keeps its rotation: a ModelTransformation matrix instead of scale + tie point
  const grid = cog.georef.rotated
    ? { ModelTransformation: [t[1], t[2], 0, left, t[4], t[5], 0, top, 0, 0, 0, 0, 0, 0, 0, 1] }
    : { ModelPixelScale: [resX, resY, 0], ModelTiepoint: [0, 0, 0, left, top, 0] };
  return {
    width: x1 - x0, height: y1 - y0, ...crsGeoKeys(cog),
    SampleFormat: new Array<number>(cog.bands).fill(cog.dtype.startsWith('float') ? 3 : cog.dtype.startsWith('int') ? 2 : 1),
    GTRasterTypeGeoKey: 1,
    ...grid,
    GDAL_NODATA: Number.isNaN(nodata) ? 'nan' : String(nodata),
    ...(cog.bands === 3 ? {} : { PhotometricInterpretation: 1 }),
  };
}

/** The CRS keys of the export: the EPSG code, or the source file's own keys for a user-defined CRS. */
function crsGeoKeys(cog: Cog): Record<string, unknown> {
  const { code, geographic } = cog.crs;
  if (code !== null) return geographic ? { GTModelTypeGeoKey: 2, GeographicTypeGeoKey: code } : { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: code };
  const { GTRasterTypeGeoKey: _rasterType, ...keys } = cog.levels[0]?.image.getGeoKeys() ?? {};
  return keys;
}

/**
 * geotiff.js 3.0.5's writer only encodes unsigned and float arrays (signed ones come out as
 * garbage), so signed samples are handed over as the unsigned view of the same bytes, with
 * SampleFormat = 2 telling readers they are signed.
 */
function unsignedView(data: Typed): WritableArray {
  if (data instanceof Int8Array) return new Uint8Array(data.buffer, data.byteOffset, data.length);
  if (data instanceof Int16Array) return new Uint16Array(data.buffer, data.byteOffset, data.length);
  if (data instanceof Int32Array) return new Uint32Array(data.buffer, data.byteOffset, data.length);
  return data;
}

/** Pixel window [x0, y0, x1, y1) around the inside spans, or null when there are none. */
function spanWindow(spans: RowSpans): [number, number, number, number] | null {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  spans.rows.forEach((row, i) => {
    if (row.length === 0) return;
    minX = Math.min(minX, row[0] as number);
    maxX = Math.max(maxX, row[row.length - 1] as number);
    minY = Math.min(minY, spans.rowStart + i);
    maxY = Math.max(maxY, spans.rowStart + i + 1);
  });
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : null;
}

/** Pixel-interleaved copy of one chunk's bands into the window's output (already nodata-filled). */
function interleaveInside(out: Typed, bands: ArrayLike<number>[], spans: RowSpans, window: PixelWindow, chunk: PixelWindow): void {
  const [x0, y0, x1] = window;
  const [, cy0, , cy1] = chunk;
  const width = x1 - x0;
  const n = bands.length;
  for (let row = cy0; row < cy1; row++) {
    const rowSpans = spans.rows[row - spans.rowStart] as Int32Array;
    for (let i = 0; i + 1 < rowSpans.length; i += 2) {
      for (let col = rowSpans[i] as number; col < (rowSpans[i + 1] as number); col++) {
        const from = (row - cy0) * width + (col - x0);
        const at = (row - y0) * width + (col - x0);
        for (let b = 0; b < n; b++) out[at * n + b] = (bands[b] as ArrayLike<number>)[from] as number;
      }
    }
  }
}
