// Streams the internal tiles (or strips) of one COG level that an AOI's pixel spans touch,
// one tile row at a time (neighbouring tiles fetched in one merged request), and folds every
// counted pixel into running sums and a value tally. Memory: one tile row of bytes plus the
// bounded byte cache, whatever the AOI size.
import type { GeoTIFFImage } from 'geotiff';
import type { Cog, CogLevel } from '../sources/cog/open';
import { blockRanges, type PixelWindow } from '../sources/cog/blocks';
import type { RowSpans } from './zonal_rasterize';
import { createTally } from './zonal_tally';
import { decode, type DecodedTile, type DecodedTiles } from './zonal_tiles';
import { foldWindow, type ZoneSums } from './zonal_fold';

export type ZoneStream = ZoneSums;

export interface StreamOptions {
  band: number;
  level: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Decoded tiles shared by the AOIs of one run (see zonal_tiles); none: decode every time. */
  tiles?: DecodedTiles;
}

export async function streamZone(cog: Cog, spans: RowSpans, options: StreamOptions): Promise<ZoneStream> {
  const level = cog.levels[options.level] as CogLevel;
  const zone: ZoneStream = { count: 0, sum: 0, min: Infinity, max: -Infinity, shift: NaN, shiftedSum: 0, shiftedSquares: 0, tally: createTally(cog.dtype) };
  const tiles = tilesTouched(level.image, spans);
  const total = tiles.reduce((n, row) => n + row.length, 0);
  let done = 0;
  options.onProgress?.(0, total);
  // One tile row is folded while the next one is read and decoded (on worker threads when a
  // threaded decoder is registered): its tiles are all asked at once, then folded in order.
  let next: Promise<Array<Promise<DecodedTile>>> | null = tiles.length ? startRow(cog, level, tiles, 0, options) : null;
  for (const [r, tileRow] of tiles.entries()) {
    const decoded = await (next as Promise<Array<Promise<DecodedTile>>>);
    next = r + 1 < tiles.length ? quiet(startRow(cog, level, tiles, r + 1, options)) : null;
    for (const [i, window] of tileRow.entries()) {
      options.signal?.throwIfAborted();
      const [values, mask] = await (decoded[i] as Promise<DecodedTile>);
      foldWindow(zone, spans, window, values, mask, cog.nodata);
      options.onProgress?.(++done, total);
    }
  }
  return zone;
}

/** Reads (one merged request per few rows) and starts decoding every tile of tile row `r`. */
async function startRow(cog: Cog, level: CogLevel, tiles: PixelWindow[][], r: number, options: StreamOptions): Promise<Array<Promise<DecodedTile>>> {
  options.signal?.throwIfAborted();
  const sample = options.band - 1;
  const perRequest = rowsPerRequest(level.image);
  if (r % perRequest === 0) {
    // the next few tile rows (strips) in one merged request
    const toRead = tiles.slice(r, r + perRequest).flat().filter((w) => !options.tiles?.isCached(level, w, sample));
    const ranges = toRead.flatMap((w) => [...blockRanges(level.image, w), ...(level.mask ? blockRanges(level.mask, w) : [])]);
    await cog.bytes.prefetch(ranges, options.signal);
  }
  return (tiles[r] as PixelWindow[]).map((window) => quiet(options.tiles
    ? options.tiles.read(level, window, sample, options.signal)
    : decode(level, window, sample, options.signal)));
}

/** The promise itself, marked handled: a failure is reported where it is awaited, not as unhandled. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Bytes read at once for striped images: strips are often a few KiB, one request each would be thousands. */
const STRIPED_REQUEST_BYTES = 4 * 1024 * 1024;

/** Tile rows per request: 1 for tiled images, enough strips for ~4 MiB for striped ones. */
function rowsPerRequest(image: GeoTIFFImage): number {
  if (image.isTiled) return 1;
  const stripBytes = image.getWidth() * image.getTileHeight() * image.getSamplesPerPixel() * Math.ceil(image.getBitsPerSample(0) / 8);
  return Math.max(1, Math.floor(STRIPED_REQUEST_BYTES / Math.max(1, stripBytes)));
}

/** Tile windows (clipped to the image) that hold at least one inside pixel, grouped by tile row. */
export function tilesTouched(image: GeoTIFFImage, spans: RowSpans): PixelWindow[][] {
  const width = image.getWidth();
  const height = image.getHeight();
  const tileW = image.isTiled ? image.getTileWidth() : width;
  const tileH = image.getTileHeight();
  const out: PixelWindow[][] = [];
  for (let y0 = Math.floor(spans.rowStart / tileH) * tileH; y0 < spans.rowEnd; y0 += tileH) {
    const y1 = Math.min(y0 + tileH, height);
    const columns = new Set<number>();
    for (let row = Math.max(y0, spans.rowStart); row < Math.min(y1, spans.rowEnd); row++) {
      const rowSpans = spans.rows[row - spans.rowStart] as Int32Array;
      for (let i = 0; i + 1 < rowSpans.length; i += 2) {
        const first = Math.floor((rowSpans[i] as number) / tileW);
        const last = Math.floor(((rowSpans[i + 1] as number) - 1) / tileW);
        for (let tx = first; tx <= last; tx++) columns.add(tx);
      }
    }
    const row = [...columns].sort((a, b) => a - b).map((tx): PixelWindow => [tx * tileW, y0, Math.min((tx + 1) * tileW, width), y1]);
    if (row.length) out.push(row);
  }
  return out;
}
