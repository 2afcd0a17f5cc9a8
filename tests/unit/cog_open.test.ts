import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openCog, SMALL_STRIPED_BYTES } from '../../src/sources/cog/open';
import { identify, pixelAt } from '../../src/sources/cog/identify';
import { blockRanges, type PixelWindow } from '../../src/sources/cog/blocks';
import type { CogLevel } from '../../src/sources/cog/open';
import { bounds4326 } from '../../src/sources/cog/info';
import { FetchRangeSource } from '../../src/sources/source';
import { hasSharedData, sharedTiffs, startRangeServer, tinyTiff, type RangeServer } from './cog_helpers';
import { skipReason } from '../support/shared_data';

const tiffs = sharedTiffs();
const files = new Map<string, Uint8Array | string>();
for (const f of tiffs) files.set(path.basename(f), readFileSync(f));
files.set('tiny.tif', tinyTiff());
files.set('empty.tif', new Uint8Array(0));
files.set('page.tif', '<!DOCTYPE html><html><body>Not found</body></html>');
files.set('absurd.tif', tinyTiff({ width: 1_000_000_000, height: 3 }));
files.set('nogeo.tif', tinyTiff({ epsg: null }));
files.set('unknown_crs.tif', tinyTiff({ epsg: 12345 }));
const landsat = tiffs.find((f) => f.includes('landsat8_montreal'));
if (landsat) {
  const bytes = readFileSync(landsat);
  files.set('truncated_header.tif', bytes.subarray(0, 300));
  files.set('truncated_tiles.tif', bytes.subarray(0, Math.floor(bytes.length / 2)));
}

let server: RangeServer;
beforeAll(async () => { server = await startRangeServer(files); });
afterAll(async () => { await server.close(); });

const open = (name: string) => openCog(new FetchRangeSource(server.url(name)));

describe('openCog over HTTP', () => {
  it('opens a small TIFF and reads its pixels', async () => {
    const cog = await open('tiny.tif');
    expect([cog.width, cog.height, cog.bands, cog.dtype, cog.crs.code]).toEqual([4, 4, 1, 'uint8', 32198]);
    const [w, s, e, n] = bounds4326(cog);
    // pixel (1, 2): centre at x = 100015, y = 199975 in Québec Lambert
    const [lon, lat] = cog.proj.inverse([100015, 199975]) as [number, number];
    expect(lon).toBeGreaterThan(w); expect(lon).toBeLessThan(e);
    expect(lat).toBeGreaterThan(s); expect(lat).toBeLessThan(n);
    expect(await identify(cog, lon, lat)).toEqual([2 * 4 + 1 + 1]);
    expect(await identify(cog, lon + 1, lat)).toEqual([null]);
  });

  it("opens a file whose CRS is wrong or unknown with the layer's CRS override (EPSG code or proj4)", async () => {
    const byCode = await openCog(new FetchRangeSource(server.url('unknown_crs.tif')), { crs: 'EPSG:32198' });
    const byProj4 = await openCog(new FetchRangeSource(server.url('unknown_crs.tif')), { crs: '+proj=lcc +lat_0=44 +lon_0=-68.5 +lat_1=60 +lat_2=46 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs' });
    expect([byCode.crs.code, byProj4.crs.code, byProj4.crs.geographic]).toEqual([32198, null, false]);
    expect(bounds4326(byProj4)).toEqual(bounds4326(byCode));
    const [lon, lat] = byCode.proj.inverse([100015, 199975]) as [number, number];
    expect(await identify(byProj4, lon, lat)).toEqual([10]);
    await expect(openCog(new FetchRangeSource(server.url('tiny.tif')), { crs: '+proj=nonsense' })).rejects.toThrow(/invalid CRS definition "\+proj=nonsense"/);
  });

  it.each([
    ['empty.tif', /empty\.tif: the file is empty/],
    ['page.tif', /page\.tif: not a TIFF file: the server sent an HTML/],
    ['absurd.tif', /absurd image dimensions 1000000000 × 3/],
    ['nogeo.tif', /the file has no georeference/],
    ['unknown_crs.tif', /unknown_crs\.tif: EPSG:12345 is not in the EPSG database/],
    ['missing.tif', /missing\.tif: HTTP 404/],
  ])('gives a clear error for %s', async (name, message) => {
    await expect(open(name)).rejects.toThrow(message);
  });
});

describe.skipIf(!hasSharedData)('request economy on ../shared/data COGs', () => {
  if (!hasSharedData) it.skip(skipReason(), () => undefined);

  it.each(tiffs.map((f) => path.basename(f)))('%s: 1 request to open, 1 per uncached pixel, 0 when cached', async (name) => {
    const cog = await open(name);
    // a small striped file (ol_not-a-cog.tif) is read whole when opened: header block + the rest
    const readWhole = cog.levels[0]?.image.isTiled === false && (cog.bytes.fileSize ?? Infinity) <= SMALL_STRIPED_BYTES;
    const opened = readWhole ? 2 : 1;
    expect(server.requests(name)).toBe(opened);
    const [w, s, e, n] = bounds4326(cog);
    const lon = w + (e - w) * 0.37;
    const lat = s + (n - s) * 0.61;
    const level = cog.levels[0] as CogLevel;
    const [col, row] = pixelAt(cog, lon, lat) as [number, number];
    const window: PixelWindow = [col, row, col + 1, row + 1];
    const ranges = [...blockRanges(level.image, window), ...(level.mask ? blockRanges(level.mask, window) : [])];
    // a tile inside the cached header block costs nothing; otherwise one request per range
    const uncached = ranges.filter((r) => !cog.bytes.isCached(r)).length;
    expect(uncached).toBeLessThanOrEqual(level.mask ? 2 : 1);
    const values = await identify(cog, lon, lat);
    expect(values).toHaveLength(cog.bands);
    const afterFirst = server.requests(name);
    expect(afterFirst).toBe(opened + uncached);
    if (readWhole) expect(uncached).toBe(0);
    await identify(cog, lon, lat);
    expect(server.requests(name)).toBe(afterFirst);
    expect(cog.bytes.stats.requests).toBe(afterFirst);
    await cog.close();
  });

  it.runIf(landsat)('reports truncated files clearly', async () => {
    await expect(open('truncated_header.tif')).rejects.toThrow(/truncated_header\.tif: /);
    const cog = await open('truncated_tiles.tif');
    const [w, s, e, n] = bounds4326(cog);
    await expect(identify(cog, w + (e - w) * 0.9, s + (n - s) * 0.1)).rejects.toThrow(/the file is truncated/);
  });
});
