// A YCbCr JPEG GeoTIFF (tests/unit/ycbcr_fixture.ts, made by gdal-bin) draws in GDAL's colours in
// chromium. The probes sit on chroma edges, where the nearest-chroma decode geotiff.js does on its
// own gave colours far from GDAL's (pixel 97,79: 251,2,0 where GDAL gives 126,60,0).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cog } from '../../src/sources/cog/open';
import { gdalDecode, hasGdalBinary, makeJpeg, WIDTH } from '../unit/ycbcr_fixture';
import { cogLayer, openLocalCog, pixelCentre, routeLocalLayers, serveFileWithRanges, zoomForPixel } from './cog_fixture';
import { colorAt, launchBrowser, openApp, saveScreenshot, waitForIdle, type AppPage, type GeoveilleWindow } from './harness';
import { colorDistance, formatRgb, type Rgb } from './pixels';

/** Pixels (col, row): four on chroma edges where the nearest-chroma decode was off by > 130, one flat. */
const PROBES: Array<[number, number]> = [[97, 79], [223, 129], [14, 120], [56, 80], [3, 2]];

describe.skipIf(!hasGdalBinary)('YCbCr JPEG draws in GDAL\'s colours (skipped without gdal-bin\'s gdal_translate)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-ycbcr-e2e-'));
  let browser: Browser;
  let app: AppPage;
  let cog: Cog;
  let gdal: Uint8Array;
  beforeAll(async () => {
    const file = makeJpeg(dir, 'ycbcr.tif', ['-co', 'TILED=YES', '-co', 'BLOCKXSIZE=128', '-co', 'BLOCKYSIZE=128']);
    gdal = gdalDecode(file);
    cog = await openLocalCog(file);
    browser = await launchBrowser();
    const layer = cogLayer('ycbcr', 'ycbcrfix/ycbcr.tif', { mode: 'rgb', bands: [1, 2, 3], stretch: [[0, 255], [0, 255], [0, 255]], resampling: 'nearest' });
    app = await openApp(browser, 'map=8/47/-73&layers=ycbcr', {
      beforeGoto: async (page) => {
        await routeLocalLayers(page, [layer]);
        await page.route('**/ycbcrfix/**', (route) => serveFileWithRanges(route, file));
      },
    });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await cog?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(PROBES)('pixel %i,%i', async (col, row) => {
    const [lon, lat] = pixelCentre(cog, col, row);
    await app.page.evaluate(([lng, lt, z]) => (window as GeoveilleWindow).__geoveille!.map.jumpTo({ center: [lng, lt], zoom: z }), [lon, lat, zoomForPixel(cog, lat, 24)] as const);
    await waitForIdle(app.page);
    const drawn = await colorAt(app.page, lon, lat);
    const i = (row * WIDTH + col) * 3;
    const want: Rgb = [gdal[i]!, gdal[i + 1]!, gdal[i + 2]!];
    if (col === PROBES[0]![0]) await saveScreenshot(app.page, 'cog-ycbcr');
    expect(colorDistance(drawn, want), `drawn ${formatRgb(drawn)}, GDAL ${formatRgb(want)}`).toBeLessThan(8);
    expect(app.pageErrors).toEqual([]);
  });
});
