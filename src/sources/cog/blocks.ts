// Which internal tiles (or strips) cover a pixel window, and where their bytes are.
import type { GeoTIFFImage } from 'geotiff';
import type { ByteRange } from './byte_cache';

/** Pixel window [x0, y0, x1, y1), x1/y1 exclusive. */
export type PixelWindow = [number, number, number, number];

interface BlockTable {
  offsets: ArrayLike<number | bigint>;
  counts: ArrayLike<number | bigint>;
}

// geotiff.js keeps large tag arrays "deferred" even once loaded, so we keep our own copy.
const tables = new WeakMap<GeoTIFFImage, BlockTable>();

/** Loads the tile/strip offset and size tables (done at open time, in header mode). */
export async function loadBlockTable(image: GeoTIFFImage): Promise<void> {
  const dir = image.fileDirectory;
  const [offsetsTag, countsTag] = image.isTiled
    ? (['TileOffsets', 'TileByteCounts'] as const)
    : (['StripOffsets', 'StripByteCounts'] as const);
  if (!dir.hasTag(offsetsTag) || !dir.hasTag(countsTag)) throw new Error(`the image has no ${offsetsTag} table`);
  const offsets = (await dir.loadValue(offsetsTag)) as BlockTable['offsets'] | undefined;
  const counts = (await dir.loadValue(countsTag)) as BlockTable['counts'] | undefined;
  if (!offsets || !counts) throw new Error(`the image has an empty ${offsetsTag} table`);
  tables.set(image, { offsets, counts });
}

/** Byte ranges of every block (all samples) that the window touches. */
export function blockRanges(image: GeoTIFFImage, window: PixelWindow): ByteRange[] {
  const table = tables.get(image);
  if (!table) return [];
  const { offsets, counts } = table;
  const tileW = image.isTiled ? image.getTileWidth() : image.getWidth();
  const tileH = image.isTiled ? image.getTileHeight() : image.getTileHeight();
  const perRow = Math.ceil(image.getWidth() / tileW);
  const perCol = Math.ceil(image.getHeight() / tileH);
  const planes = image.planarConfiguration === 2 ? image.getSamplesPerPixel() : 1;
  const ranges: ByteRange[] = [];
  for (let plane = 0; plane < planes; plane++) {
    for (let ty = Math.floor(window[1] / tileH); ty <= Math.floor((window[3] - 1) / tileH); ty++) {
      for (let tx = Math.floor(window[0] / tileW); tx <= Math.floor((window[2] - 1) / tileW); tx++) {
        const index = plane * perRow * perCol + ty * perRow + tx;
        const length = Number(counts[index] ?? 0);
        if (length > 0) ranges.push({ offset: Number(offsets[index]), length });
      }
    }
  }
  return ranges;
}
