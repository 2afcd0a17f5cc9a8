// A grid rotated 5° (ModelTransformationTag), read as GDAL reads it: geotransform, lon/lat bounds,
// identify, zonal statistics and the clipped GeoTIFF export (read back by GDAL).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon, polygon as turfPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as identifyCommand } from '../../src/cli/commands/identify';
import { run as infoCommand } from '../../src/cli/commands/info';
import { clipRasterToAoi } from '../../src/queries/export_geotiff';
import { zonalStats } from '../../src/queries/zonal_stats';
import { openCog, type Cog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { gdalInfo, gdalPixel, loadGdal } from './cog_gdal';
import { at, gdalBounds, gdalLonLat, HEIGHT, WIDTH, makeRotatedFixture, type Transform } from './crs_fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-rotated-'));
let file = '';
let cog: Cog;
let t: Transform;
let wkt = '';
beforeAll(async () => {
  file = await makeRotatedFixture(dir);
  cog = await openCog(new FileRangeSource(file));
  const gdal = await loadGdal();
  const ds = (await gdal.open(file)).datasets[0]!;
  const info = (await gdalInfo(gdal, ds)) as Awaited<ReturnType<typeof gdalInfo>> & { coordinateSystem: { wkt: string } };
  t = info.geoTransform;
  wkt = info.coordinateSystem.wkt;
  await gdal.close(ds);
}, 120_000);
afterAll(async () => {
  await cog?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A triangle over part of the raster, in lon/lat (vertices placed by GDAL from pixel positions). */
async function aoi(): Promise<Feature<Polygon>> {
  const gdal = await loadGdal();
  const corners = await gdalLonLat(gdal, wkt, t, [[3.2, 2.7], [44.6, 9.1], [17.3, 30.4], [3.2, 2.7]]);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [corners] } };
}

describe('a rotated grid (5°, ModelTransformationTag) as GDAL reads it', () => {
  it('has GDAL geotransform and lon/lat bounds', async () => {
    expect(t[2]).not.toBe(0);
    cog.georef.transform.forEach((v, i) => expect(v, `geotransform[${i}]`).toBeCloseTo(t[i] as number, 6));
    const info = await infoCommand(new Map([['raster', file]]));
    const bounds = await gdalBounds(await loadGdal(), wkt, t);
    info.bounds4326.forEach((v, i) => expect(Math.abs(v - (bounds[i] as number))).toBeLessThan(1e-6));
  });

  it('identify answers GDAL\'s value under points GDAL places', async () => {
    const gdal = await loadGdal();
    const ds = (await gdal.open(file)).datasets[0]!;
    const samples: Array<[number, number]> = [[0, 0], [WIDTH - 1, HEIGHT - 1], [24, 16], [7, 25], [40, 3]];
    const points = await gdalLonLat(gdal, wkt, t, samples.map(([c, r]) => [c + 0.8, r + 0.15]));
    for (const [i, [col, row]] of samples.entries()) {
      const [lon, lat] = points[i]!;
      const expected = await gdalPixel(gdal, ds, col, row, 'UInt16', 1);
      expect(await identifyCommand(new Map([['raster', file], ['lon', String(lon)], ['lat', String(lat)]])), `pixel ${col},${row}`).toEqual({ values: expected });
    }
    await gdal.close(ds);
  });

  it('zonal statistics count the pixels whose centre (placed by GDAL) is inside the area', async () => {
    const gdal = await loadGdal();
    const area = await aoi();
    // truth in the CRS: pixel centres by GDAL's geotransform, vertices by GDAL's projection
    const ring = (await gdal.gdaltransform(area.geometry.coordinates[0]!, ['-s_srs', 'EPSG:4326', '-t_srs', wkt, '-output_xy'])) as number[][];
    const inCrs = turfPolygon([ring]);
    let count = 0, sum = 0;
    for (let row = 0; row < HEIGHT; row++) {
      for (let col = 0; col < WIDTH; col++) {
        if (booleanPointInPolygon(at(t, col + 0.5, row + 0.5), inCrs)) { count++; sum += row * WIDTH + col + 1; }
      }
    }
    expect(count).toBeGreaterThan(200);
    const ours = await zonalStats(cog, area);
    expect({ count: ours.count, sum: ours.sum }).toEqual({ count, sum });
  });

  it('the clipped export keeps the rotation: GDAL reads the same values at the same places', async () => {
    const clipped = await clipRasterToAoi(cog, await aoi());
    const out = path.join(dir, 'clipped.tif');
    writeFileSync(out, Buffer.from(clipped.data));
    const gdal = await loadGdal();
    const ds = (await gdal.open(out)).datasets[0]!;
    const info = await gdalInfo(gdal, ds);
    const e = info.geoTransform;
    [1, 2, 4, 5].forEach((i) => expect(e[i], `geotransform[${i}]`).toBeCloseTo(t[i] as number, 9));
    // the export's pixel (c, r) is the source pixel whose corner GDAL places at the same CRS point
    const [c, r] = [10, 8];
    const [x, y] = at(e, c + 0.5, r + 0.5);
    const det = t[1] * t[5] - t[2] * t[4];
    const col = Math.floor((t[5] * (x - t[0]) - t[2] * (y - t[3])) / det), row = Math.floor((t[1] * (y - t[3]) - t[4] * (x - t[0])) / det);
    expect(await gdalPixel(gdal, ds, c, r, 'UInt16', 1)).toEqual([row * WIDTH + col + 1]);
    await gdal.close(ds);
  });
});
