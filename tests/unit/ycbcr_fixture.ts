// A YCbCr JPEG GeoTIFF made by gdal-bin (gdal3.js has no JPEG codec) from a synthetic picture with
// sharp colour edges — where chroma upsampling and IDCT rounding show — and GDAL's decode of it.
// Shared by tests/unit/cog_ycbcr_gdal.test.ts and tests/e2e/cog_ycbcr.test.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const hasGdalBinary = existsSync('/usr/bin/gdal_translate') && existsSync('/usr/bin/gdallocationinfo');
export const WIDTH = 301, HEIGHT = 203;
/** Georeference (EPSG:32198, 100 m pixels) of the fixtures. */
export const ORIGIN: [number, number] = [-300000, 500000];
export const RES = 100;

/** Bands of a picture with hard edges: checkerboard of saturated colours over a gradient. */
export function writeSource(file: string): void {
  const bytes = new Uint8Array(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const cell = (Math.floor(x / 7) + Math.floor(y / 5)) % 4;
      const rgb = [[230, 20, 30], [20, 200, 40], [30, 40, 220], [(x * 5) % 256, (y * 3) % 256, ((x + y) * 2) % 256]][cell]!;
      for (let b = 0; b < 3; b++) bytes[b * WIDTH * HEIGHT + y * WIDTH + x] = rgb[b]!;
    }
  }
  writeFileSync(file, bytes);
  writeFileSync(file.replace(/\.img$/, '.hdr'), `ENVI\nsamples = ${WIDTH}\nlines = ${HEIGHT}\nbands = 3\nheader offset = 0\nfile type = ENVI Standard\ndata type = 1\ninterleave = bsq\nbyte order = 0\n`);
}

/** dir/name: the source picture as YCbCr JPEG (quality 60) with the given layout options. */
export function makeJpeg(dir: string, name: string, layout: string[]): string {
  const source = path.join(dir, 'source.img');
  if (!existsSync(source)) writeSource(source);
  const out = path.join(dir, name);
  const [x0, y0] = ORIGIN;
  execFileSync('gdal_translate', ['-q', '-a_srs', 'EPSG:32198', '-a_ullr', String(x0), String(y0), String(x0 + WIDTH * RES), String(y0 - HEIGHT * RES),
    '-co', 'COMPRESS=JPEG', '-co', 'PHOTOMETRIC=YCBCR', '-co', 'JPEG_QUALITY=60', ...layout, source, out]);
  return out;
}

/** GDAL's decode of every pixel, R, G, B interleaved. */
export function gdalDecode(file: string): Uint8Array {
  const out = `${file}.rgb`;
  execFileSync('gdal_translate', ['-q', '-of', 'ENVI', '-co', 'INTERLEAVE=BIP', file, out]);
  return readFileSync(out);
}
