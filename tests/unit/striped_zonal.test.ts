// A 40 MB striped (not cloud optimized) Float32 GeoTIFF, written by gdal3.js: the CLI's zonal
// statistics on it equal GDAL's, and reading it costs a bounded number of requests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonalStats } from '../../src/queries/zonal_stats';
import { openCog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { loadGdal } from './cog_gdal';
import { gdalZonalTruth } from './zonal_truth';

const SIDE = 3200; // 3200² Float32 = 40.96 MB
const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-striped-'));
let file = '';
beforeAll(async () => {
  const values = new Float32Array(SIDE * SIDE);
  for (let row = 0; row < SIDE; row++) for (let col = 0; col < SIDE; col++) values[row * SIDE + col] = ((row * 7 + col * 13) % 1000) / 10 + (row % 97 === 0 ? Number.NaN : 0);
  writeFileSync(path.join(dir, 'big.img'), Buffer.from(values.buffer));
  writeFileSync(path.join(dir, 'big.hdr'), `ENVI\nsamples = ${SIDE}\nlines = ${SIDE}\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\ndata type = 4\ninterleave = bsq\nbyte order = 0\n`);
  const gdal = await loadGdal();
  const ds = (await gdal.open(path.join(dir, 'big.img'))).datasets[0]!;
  const out = await gdal.gdal_translate(ds, ['-of', 'GTiff', '-a_srs', 'EPSG:32198', '-a_ullr', '-250000', '350000', '-218000', '318000', '-a_nodata', 'nan'], 'striped.tif');
  await gdal.close(ds);
  file = path.join(dir, 'striped.tif');
  writeFileSync(file, readFileSync(out.real));
  rmSync(path.join(dir, 'big.img'));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('striped (non-COG) GeoTIFFs in the CLI', () => {
  it('zonal statistics on a 40 MB striped Float32 file equal GDAL\'s', async () => {
    const cog = await openCog(new FileRangeSource(file));
    expect(cog.levels[0]!.image.isTiled).toBe(false);
    const [w, s] = cog.proj.inverse([-247000, 321000]) as [number, number];
    const [e, n] = cog.proj.inverse([-221000, 347000]) as [number, number];
    const aoi: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [(w + e) / 2, n], [w, s]]] } };
    const truth = await gdalZonalTruth(file, aoi);
    const ours = await zonalStats(cog, aoi);
    expect(truth.count).toBeGreaterThan(100_000);
    expect({ count: ours.count, min: ours.min, max: ours.max }).toEqual({ count: truth.count, min: truth.min, max: truth.max });
    expect(ours.sum).toBeCloseTo(truth.sum, 0);
    // strips (2 rows, 25.6 KB each) are read 163 at a time (4 MiB per request): 19 reads in all,
    // header included, where one read per strip made 2,760
    expect(cog.bytes.stats.requests).toBe(19);
    await cog.close();
  }, 180_000);
});
