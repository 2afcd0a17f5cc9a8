// Early checks that turn hostile or broken files into short errors instead of hangs or
// huge allocations.
import type { GeoTIFFImage } from 'geotiff';

const MAX_SIDE = 1 << 21; // 2 097 152 pixels
const MAX_TILE_SIDE = 8192;
const MAX_SAMPLES = 512;
/** A striped (non-tiled) image larger than this must be converted to a COG first. */
export const MAX_STRIPED_BYTES = 64 * 1024 * 1024;

/** Rejects an HTML page (a 404 page, a login wall) served instead of the file. */
export function checkNotHtml(head: Uint8Array): void {
  const text = new TextDecoder().decode(head.subarray(0, 256)).trimStart().toLowerCase();
  if (text.startsWith('<!doctype') || text.startsWith('<html') || text.startsWith('<?xml') || text.startsWith('<')) {
    throw new Error('not a TIFF file: the server sent an HTML/XML page');
  }
}

export function checkImage(img: GeoTIFFImage, fileSize: number | null): void {
  const width = img.getWidth();
  const height = img.getHeight();
  if (!(width >= 1 && height >= 1 && width <= MAX_SIDE && height <= MAX_SIDE)) {
    throw new Error(`absurd image dimensions ${width} × ${height}`);
  }
  const samples = img.getSamplesPerPixel();
  if (!(samples >= 1 && samples <= MAX_SAMPLES)) throw new Error(`absurd number of bands (${samples})`);
  const blockW = img.getTileWidth();
  const blockH = img.getTileHeight();
  if (img.isTiled && !(blockW >= 1 && blockH >= 1 && blockW <= MAX_TILE_SIDE && blockH <= MAX_TILE_SIDE)) {
    throw new Error(`absurd tile size ${blockW} × ${blockH}`);
  }
  if (!img.isTiled) checkStriped(img, width, height, samples);
  if (fileSize !== null && fileSize < 8) throw new Error('the file is truncated');
}

function checkStriped(img: GeoTIFFImage, width: number, height: number, samples: number): void {
  const bytes = width * height * samples * Math.ceil(img.getBitsPerSample(0) / 8);
  if (bytes > MAX_STRIPED_BYTES) {
    throw new Error(
      `the file is not cloud optimized (striped, ${Math.round(bytes / 1048576)} MiB uncompressed); ` +
        'convert it to a COG with `npm run import`',
    );
  }
}
