// `cli series` on the demo 2019 flood series, with GDAL (gdal3.js) as ground truth: at a
// flood-plain pixel the water comes and goes (0 → 1 → 0), on the highest ground it never comes;
// a multi-band file whose band descriptions are dates gives the same series; a file dated only
// by its TIFF DateTime tag is dated by it; bad input fails with one line on stderr.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../src/queries/series';
import { dateFromName, dateFromText } from '../../src/queries/series_dates';
import { repoRoot } from './cog_helpers';
import { gdalInfo, loadGdal, type Gdal } from './cog_gdal';

const run = promisify(execFile);
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const cli = async (...args: string[]) => JSON.parse((await run(tsx, ['src/cli/main.ts', 'series', ...args], { cwd: repoRoot })).stdout) as SeriesPoint[];
const cliError = async (...args: string[]) =>
  (await run(tsx, ['src/cli/main.ts', 'series', ...args], { cwd: repoRoot }).then(() => null, (e: unknown) => e)) as { code: number; stderr: string } | null;

const DATES = ['2019-04-20', '2019-04-27', '2019-05-04', '2019-05-11'];
const dataDir = path.join(repoRoot, 'public/data');
const floodFile = (date: string) => path.join(dataDir, `etendue_crue_${date}.tif`);
const hasDemo = DATES.every((date) => existsSync(floodFile(date))) && existsSync(path.join(dataDir, 'lidar_mnt.tif'));

interface Grid { width: number; height: number; geoTransform: number[]; values: ArrayLike<number> }

/** Every pixel of band 1, read by GDAL (gdal_translate to a raw ENVI file). */
async function readWhole(gdal: Gdal, file: string, type: 'Byte' | 'Float32'): Promise<Grid> {
  const ds = (await gdal.open(file)).datasets[0];
  if (!ds) throw new Error(`GDAL could not open ${file}`);
  const info = await gdalInfo(gdal, ds);
  const out = await gdal.gdal_translate(ds, ['-of', 'ENVI', '-b', '1'], `whole_${path.basename(file, '.tif')}.img`);
  const bytes = readFileSync(out.real);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const values = type === 'Byte' ? new Uint8Array(buffer) : new Float32Array(buffer);
  return { width: info.size[0], height: info.size[1], geoTransform: info.geoTransform, values };
}

/** Lon/lat of a pixel centre, by GDAL's own reprojection. */
async function pixelLonLat(gdal: Gdal, grid: Grid, col: number, row: number, srs: string): Promise<[number, number]> {
  const [x0, dx, , y0, , dy] = grid.geoTransform as [number, number, number, number, number, number];
  const [point] = await gdal.gdaltransform([[x0 + (col + 0.5) * dx, y0 + (row + 0.5) * dy]], ['-s_srs', srs, '-t_srs', 'EPSG:4326']);
  return [point![0]!, point![1]!];
}

const NODATA = 255;
const asValue = (v: number) => (v === NODATA ? null : v);

describe('series dates', () => {
  it('should read dates from file names and TIFF DateTime text', () => {
    expect(dateFromName('https://x.org/data/etendue_crue_2019-05-04.tif?v=2')).toBe('2019-05-04');
    expect(dateFromName('/tmp/2019-04-20/S2_20190427_B04.tif')).toBe('2019-04-27');
    expect(dateFromName('flood-2019-13-40.tif')).toBeNull();
    expect(dateFromName('scene_12345678901.tif')).toBeNull();
    expect(dateFromText('2019:05:04 12:00:00')).toBe('2019-05-04');
  });
});

describe.skipIf(!hasDemo)('cli series on the demo 2019 flood series', () => {
  let gdal: Gdal;
  let grids: Grid[];
  let work: string;
  beforeAll(async () => {
    gdal = await loadGdal();
    grids = [];
    for (const date of DATES) grids.push(await readWhole(gdal, floodFile(date), 'Byte'));
    work = mkdtempSync(path.join(tmpdir(), 'series-'));
  }, 120_000);

  /** A flood-plain pixel by GDAL: dry on the first date, water at the peak, dry again on the last. */
  function floodPlainPixel(): [number, number] {
    const { width, height } = grids[0]!;
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < width * height; i++) {
      if (grids[0]!.values[i] !== 0 || grids[2]!.values[i] !== 1 || grids[3]!.values[i] !== 0) continue;
      const distance = Math.hypot((i % width) - width / 2, Math.floor(i / width) - height / 2);
      if (distance < bestDistance) [best, bestDistance] = [i, distance];
    }
    if (best < 0) throw new Error('no pixel floods then drains in the demo series: regenerate the demo data');
    return [best % width, Math.floor(best / width)];
  }

  it('should show a flood-plain point flooding and draining, as GDAL reads it', async () => {
    const [col, row] = floodPlainPixel();
    const [lon, lat] = await pixelLonLat(gdal, grids[0]!, col, row, 'EPSG:32188');
    const shuffled = [DATES[2], DATES[0], DATES[3], DATES[1]].flatMap((date) => ['--raster', floodFile(date!)]);
    const series = await cli(...shuffled, '--lon', String(lon), '--lat', String(lat));
    expect(series.map((p) => p.date)).toEqual(DATES);
    expect(series.map((p) => p.value)).toEqual(grids.map((grid) => asValue(grid.values[row * grid.width + col]!)));
    const values = series.map((p) => p.value);
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBe(0);
    const peak = values.indexOf(1);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(values.length - 1);
  }, 60_000);

  it('should keep the highest ground dry on every date', async () => {
    const dem = await readWhole(gdal, path.join(dataDir, 'lidar_mnt.tif'), 'Float32');
    expect(dem.geoTransform).toEqual(grids[0]!.geoTransform);
    let best = -1;
    for (let i = 0; i < dem.values.length; i++) if (best < 0 || dem.values[i]! > dem.values[best]!) best = i;
    const [col, row] = [best % dem.width, Math.floor(best / dem.width)];
    const [lon, lat] = await pixelLonLat(gdal, dem, col, row, 'EPSG:32188');
    const series = await cli(...DATES.flatMap((date) => ['--raster', floodFile(date)]), '--lon', String(lon), '--lat', String(lat));
    expect(series.map((p) => p.value)).toEqual(grids.map((grid) => asValue(grid.values[best]!)));
    expect(series.some((p) => p.value === 1)).toBe(false);
    expect(series.filter((p) => p.value === 0).length).toBeGreaterThanOrEqual(DATES.length - 1);
  }, 60_000);

  it('should read a multi-band file whose band descriptions are dates like the separate files', async () => {
    // Bands out of date order, to check the series comes back sorted.
    const bandOrder = [DATES[2]!, DATES[0]!, DATES[3]!, DATES[1]!];
    const grid = grids[0]!;
    bandOrder.forEach((date) => copyFileSync(floodFile(date), path.join(work, `band_${date}.tif`)));
    const bands = bandOrder.map((date, i) => `<VRTRasterBand dataType="Byte" band="${i + 1}"><Description>${date}</Description>` +
      `<NoDataValue>${NODATA}</NoDataValue><SimpleSource><SourceFilename relativeToVRT="1">band_${date}.tif</SourceFilename>` +
      '<SourceBand>1</SourceBand></SimpleSource></VRTRasterBand>').join('');
    const vrt = path.join(work, 'stack.vrt');
    writeFileSync(vrt, `<VRTDataset rasterXSize="${grid.width}" rasterYSize="${grid.height}"><SRS>EPSG:32188</SRS>` +
      `<GeoTransform>${grid.geoTransform.join(',')}</GeoTransform>${bands}</VRTDataset>`);
    const opened = await (gdal as unknown as { open(files: string[]): Promise<{ datasets: Array<{ pointer: number; path: string }> }> })
      .open([vrt, ...bandOrder.map((date) => path.join(work, `band_${date}.tif`))]);
    const out = await gdal.gdal_translate(opened.datasets[0]!, ['-of', 'COG', '-co', 'COMPRESS=DEFLATE'], 'flood_stack');
    const [col, row] = floodPlainPixel();
    const [lon, lat] = await pixelLonLat(gdal, grid, col, row, 'EPSG:32188');
    const fromStack = await cli('--raster', out.real, '--lon', String(lon), '--lat', String(lat));
    const fromFiles = await cli(...DATES.flatMap((date) => ['--raster', floodFile(date)]), '--lon', String(lon), '--lat', String(lat));
    expect(fromStack).toEqual(fromFiles);
    expect(fromStack.map((p) => p.date)).toEqual(DATES);
  }, 90_000);

  it('should date a file by its TIFF DateTime tag when its name has no date', async () => {
    const ds = (await gdal.open(floodFile(DATES[1]!))).datasets[0]!;
    const out = await gdal.gdal_translate(ds, ['-of', 'GTiff', '-mo', 'TIFFTAG_DATETIME=2019:04:27 15:30:00'], 'scene_without_date');
    const [col, row] = floodPlainPixel();
    const [lon, lat] = await pixelLonLat(gdal, grids[0]!, col, row, 'EPSG:32188');
    const series = await cli('--raster', out.real, '--raster', floodFile(DATES[3]!), '--lon', String(lon), '--lat', String(lat));
    expect(series.map((p) => p.date)).toEqual([DATES[1], DATES[3]]);
    expect(series[0]!.value).toBe(asValue(grids[1]!.values[row * grids[1]!.width + col]!));
    const undated = path.join(work, 'scene.tif');
    copyFileSync(floodFile(DATES[0]!), undated);
    const error = await cliError('--raster', undated, '--lon', String(lon), '--lat', String(lat));
    expect(error?.code).not.toBe(0);
    expect(error?.stderr.trim().split('\n')).toHaveLength(1);
    expect(error?.stderr).toContain('scene.tif: no date found');
  }, 60_000);

  it('should refuse two rasters of one date and a missing --raster', async () => {
    const twice = await cliError('--raster', floodFile(DATES[0]!), '--raster', floodFile(DATES[0]!), '--lon', '-72.56', '--lat', '46.36');
    expect(twice?.stderr).toContain('two rasters have the date 2019-04-20');
    const none = await cliError('--lon', '-72.56', '--lat', '46.36');
    expect(none?.stderr).toContain('missing --raster');
  }, 60_000);
});
if (!hasDemo) it.skip('demo flood series missing (npm run data:demo): skipped', () => undefined);
