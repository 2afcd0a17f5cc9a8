// JPEG-compressed GeoTIFFs (the usual orthophotos): gdal3.js is built without the JPEG codec, so
// the importer decodes them with the app's own reader (geotiff.js; YCbCr → RGB as GDAL does,
// tests/unit/cog_photometric.test.ts) into a plain GeoTIFF that GDAL then converts like any other.
// The internal mask becomes an alpha band, the georeference and GeoKeys are kept.
import fs from 'node:fs/promises';
import { fromFile, writeArrayBuffer } from 'geotiff';
import { ImportError } from './errors';
import { openCog } from '../../sources/cog/open';
import { readSample, readSamples } from '../../sources/cog/window_read';
import { FileRangeSource } from '../../sources/file_source';

const COMPRESSION_JPEG = 7;
/** Decoded pixels × samples held in memory at most (the whole image is decoded at once). */
const MAX_DECODED_BYTES = 1024 * 1024 * 1024;

export async function isJpegTiff(file: string): Promise<boolean> {
  try {
    const tiff = await fromFile(file);
    const image = await tiff.getImage(0);
    const jpeg = Number(image.fileDirectory.getValue('Compression') ?? 1) === COMPRESSION_JPEG;
    tiff.close?.();
    return jpeg;
  } catch {
    return false; // not a TIFF: GDAL says what it is
  }
}

/** Writes `output`: the image of `input` decoded (8-bit samples), plus alpha from its mask. */
export async function decodeJpegTiff(input: string, output: string): Promise<void> {
  const cog = await openCog(new FileRangeSource(input)).catch((error: unknown) => {
    throw new ImportError(input, `JPEG-compressed GeoTIFF that cannot be decoded: ${error instanceof Error ? error.message : String(error)}`);
  });
  try {
    const level = cog.levels[0]!;
    const { width, height, bands } = cog;
    const samples = bands + (level.mask ? 1 : 0);
    if (width * height * samples > MAX_DECODED_BYTES) throw new ImportError(input, `JPEG-compressed image too large to decode here (${width} × ${height} × ${samples})`);
    const window: [number, number, number, number] = [0, 0, width, height];
    const values = await readSamples(level.image, window, Array.from({ length: bands }, (_, b) => b));
    const mask = level.mask ? await readSample(level.mask, window, 0) : null;
    const pixels = new Uint8Array(width * height * samples);
    for (let i = 0; i < width * height; i++) {
      for (let b = 0; b < bands; b++) pixels[i * samples + b] = values[b]![i] as number;
      if (mask) pixels[i * samples + bands] = mask[i] ? 255 : 0;
    }
    const t = cog.georef.transform;
    const grid = cog.georef.rotated
      ? { ModelTransformation: [t[1], t[2], 0, t[0], t[4], t[5], 0, t[3], 0, 0, 0, 0, 0, 0, 0, 1] }
      : { ModelPixelScale: [t[1], -t[5], 0], ModelTiepoint: [0, 0, 0, t[0], t[3], 0] };
    const keys = level.image.getGeoKeys() ?? {};
    await fs.writeFile(output, Buffer.from(writeArrayBuffer(pixels, {
      width, height, ...keys, GTRasterTypeGeoKey: 1, ...grid,
      PhotometricInterpretation: bands >= 3 ? 2 : 1,
      ...(mask ? { ExtraSamples: 2 } : {}),
    } as never)));
  } finally {
    await cog.close();
  }
}
