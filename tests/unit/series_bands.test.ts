// `cli series` on a 127-band file without dates (written by gdal3.js, with scale, offset, nodata
// and band names): one value per band, GDAL's raw value · scale + offset, nodata as null, labels
// from the band descriptions.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BandPoint } from '../../src/queries/series_bands';
import { gdalInfo, gdalPixel, loadGdal } from './cog_gdal';
import { repoRoot } from './cog_helpers';

const BANDS = 127, W = 8, H = 6, NODATA = -9999, SCALE = 0.01, OFFSET = 5;
const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-bands-'));
let file = '';
const raw = (band: number, i: number) => (band === 5 && i === 9 ? NODATA : ((band * 37 + i * 11) % 3000) - 100);

beforeAll(async () => {
  // an ENVI file (raw Int16, band-sequential, band names) that GDAL turns into a COG with scale/offset
  const data = new Int16Array(BANDS * W * H);
  for (let b = 0; b < BANDS; b++) for (let i = 0; i < W * H; i++) data[b * W * H + i] = raw(b + 1, i);
  writeFileSync(path.join(dir, 'bands.img'), Buffer.from(data.buffer));
  const names = Array.from({ length: BANDS }, (_, b) => `B${String(b + 1).padStart(3, '0')} ${400 + b * 5} nm`).join(', ');
  writeFileSync(path.join(dir, 'bands.hdr'), `ENVI\nsamples = ${W}\nlines = ${H}\nbands = ${BANDS}\nheader offset = 0\nfile type = ENVI Standard\ndata type = 2\ninterleave = bsq\nbyte order = 0\nband names = { ${names} }\n`);
  const gdal = await loadGdal();
  const ds = (await gdal.open(path.join(dir, 'bands.img'))).datasets[0]!;
  const out = await gdal.gdal_translate(ds, ['-of', 'COG', '-a_srs', 'EPSG:32198', '-a_ullr', '-200000', '300000', '-199200', '299400',
    '-a_scale', String(SCALE), '-a_offset', String(OFFSET), '-a_nodata', String(NODATA)], 'bands.tif');
  await gdal.close(ds);
  file = path.join(dir, 'bands.tif');
  writeFileSync(file, readFileSync(out.real));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a multi-band file without dates is a series over its bands', () => {
  it('cli series gives one value per band equal to GDAL\'s (scaled), nodata as null, labels from descriptions', async () => {
    const gdal = await loadGdal();
    const ds = (await gdal.open(file)).datasets[0]!;
    const info = (await gdalInfo(gdal, ds)) as Awaited<ReturnType<typeof gdalInfo>> & { bands: Array<{ scale?: number; offset?: number; description?: string }> };
    expect([info.bands[0]?.scale, info.bands[0]?.offset, info.bands[0]?.description]).toEqual([SCALE, OFFSET, 'B001 400 nm']);
    // pixel (1, 1): index 9, where band 5 holds nodata
    const [col, row] = [1, 1];
    const rawValues = await gdalPixel(gdal, ds, col, row, 'Int16', BANDS);
    await gdal.close(ds);
    const expected = rawValues.map((v) => (v === null || v === NODATA ? null : v * SCALE + OFFSET));
    const lon = -200000 + (col + 0.5) * 100, lat = 300000 - (row + 0.5) * 100;
    const { stdout } = await promisify(execFile)(path.join(repoRoot, 'node_modules/.bin/tsx'),
      ['src/cli/main.ts', 'series', '--raster', file, ...(await lonLat(lon, lat))], { cwd: repoRoot });
    const points = JSON.parse(stdout) as BandPoint[];
    expect(points).toHaveLength(BANDS);
    expect(points.map((p) => p.band)).toEqual(Array.from({ length: BANDS }, (_, b) => b + 1));
    points.forEach((p, b) => {
      if (expected[b] === null) expect(p.value, `band ${b + 1}`).toBeNull();
      else expect(p.value, `band ${b + 1}`).toBeCloseTo(expected[b] as number, 9);
    });
    expect(points[4]?.value).toBeNull();
    expect(points[0]?.label).toBe('B001 400 nm');
    expect(points[126]?.label).toBe('B127 1030 nm');
  }, 60_000);
});

/** --lon/--lat of a Québec Lambert point, projected by GDAL. */
async function lonLat(x: number, y: number): Promise<string[]> {
  const gdal = await loadGdal();
  const [[lon, lat]] = (await gdal.gdaltransform([[x, y]], ['-s_srs', 'EPSG:32198', '-t_srs', 'EPSG:4326', '-output_xy'])) as [[number, number]];
  return ['--lon', String(lon), '--lat', String(lat)];
}
