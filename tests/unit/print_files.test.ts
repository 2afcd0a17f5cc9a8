// The map alone as PNG + world file and as GeoTIFF, written strip by strip from synthetic
// strips: pixels read back (fast-png, geotiff.js) and the place read by GDAL (gdal-bin).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode } from 'fast-png';
import { fromArrayBuffer } from 'geotiff';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameExtent, lonLatToMercator, worldFile, type Extent3857 } from '../../src/queries/print_geo';
import { GeoTiffWriter } from '../../src/queries/print_geotiff';
import { PngWriter } from '../../src/queries/print_png';
import type { Strip } from '../../src/queries/print_raster';
import { gdalinfo, hasGdalinfo } from './print_pdf_read';

const WIDTH = 301;
const HEIGHT = 203;
const EXTENT: Extent3857 = frameExtent(lonLatToMercator(-72.55, 46.35), 12.5, WIDTH, HEIGHT);

/** Pixel (x, y) is (x mod 256, y mod 256, 77): every value says where it came from. */
function strips(rows: number): Strip[] {
  const out: Strip[] = [];
  for (let y = 0; y < HEIGHT; y += rows) {
    const height = Math.min(rows, HEIGHT - y);
    const rgba = new Uint8Array(WIDTH * height * 4);
    for (let r = 0; r < height; r += 1) for (let x = 0; x < WIDTH; x += 1) rgba.set([x % 256, (y + r) % 256, 77, 255], (r * WIDTH + x) * 4);
    out.push({ y, width: WIDTH, height, rgba });
  }
  return out;
}

const join = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('print files', () => {
  let png: Uint8Array;
  let tiff: Uint8Array;
  const dir = mkdtempSync(path.join(tmpdir(), 'print-files-'));

  beforeAll(async () => {
    const pngWriter = new PngWriter(WIDTH, HEIGHT);
    const tiffWriter = new GeoTiffWriter(WIDTH, HEIGHT, EXTENT);
    for (const strip of strips(50)) {
      await pngWriter.addStrip(strip);
      await tiffWriter.addStrip(strip);
    }
    png = join(await pngWriter.finish());
    tiff = join(await tiffWriter.finish());
    writeFileSync(path.join(dir, 'map.png'), png);
    writeFileSync(path.join(dir, 'map.pgw'), worldFile(EXTENT, WIDTH, HEIGHT));
    writeFileSync(path.join(dir, 'map.tif'), tiff);
  });

  it('should write a PNG whose every pixel is the strip pixel', () => {
    const image = decode(png);
    expect([image.width, image.height, image.channels]).toEqual([WIDTH, HEIGHT, 3]);
    for (const [x, y] of [[0, 0], [300, 0], [17, 120], [300, 202]] as const) {
      expect([...image.data.slice((y * WIDTH + x) * 3, (y * WIDTH + x) * 3 + 3)]).toEqual([x % 256, y % 256, 77]);
    }
  });

  it('should write a GeoTIFF with the frame extent and the strip pixels (geotiff.js)', async () => {
    const image = await (await fromArrayBuffer(tiff.buffer as ArrayBuffer)).getImage();
    expect(image.getBoundingBox().map((v) => Math.round(v * 1000) / 1000)).toEqual(EXTENT.map((v) => Math.round(v * 1000) / 1000));
    expect(image.getGeoKeys()?.ProjectedCSTypeGeoKey).toBe(3857);
    const [r, g, b] = (await image.readRasters({ window: [250, 180, 251, 181] })) as unknown as number[][];
    expect([r![0], g![0], b![0]]).toEqual([250, 180, 77]);
  });

  describe.skipIf(!hasGdalinfo)('read by GDAL (gdalinfo from Debian gdal-bin; skipped: /usr/bin/gdalinfo missing)', () => {
    for (const name of ['map.png', 'map.tif']) {
      it(`should place ${name} at the frame extent in EPSG:3857`, () => {
        const info = gdalinfo(path.join(dir, name));
        expect(info.size).toEqual([WIDTH, HEIGHT]);
        if (name.endsWith('.tif')) expect(info.coordinateSystem?.wkt).toMatch(/Pseudo-Mercator/);
        const { upperLeft, lowerRight } = info.cornerCoordinates;
        expect(upperLeft[0]).toBeCloseTo(EXTENT[0], 3);
        expect(upperLeft[1]).toBeCloseTo(EXTENT[3], 3);
        expect(lowerRight[0]).toBeCloseTo(EXTENT[2], 3);
        expect(lowerRight[1]).toBeCloseTo(EXTENT[1], 3);
      });
    }
  });
});
