// `npm run import` (a child process, as a user runs it) on GeoTIFFs it used to refuse or damage:
// a user-defined CRS (polar stereographic), a JPEG/YCbCr orthophoto with a mask (gdal3.js has no
// JPEG codec: decoded by the app's reader), and a categorical raster, whose layer must be drawn
// without blending classes. No partial output is left behind.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import { identify } from '../../src/sources/cog/identify';
import { bounds4326 } from '../../src/sources/cog/info';
import { openCog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { loadGdal } from './cog_gdal';
import { repoRoot, sharedData } from './cog_helpers';
import { makeCrsFixtures, type CrsFixture } from './crs_fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-import-raster-'));
const outDir = path.join(dir, 'out'), layersDir = path.join(dir, 'layers');
let fixtures: CrsFixture[] = [];
let cleanup = () => undefined as void;
beforeAll(async () => ({ fixtures, cleanup } = await makeCrsFixtures()), 120_000);
afterAll(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function importFile(file: string, id: string): Promise<LayerDefinition> {
  const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
  const { stderr } = await promisify(execFile)(tsx, ['src/cli/import/main.ts', file, '--id', id, '--out-dir', outDir], {
    cwd: repoRoot, env: { ...process.env, GEOVEILLE_LAYERS_DIR: layersDir },
  });
  expect(stderr).toBe('');
  expect(readdirSync(outDir).filter((name) => /\.(importing|decoding)\./.test(name))).toEqual([]);
  return JSON.parse(readFileSync(path.join(layersDir, `${id}.json`), 'utf8')) as LayerDefinition;
}

describe('import of GeoTIFFs from elsewhere', () => {
  it('a user-defined CRS (polar stereographic): bounds from the whole edge, as the app reads the input', async () => {
    const input = fixtures.find((f) => f.name === 'user_polar_stereo')!;
    const layer = await importFile(input.file, 'polar');
    const source = await openCog(new FileRangeSource(input.file));
    const bounds = layer.bounds as number[];
    bounds4326(source).forEach((v, i) => expect(bounds[i]).toBeCloseTo(v, 5));
    await source.close();
  }, 120_000);

  it('a categorical raster: nearest overviews and raster-resampling nearest', async () => {
    const classes = path.join(dir, 'classes.img');
    writeFileSync(classes, Uint8Array.from({ length: 64 * 64 }, (_, i) => 1 + ((i >> 3) % 4)));
    writeFileSync(path.join(dir, 'classes.hdr'), 'ENVI\nsamples = 64\nlines = 64\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\ndata type = 1\ninterleave = bsq\nbyte order = 0\n');
    const gdal = await loadGdal();
    const ds = (await gdal.open(classes)).datasets[0]!;
    const out = await gdal.gdal_translate(ds, ['-of', 'GTiff', '-a_srs', 'EPSG:32198', '-a_ullr', '-200000', '300000', '-193600', '293600'], 'classes.tif');
    await gdal.close(ds);
    const input = path.join(dir, 'classes.tif');
    writeFileSync(input, readFileSync(out.real));
    const layer = await importFile(input, 'classes');
    expect(layer.source.cog?.mode).toBe('categorical');
    expect(layer.style[0]?.paint?.['raster-resampling']).toBe('nearest');
  }, 120_000);

  it.skipIf(!existsSync(path.join(sharedData, 'fixtures/cog/ol_masked.tif')))('a JPEG/YCbCr orthophoto with a mask (../shared/data): RGB as GDAL reads it, mask as alpha', async () => {
    await importFile(path.join(sharedData, 'fixtures/cog/ol_masked.tif'), 'masked');
    const cog = await openCog(new FileRangeSource(path.join(outDir, 'masked.tif')));
    expect([cog.bands, cog.dtype]).toEqual([4, 'uint8']);
    const { originX, originY, resX, resY } = cog.georef;
    // gdallocationinfo on the input at pixel (100, 100): 13 47 46; pixel (5, 3) is masked
    expect(await identify(cog, originX + 100.5 * resX, originY - 100.5 * resY)).toEqual([13, 47, 46, 255]);
    expect((await identify(cog, originX + 5.5 * resX, originY - 3.5 * resY))[3]).toBe(0);
    await cog.close();
  }, 120_000);
});
