// The same raster in nine CRSs, written by GDAL (gdal3.js): the CLI's info and identify answer what
// GDAL answers — grid, lon/lat bounds, and the value under a lon/lat point GDAL computes.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as identifyCommand } from '../../src/cli/commands/identify';
import { run as infoCommand } from '../../src/cli/commands/info';
import { gdalInfo, gdalPixel, loadGdal } from './cog_gdal';
import { repoRoot } from './cog_helpers';
import { HEIGHT, WIDTH, gdalBounds, gdalLonLat, makeCrsFixtures, type CrsFixture } from './crs_fixtures';

let fixtures: CrsFixture[] = [];
let cleanup = () => undefined as void;
beforeAll(async () => ({ fixtures, cleanup } = await makeCrsFixtures()), 120000);
afterAll(() => cleanup());

const samples: Array<[number, number]> = [[0, 0], [WIDTH - 1, HEIGHT - 1], [24, 16], [7, 25], [40, 3], [31, 11]];

describe('GeoTIFFs in any CRS, as GDAL reads them (fixtures written by gdal3.js)', () => {
  it('info and identify equal GDAL in EPSG 6622, 3798, 3979, 2959, 2950, 25832, 2056 and two user-defined CRSs', async () => {
    const gdal = await loadGdal();
    expect(fixtures.map((f) => f.name)).toHaveLength(9);
    for (const fixture of fixtures) {
      const ds = (await gdal.open(fixture.file)).datasets[0];
      if (!ds) throw new Error(`GDAL could not open ${fixture.file}`);
      const ginfo = (await gdalInfo(gdal, ds)) as Awaited<ReturnType<typeof gdalInfo>> & { coordinateSystem: { wkt: string } };
      const t = ginfo.geoTransform;
      const wkt = ginfo.coordinateSystem.wkt;
      const info = await infoCommand(new Map([['raster', fixture.file]]));
      expect(info.crs.startsWith(fixture.code ? `EPSG:${fixture.code}` : '+proj='), fixture.name).toBe(true);
      const bounds = await gdalBounds(gdal, wkt, t);
      info.bounds4326.forEach((v, i) => expect(Math.abs(v - (bounds[i] as number)), `${fixture.name} bounds[${i}]`).toBeLessThan(2e-5));
      // points at 30 % / 70 % inside sample pixels, placed by GDAL: GDAL's answer is that pixel's value
      const points = await gdalLonLat(gdal, wkt, t, samples.map(([c, r]) => [c + 0.3, r + 0.7]));
      for (const [i, [col, row]] of samples.entries()) {
        const [lon, lat] = points[i] as [number, number];
        const expected = await gdalPixel(gdal, ds, col, row, 'UInt16', 1);
        expect(expected, 'fixture value').toEqual([row * WIDTH + col + 1]);
        const answer = await identifyCommand(new Map([['raster', fixture.file], ['lon', String(lon)], ['lat', String(lat)]]));
        expect(answer, `${fixture.name} pixel ${col},${row}`).toEqual({ values: expected });
      }
      await gdal.close(ds);
    }
  }, 120000);

  it('the CLI prints a user-defined CRS and its values (one process, as a user runs it)', async () => {
    const fixture = fixtures.find((f) => f.name === 'user_polar_stereo') as CrsFixture;
    const run = promisify(execFile);
    const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
    const { stdout } = await run(tsx, ['src/cli/main.ts', 'info', '--raster', fixture.file], { cwd: repoRoot });
    const info = JSON.parse(stdout) as { crs: string; bounds4326: number[] };
    expect(info.crs).toMatch(/^\+proj=stere \+lat_0=90 \+lat_ts=70 \+lon_0=-45 /);
    expect(info.bounds4326[0]).toBeCloseTo(-40.074, 2);
    expect(info.bounds4326[3]).toBeCloseTo(72.016, 2);
  });
});
