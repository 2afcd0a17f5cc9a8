// A 40 MB striped (not cloud optimized) Float32 GeoTIFF, written by gdal3.js: the CLI's zonal
// statistics on it equal GDAL's, and reading it costs a bounded number of requests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonalStats } from '../../src/queries/zonal_stats';
import { openCog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { makeStripedFloat32 } from './striped_fixture';
import { gdalZonalTruth } from './zonal_truth';

const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-striped-'));
let file = '';
beforeAll(async () => { file = await makeStripedFloat32(dir); }, 180_000);
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
