// Early checks that turn hostile or broken files into short errors instead of hangs or
// huge allocations.
import type { GeoTIFFImage } from 'geotiff';
import { FormatError, SizeError } from '../errors';

const MAX_SIDE = 1 << 21; // 2 097 152 pixels
const MAX_TILE_SIDE = 8192;
const MAX_SAMPLES = 512;
/** A striped (non-tiled) image larger than this must be converted to a COG first. */
export const MAX_STRIPED_BYTES = 64 * 1024 * 1024;

/** Rejects an HTML page (a 404 page, a login wall) served instead of the file. */
export function checkNotHtml(head: Uint8Array): void {
  const text = new TextDecoder().decode(head.subarray(0, 256)).trimStart().toLowerCase();
  if (text.startsWith('<!doctype') || text.startsWith('<html') || text.startsWith('<?xml') || text.startsWith('<')) {
    throw new FormatError('html-page', 'not a TIFF file: the server sent an HTML/XML page');
  }
}

export function checkImage(img: GeoTIFFImage, fileSize: number | null): void {
  const width = img.getWidth();
  const height = img.getHeight();
  if (!(width >= 1 && height >= 1 && width <= MAX_SIDE && height <= MAX_SIDE)) {
    throw new SizeError('absurd-size', `absurd image dimensions ${width} × ${height}`);
  }
  const samples = img.getSamplesPerPixel();
  if (!(samples >= 1 && samples <= MAX_SAMPLES)) throw new SizeError('absurd-size', `absurd number of bands (${samples})`);
  const blockW = img.getTileWidth();
  const blockH = img.getTileHeight();
  if (img.isTiled && !(blockW >= 1 && blockH >= 1 && blockW <= MAX_TILE_SIDE && blockH <= MAX_TILE_SIDE)) {
    throw new SizeError('absurd-size', `absurd tile size ${blockW} × ${blockH}`);
  }
  if (!img.isTiled) checkStriped(img, width, height, samples);
  if (fileSize !== null && fileSize < 8) throw new FormatError('truncated', 'the file is truncated');
  checkCompression(img);
}

/**
 * The compressions geotiff.js decodes (its decoder registry, compression/index.js). Listed here
 * because the library only finds out when the first tile is decoded — in a tile worker, as
 * "Unknown compression method identifier" — and a file should be refused when opened instead.
 */
const DECODED = new Set([1, 5, 7, 8, 32946, 32773, 34887, 50000, 50001]);
const COMPRESSION_NAMES: Record<number, string> = {
  2: 'CCITT RLE', 3: 'CCITT fax 3', 4: 'CCITT fax 4', 6: 'old-style JPEG', 34661: 'JBIG', 34712: 'JPEG 2000',
  34713: 'Nikon NEF', 34925: 'LZMA', 50002: 'JPEG XL',
};

const LERC = 34887;

/** Node (the CLI) may compile WebAssembly; the page's CSP (no 'wasm-unsafe-eval') does not allow it. */
const canCompileWasm = typeof process !== 'undefined' && Boolean(process.versions?.node);

function checkCompression(img: GeoTIFFImage): void {
  const code = Number(img.fileDirectory.getValue('Compression') ?? 1);
  if (code === LERC && !canCompileWasm) {
    // geotiff.js decodes LERC with WebAssembly: refused when opened, not as a CSP error per tile
    throw new FormatError('compression', 'LERC compression (34887) cannot be decoded in the browser (it needs WebAssembly, which the page\'s security policy does not allow); it needs to be converted to a GeoTIFF compressed with DEFLATE, LZW or ZSTD', undefined, 'LERC (34887)');
  }
  if (DECODED.has(code)) return;
  const name = COMPRESSION_NAMES[code];
  const label = name ? `${name} (${code})` : `code ${code}`;
  throw new FormatError('compression', `unsupported compression ${label}; it needs to be converted to a GeoTIFF compressed with DEFLATE, LZW or ZSTD`, undefined, label);
}

function checkStriped(img: GeoTIFFImage, width: number, height: number, samples: number): void {
  const bytes = width * height * samples * Math.ceil(img.getBitsPerSample(0) / 8);
  if (bytes > MAX_STRIPED_BYTES) {
    const mib = Math.round(bytes / 1048576);
    const limit = MAX_STRIPED_BYTES / 1048576;
    throw new SizeError(
      'striped-too-large',
      `the file is not cloud optimized (striped, ${mib} MiB uncompressed, more than ${limit} MiB); ` +
        'it needs to be converted to a Cloud Optimized GeoTIFF',
      undefined,
      { mib, limit },
    );
  }
}

/** Without a known file size, no tag array may claim more values than this (a 64 MiB table). */
const MAX_TAG_VALUES = 1 << 24;

/**
 * Refuses a first IFD whose tags claim more values than the file can hold (e.g. 4·10⁹ tile
 * offsets in a 4 KB file): geotiff allocates the whole array up front, so one header line could
 * make it allocate gigabytes. Only the IFD inside `head` is checked (COGs put it first).
 */
export function checkTagCounts(head: Uint8Array, fileSize: number | null): void {
  if (head.length < 16) return;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const little = view.getUint16(0) === 0x4949;
  if (!little && view.getUint16(0) !== 0x4d4d) return; // not a TIFF: geotiff says so
  const version = view.getUint16(2, little);
  if (version !== 42 && version !== 43) return;
  const big = version === 43;
  const ifd = big ? Number(view.getBigUint64(8, little)) : view.getUint32(4, little);
  const entrySize = big ? 20 : 12;
  if (ifd + (big ? 8 : 2) > head.length) return;
  const entries = big ? Number(view.getBigUint64(ifd, little)) : view.getUint16(ifd, little);
  const limit = fileSize ?? MAX_TAG_VALUES;
  for (let i = 0; i < entries; i++) {
    const at = ifd + (big ? 8 : 2) + i * entrySize;
    if (at + entrySize > head.length) return;
    const count = big ? Number(view.getBigUint64(at + 4, little)) : view.getUint32(at + 4, little);
    if (count > limit) {
      throw new FormatError('corrupt', `corrupt TIFF header: tag ${view.getUint16(at, little)} claims ${count} values, more than the file can hold`);
    }
  }
}

/**
 * Refuses a file cut short before the end of its first image directory (IFD): geotiff would read
 * zeros past the end and say "Invalid field type: 0". Needs the file size; `head` is its start.
 */
export function checkFirstIfdInside(head: Uint8Array, fileSize: number | null): void {
  if (fileSize === null || head.length < 8) return;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const little = view.getUint16(0) === 0x4949;
  if (!little && view.getUint16(0) !== 0x4d4d) return; // not a TIFF: geotiff says so
  const big = view.getUint16(2, little) === 43;
  if (big && head.length < 16) throw truncated(fileSize, 16);
  const ifd = big ? Number(view.getBigUint64(8, little)) : view.getUint32(4, little);
  const countSize = big ? 8 : 2;
  if (ifd + countSize > fileSize) throw truncated(fileSize, ifd + countSize);
  if (ifd + countSize > head.length) return; // beyond the bytes at hand: geotiff reads it
  const entries = big ? Number(view.getBigUint64(ifd, little)) : view.getUint16(ifd, little);
  const end = ifd + countSize + entries * (big ? 20 : 12);
  if (end > fileSize) throw truncated(fileSize, end);
}

function truncated(fileSize: number, needed: number): Error {
  return new FormatError('truncated', `the file is truncated: it ends after ${fileSize} bytes, but its image directory needs at least ${needed}`);
}
