// Photometric interpretations GDAL turns into plain values: JPEG-compressed YCbCr is read as RGB
// (GDAL's default JPEGCOLORMODE=RGB, libjpeg's JFIF conversion: jpeg_ycbcr.ts), a palette file's colour table
// (TIFF ColorMap) is its colours, and min-is-white is noted so a default ramp runs white → black.
import type { GeoTIFFImage } from 'geotiff';

const PHOTOMETRIC_MIN_IS_WHITE = 0;
const PHOTOMETRIC_PALETTE = 3;
const PHOTOMETRIC_YCBCR = 6;
const COMPRESSION_JPEG = 7;

export function photometricOf(image: GeoTIFFImage): number {
  return Number(image.fileDirectory.getValue('PhotometricInterpretation') ?? 1);
}

/** Three samples stored as Y, Cb, Cr that GDAL hands out as R, G, B. */
export function isYCbCr(image: GeoTIFFImage): boolean {
  return photometricOf(image) === PHOTOMETRIC_YCBCR && image.getSamplesPerPixel() === 3
    && Number(image.fileDirectory.getValue('Compression') ?? 1) === COMPRESSION_JPEG;
}

export function isMinIsWhite(image: GeoTIFFImage): boolean {
  return photometricOf(image) === PHOTOMETRIC_MIN_IS_WHITE;
}

/** A palette file's colour table: index → [r, g, b, 255] in 0–255 (TIFF stores 0–65535). */
export async function colourTable(image: GeoTIFFImage): Promise<Array<[number, number, number, number]> | null> {
  if (photometricOf(image) !== PHOTOMETRIC_PALETTE) return null;
  const map = (await image.fileDirectory.loadValue('ColorMap')) as ArrayLike<number> | undefined;
  if (!map || map.length % 3 !== 0) return null;
  const n = map.length / 3;
  return Array.from({ length: n }, (_, i) => [
    Math.round((map[i] as number) / 257), Math.round((map[n + i] as number) / 257), Math.round((map[2 * n + i] as number) / 257), 255,
  ]);
}
