// GeoTIFFs in the CRSs issue 11 found refused, written by GDAL (gdal3.js, tests/unit/crs_fixtures.ts),
// draw in place in chromium: at the centre of two known pixels the map shows the colour the layer
// gives their values, and one pixel further east (another value, not in the table) it does not.
// EPSG codes outside the built-in set are fetched one at a time (assets/epsg/<code>.json); the
// user-defined CRSs load geotiff-geokeys-to-proj4 lazily; a grid rotated 5° draws rotated.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CogRendering } from '../../src/catalogue/types';
import type { Cog } from '../../src/sources/cog/open';
import { makeCrsFixtures, makeRotatedFixture, WIDTH, type CrsFixture } from '../unit/crs_fixtures';
import { cogLayer, openLocalCog, pixelCentre, routeLocalLayers, serveFileWithRanges, zoomForPixel } from './cog_fixture';
import { colorAt, launchBrowser, openApp, saveScreenshot, waitForIdle, type AppPage, type GeoveilleWindow } from './harness';
import { colorDistance, formatRgb, type Rgb } from './pixels';

const RED: Rgb = [228, 26, 28];
const BLUE: Rgb = [55, 126, 184];
/** Two pixels per file (col, row) and their values (row · WIDTH + col + 1). */
const PROBES: Array<[number, number]> = [[12, 9], [35, 22]];
const valueOf = ([col, row]: [number, number]) => row * WIDTH + col + 1;

const rendering: CogRendering = {
  mode: 'categorical',
  categories: { [valueOf(PROBES[0]!)]: '#e41a1c', [valueOf(PROBES[1]!)]: '#377eb8' },
  resampling: 'nearest',
};

let browser: Browser;
let fixtures: CrsFixture[] = [];
let cleanup = () => undefined as void;
const cogs = new Map<string, Cog>();
let app: AppPage;

async function jump(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  await page.evaluate(([lng, lt, z]) => (window as GeoveilleWindow).__geoveille!.map.jumpTo({ center: [lng, lt], zoom: z }), [lon, lat, zoom] as const);
  await waitForIdle(page);
}

beforeAll(async () => {
  ({ fixtures, cleanup } = await makeCrsFixtures());
  const rotated = await makeRotatedFixture(path.dirname(fixtures[0]!.file));
  fixtures.push({ name: 'rotated', srs: 'EPSG:32198', centre: [0, 0], code: 32198, file: rotated });
  for (const f of fixtures) cogs.set(f.name, await openLocalCog(f.file));
  browser = await launchBrowser();
  const layers = fixtures.map((f) => cogLayer(`crs-${f.name.replace(/_/g, '-')}`, `crsfix/${path.basename(f.file)}`, rendering));
  const ids = layers.map((l) => l.id).join(',');
  app = await openApp(browser, `map=3/46/-40&layers=${ids}`, {
    beforeGoto: async (page) => {
      await routeLocalLayers(page, layers);
      await page.route('**/crsfix/**', (route) => serveFileWithRanges(route, path.join(path.dirname(fixtures[0]!.file), path.basename(new URL(route.request().url()).pathname))));
    },
  });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  for (const cog of cogs.values()) await cog.close();
  cleanup();
});

describe('rasters in any CRS draw in place (fixtures written by gdal3.js)', () => {
  it.each(['epsg6622', 'epsg3798', 'epsg3979', 'epsg2959', 'epsg2950', 'epsg25832', 'epsg2056', 'user_lambert', 'user_polar_stereo', 'rotated'])('%s', async (name) => {
    const cog = cogs.get(name)!;
    const id = `crs-${name.replace(/_/g, '-')}`;
    expect(await app.page.getAttribute(`#layer-panel li.layer[data-layer-id="${id}"]`, 'data-state')).not.toBe('error');
    for (const [k, [col, row]] of PROBES.entries()) {
      const [lon, lat] = pixelCentre(cog, col, row);
      await jump(app.page, lon, lat, zoomForPixel(cog, lat, 24));
      const drawn = await colorAt(app.page, lon, lat);
      const want = k === 0 ? RED : BLUE;
      expect(colorDistance(drawn, want), `${name} pixel ${col},${row}: drawn ${formatRgb(drawn)}, want ${formatRgb(want)}`).toBeLessThan(12);
      const [eastLon, eastLat] = pixelCentre(cog, col + 1, row);
      const beside = await colorAt(app.page, eastLon, eastLat);
      expect(colorDistance(beside, want), `${name} pixel ${col + 1},${row} (another value) drawn ${formatRgb(beside)}`).toBeGreaterThan(60);
      if (k === 0) await saveScreenshot(app.page, `cog-crs-${name}`);
    }
    expect(app.pageErrors).toEqual([]);
  });
});
