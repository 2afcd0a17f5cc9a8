// Band scale/offset and unit (GDAL metadata, set here by gdal-bin: gdal_translate -a_scale -a_offset,
// gdal_edit.py -units) applied as GDAL applies them: identify (CLI and app), zonal statistics and
// the default legend. Reference values: GDAL's own unscaling (gdal_translate -unscale) of the file.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import { defaultCogStyle } from '../../src/queries/default_style';
import { identifyAt } from '../../src/queries/identify';
import { fileDataAccess } from '../../src/queries/identify_data_node';
import { zonalStats } from '../../src/queries/zonal_stats';
import { bandInfo } from '../../src/sources/cog/bands';
import { openCog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { repoRoot } from './cog_helpers';

const hasGdal = ['gdal_translate', 'gdallocationinfo', 'gdalinfo', 'gdal_edit.py'].every((tool) => existsSync(`/usr/bin/${tool}`));
const W = 40, H = 30, NODATA = -9999, SCALE = 0.01, OFFSET = 5, RES = 100, X0 = -250000, Y0 = 400000;
const raw = (x: number, y: number) => (x === 3 && y === 4 ? NODATA : (x * 173 + y * 59) % 2000 - 300);
let dir = '', file = '', unscaled = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'geoveille-scale-'));
  const data = new Int16Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data[y * W + x] = raw(x, y);
  writeFileSync(path.join(dir, 'raw.img'), Buffer.from(data.buffer));
  writeFileSync(path.join(dir, 'raw.hdr'), `ENVI\nsamples = ${W}\nlines = ${H}\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\ndata type = 2\ninterleave = bsq\nbyte order = 0\n`);
  const plain = path.join(dir, 'plain.tif');
  execFileSync('gdal_translate', ['-q', '-a_srs', 'EPSG:32198', '-a_ullr', String(X0), String(Y0), String(X0 + W * RES), String(Y0 - H * RES),
    '-a_scale', String(SCALE), '-a_offset', String(OFFSET), '-a_nodata', String(NODATA), path.join(dir, 'raw.img'), plain]);
  execFileSync('gdal_edit.py', ['-units', 'm', plain]);
  file = path.join(dir, 'scaled.tif');
  execFileSync('gdal_translate', ['-q', '-of', 'COG', plain, file]);
  unscaled = path.join(dir, 'unscaled.tif');
  execFileSync('gdal_translate', ['-q', '-unscale', '-ot', 'Float64', file, unscaled]);
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

/** GDAL's value at a pixel centre (projected coordinates). */
const gdalValue = (tif: string, col: number, row: number) =>
  Number(execFileSync('gdallocationinfo', ['-valonly', '-geoloc', tif, String(X0 + (col + 0.5) * RES), String(Y0 - (row + 0.5) * RES)]).toString().trim());
const lonLatOf = (col: number, row: number) => execFileSync('gdaltransform', ['-s_srs', 'EPSG:32198', '-t_srs', '+proj=longlat +datum=NAD83', '-output_xy'],
  { input: `${X0 + (col + 0.5) * RES} ${Y0 - (row + 0.5) * RES}\n` }).toString().trim().split(/\s+/).map(Number) as [number, number];

describe.skipIf(!hasGdal)('band scale/offset and unit as GDAL applies them (skipped without gdal-bin)', () => {
  it('the file says what gdalinfo says: scale, offset, unit', async () => {
    const band = (JSON.parse(execFileSync('gdalinfo', ['-json', file]).toString()) as { bands: Array<{ scale: number; offset: number; unit: string }> }).bands[0]!;
    const cog = await openCog(new FileRangeSource(file));
    const [info] = await bandInfo(cog);
    expect([info?.scale, info?.offset, info?.unit]).toEqual([band.scale, band.offset, band.unit]);
    await cog.close();
  });

  it('CLI identify: values as gdallocationinfo gives them, scaled as GDAL unscales them, the unit', async () => {
    for (const [col, row] of [[0, 0], [17, 11], [39, 29]] as Array<[number, number]>) {
      const [lon, lat] = lonLatOf(col, row);
      const { stdout } = await promisify(execFile)(path.join(repoRoot, 'node_modules/.bin/tsx'),
        ['src/cli/main.ts', 'identify', '--raster', file, '--lon', String(lon), '--lat', String(lat)], { cwd: repoRoot });
      const printed = JSON.parse(stdout) as { values: number[]; scaled: number[]; units: string[] };
      expect(printed.values).toEqual([gdalValue(file, col, row)]);
      expect(printed.scaled[0]).toBeCloseTo(gdalValue(unscaled, col, row), 9);
      expect(printed.units).toEqual(['m']);
    }
  }, 60_000);

  it('app identify answers scaled values with the unit (nodata stays null)', async () => {
    const def = { id: 'scaled', source: { kind: 'cog', url: file, cog: { mode: 'continuous' } } } as unknown as LayerDefinition;
    const data = fileDataAccess(dir);
    const [answer] = await identifyAt(lonLatOf(17, 11), [def], data, { toleranceMetres: 0 });
    expect(answer).toMatchObject({ kind: 'raster-values', units: ['m'] });
    expect((answer as { values: number[] }).values[0]).toBeCloseTo(gdalValue(unscaled, 17, 11), 9);
    const [masked] = await identifyAt(lonLatOf(3, 4), [def], data, { toleranceMetres: 0 });
    expect((masked as { values: unknown[] }).values).toEqual([null]);
    await (await data.cog(file)).close();
  });

  it('zonal statistics over the whole file equal gdalinfo -stats of GDAL\'s unscaled file', async () => {
    const stats = (JSON.parse(execFileSync('gdalinfo', ['-json', '-stats', unscaled]).toString()) as { bands: Array<{ minimum: number; maximum: number; mean: number; stdDev: number }> }).bands[0]!;
    const cog = await openCog(new FileRangeSource(file));
    const aoi = { type: 'Polygon' as const, coordinates: [[[-80, 40], [-60, 40], [-60, 55], [-80, 55], [-80, 40]]] };
    const ours = await zonalStats(cog, aoi);
    await cog.close();
    expect(ours.count).toBe(W * H - 1);
    expect(ours.min).toBeCloseTo(stats.minimum, 9);
    expect(ours.max).toBeCloseTo(stats.maximum, 9);
    // gdalinfo -json prints mean and std with 3 decimals: the exact mean is computed here too
    const valid = Array.from({ length: W * H }, (_, i) => raw(i % W, Math.floor(i / W))).filter((v) => v !== NODATA).map((v) => v * SCALE + OFFSET);
    expect(ours.mean).toBeCloseTo(valid.reduce((a, b) => a + b, 0) / valid.length, 9);
    expect(ours.mean).toBeCloseTo(stats.mean, 3);
    expect(ours.std).toBeCloseTo(stats.stdDev, 3);
    expect(ours.unit).toBe('m');
    expect(ours.histogram?.edges[0]).toBeCloseTo(stats.minimum, 9);
  });
});

describe('default legend in the band\'s units', () => {
  it('ramp labels are raw stops × scale + offset with the unit; the ramp itself stays on raw values', () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => i * 10); // raw 0..1000
    const { rendering, legend } = defaultCogStyle({ dtype: 'int16', nodata: null, scaling: { scale: 0.01, offset: 5, unit: 'm' } }, [values]);
    expect(rendering.ramp?.[0]?.[0]).toBe(20); // 2 % of raw values
    expect(legend.items[0]?.label.fr).toBe('5.2\u00a0m');
    expect(legend.items[4]?.label.fr).toBe('14.8\u00a0m');
  });
});
