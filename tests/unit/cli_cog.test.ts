import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { openCog } from '../../src/sources/cog/open';
import { identify, pixelAt } from '../../src/sources/cog/identify';
import { cogInfo } from '../../src/sources/cog/info';
import { FileRangeSource } from '../../src/sources/file_source';
import { hasSharedData, repoRoot, sharedTiffs } from './cog_helpers';
import { gdalInfo, gdalPixel, loadGdal } from './cog_gdal';
import { skipReason } from '../support/shared_data';

const run = promisify(execFile);
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const cli = (...args: string[]) => run(tsx, ['src/cli/main.ts', ...args], { cwd: repoRoot });

/** gdal3.js is built without JPEG: that file cannot be checked against GDAL. */
const gdalReadable = sharedTiffs().filter((f) => !f.endsWith('ol_masked.tif'));

/** Pixels spread over the raster (corners, centre, off-centre). */
function samplePixels(width: number, height: number): Array<[number, number]> {
  const at = (fx: number, fy: number): [number, number] => [Math.min(width - 1, Math.floor(width * fx)), Math.min(height - 1, Math.floor(height * fy))];
  return [at(0, 0), at(0.999, 0.999), at(0.5, 0.5), at(0.31, 0.72), at(0.77, 0.23), at(0.52, 0.49)];
}

describe('cli errors', () => {
  it('prints one line on stderr and exits non-zero', async () => {
    const failures = [
      ['identify', '--raster', 'does/not/exist.tif', '--lon', '1', '--lat', '2'],
      ['info'],
      ['nonsense'],
      ['identify', '--raster', 'x.tif', '--lon', 'abc', '--lat', '2'],
    ];
    for (const args of failures) {
      const error = (await cli(...args).then(() => null, (e: unknown) => e)) as { code: number; stderr: string; stdout: string } | null;
      expect(error).not.toBeNull();
      expect(error?.code).not.toBe(0);
      expect(error?.stderr.trim().split('\n')).toHaveLength(1);
      expect(error?.stdout).toBe('');
    }
  });
});

describe.skipIf(!hasSharedData)('identify and info match GDAL on ../shared/data', () => {
  if (!hasSharedData) it.skip(skipReason(), () => undefined);

  it.each(gdalReadable.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    const gdal = await loadGdal();
    const ds = (await gdal.open(file)).datasets[0];
    if (!ds) throw new Error(`GDAL could not open ${file}`);
    const ginfo = await gdalInfo(gdal, ds);
    const cog = await openCog(new FileRangeSource(file));
    const info = cogInfo(cog);
    expect([info.width, info.height, info.bands]).toEqual([ginfo.size[0], ginfo.size[1], ginfo.bands.length]);
    expect([cog.georef.originX, cog.georef.resX, cog.georef.originY, -cog.georef.resY])
      .toEqual([ginfo.geoTransform[0], ginfo.geoTransform[1], ginfo.geoTransform[3], ginfo.geoTransform[5]]);
    let first: { lon: number; lat: number; values: Array<number | null> } | null = null;
    for (const [col, row] of samplePixels(cog.width, cog.height)) {
      const { originX, originY, resX, resY } = cog.georef;
      const [lon, lat] = cog.proj.inverse([originX + (col + 0.5) * resX, originY - (row + 0.5) * resY]) as [number, number];
      expect(pixelAt(cog, lon, lat)).toEqual([col, row]);
      const expected = (await gdalPixel(gdal, ds, col, row, ginfo.bands[0]?.type ?? '', cog.bands)).map((v) => (v === null || v === cog.nodata ? null : v));
      const values = await identify(cog, lon, lat);
      expect(values, `pixel ${col},${row}`).toEqual(expected);
      if (!first || first.values.every((v) => v === null)) first = { lon, lat, values };
    }
    await gdal.close(ds);
    await cog.close();
    // the CLI, once per file, at a sampled point
    const point = first as { lon: number; lat: number; values: Array<number | null> };
    const { stdout } = await cli('identify', '--raster', file, '--lon', String(point.lon), '--lat', String(point.lat));
    expect(JSON.parse(stdout)).toEqual({ values: point.values });
    const printed = JSON.parse((await cli('info', '--raster', file)).stdout) as Record<string, unknown>;
    expect(printed).toEqual(JSON.parse(JSON.stringify(info)));
  });
});
