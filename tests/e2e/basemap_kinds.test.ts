// Every basemap kind draws real pixels: a Protomaps-schema fixture in each flavour (earth, water
// and building colours of @protomaps/basemaps), raster XYZ and WMTS tiles answered by the test's
// own routes (their attribution shown), and the offline basemap's honesty at both ends of its range.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedFlavor } from '@protomaps/basemaps';
import { colorAt, launchBrowser, openApp, pointOnPage, saveScreenshot, seenNotices, type GeoveilleWindow } from './harness';
import { colorDistance, formatRgb, parseColor, type Rgb } from './pixels';
import { serveFile } from './serve_file';
import { FIXTURE_POINTS, protomapsFixture, serveBasemapCatalogue, solidTile, waitForBasemap } from './basemap_steps';

const FLAVORS = ['light', 'grayscale', 'dark'] as const;
const TILE_COLOR: Rgb = [200, 40, 160];
const WMTS_COLOR: Rgb = [30, 150, 90];
const common = { attribution: 'Orthos test © Testeur', title: { fr: 'Essai', en: 'Test' } };
const CATALOGUE = {
  default: 'pm-light',
  basemaps: [
    ...FLAVORS.map((flavor) => ({ ...common, id: `pm-${flavor}`, kind: 'pmtiles-vector', url: 'fixture/protomaps.pmtiles', flavor })),
    { ...common, id: 'ortho', kind: 'raster-xyz', url: 'https://tiles.example.test/ortho/{z}/{x}/{y}.png', tileSize: 256, maxZoom: 18 },
    { ...common, id: 'wmts', kind: 'wmts', url: 'https://wmts.example.test/1.0.0/ortho/default/GoogleMapsCompatible/{TileMatrix}/{TileRow}/{TileCol}.png', tileSize: 256, maxZoom: 18, attribution: 'WMTS test ©' },
    // a broken entry: reported by file and path, the others still work
    { ...common, id: 'casse', kind: 'tms', url: 'https://x.example.test/{z}/{x}/{y}.png' },
  ],
};

let browser: Browser;
let dir: string;
let fixture: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'geoveille-basemaps-'));
  fixture = path.join(dir, 'protomaps.pmtiles');
  writeFileSync(fixture, protomapsFixture());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openWithTestBasemaps(hash: string) {
  return openApp(browser, hash, {
    beforeGoto: async (page) => {
      await serveBasemapCatalogue(page, CATALOGUE);
      await page.route('**/fixture/protomaps.pmtiles', (route) => serveFile(route, fixture));
      await page.route('https://tiles.example.test/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: solidTile(TILE_COLOR) }));
      await page.route('https://wmts.example.test/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: solidTile(WMTS_COLOR) }));
    },
  });
}

describe('basemap kinds', () => {
  it('should draw a Protomaps-schema fixture in each flavour with that flavour\'s earth, water and building colours', async () => {
    const app = await openWithTestBasemaps('map=14/47/-69.995&lang=fr&layers=&base=pm-light');
    try {
      for (const flavor of FLAVORS) {
        await app.page.evaluate((id) => { location.hash = location.hash.replace(/base=[^&]*/, `base=${id}`); }, `pm-${flavor}`);
        await waitForBasemap(app.page, `pm-${flavor}`);
        const colours = namedFlavor(flavor);
        for (const [what, expected] of [['earth', colours.earth], ['water', colours.water], ['building', colours.buildings]] as const) {
          const seen = await colorAt(app.page, ...FIXTURE_POINTS[what]);
          expect(colorDistance(seen, parseColor(expected)), `${flavor} ${what}: ${formatRgb(seen)} vs ${expected}`).toBeLessThan(10);
        }
        await saveScreenshot(app.page, `basemap-fixture-${flavor}`);
      }
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should draw raster XYZ and WMTS tiles from their hosts and show their attribution', async () => {
    const app = await openWithTestBasemaps('map=12/46.5/-72&lang=en&layers=&base=ortho');
    try {
      const { page } = app;
      await waitForBasemap(page, 'ortho');
      expect(colorDistance(await colorAt(page, -72, 46.5), TILE_COLOR)).toBeLessThan(6);
      expect(await page.textContent('#attribution')).toContain('Basemap: Orthos test © Testeur');
      expect(await seenNotices(page)).toContainEqual(expect.stringContaining('basemaps/basemaps.json: basemaps[5].kind: one of "embedded"'));
      expect(await page.$$eval('#basemap-options [role="radio"]', (radios) => radios.map((r) => (r as HTMLElement).dataset.basemapId)))
        .toEqual(['pm-light', 'pm-grayscale', 'pm-dark', 'ortho', 'wmts', 'none']);
      const xyz = app.requests.filter((url) => url.startsWith('https://tiles.example.test/ortho/'));
      expect(xyz.length).toBeGreaterThan(0);
      expect(xyz.every((url) => /\/ortho\/1[23]\/\d+\/\d+\.png$/.test(url)), xyz.join('\n')).toBe(true);

      await page.evaluate(() => { location.hash = location.hash.replace(/base=[^&]*/, 'base=wmts'); });
      await waitForBasemap(page, 'wmts');
      expect(colorDistance(await colorAt(page, -72, 46.5), WMTS_COLOR)).toBeLessThan(6);
      expect(await page.textContent('#attribution')).toContain('Basemap: WMTS test ©');
      // REST WMTS on GoogleMapsCompatible: …/{TileMatrix}/{TileRow}/{TileCol}, i.e. z/y/x
      const tile = app.requests.find((url) => url.startsWith('https://wmts.example.test/'));
      const [z, row, col] = /GoogleMapsCompatible\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(tile ?? '')!.slice(1).map(Number) as [number, number, number];
      const n = 2 ** z;
      expect(Math.abs(row - Math.floor(((1 - Math.asinh(Math.tan((46.5 * Math.PI) / 180)) / Math.PI) / 2) * n))).toBeLessThanOrEqual(3);
      expect(Math.abs(col - Math.floor(((-72 + 180) / 360) * n))).toBeLessThanOrEqual(3);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('offline basemap honesty', () => {
  it('should say it has little detail past its zoom, link to the switcher, and stop drawing its coastline', async () => {
    // Québec City: the Natural Earth shore is a kilometre off here
    const app = await openApp(browser, 'map=15/46.81/-71.205&lang=fr&layers=');
    try {
      const { page } = app;
      await waitForBasemap(page, 'hors-ligne');
      expect(await page.isVisible('#basemap-detail-note')).toBe(true);
      expect(await page.textContent('#basemap-detail-note')).toContain('Fond de carte peu détaillé à cette échelle');
      const land = parseColor('#f2efe9');
      // points on the map itself, clear of the controls and the note (1280×800, panel open)
      for (const [lon, lat] of [[-71.205, 46.81], [-71.2, 46.806], [-71.21, 46.808]] as const) {
        const { x, y } = await pointOnPage(page, lon, lat);
        expect(await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.tagName, [x, y] as const), `${lon},${lat} is on the map`).toBe('CANVAS');
        const seen = await colorAt(page, lon, lat);
        expect(colorDistance(seen, land), `${lon},${lat}: ${formatRgb(seen)} (no water drawn from a coarse coastline)`).toBeLessThan(6);
      }
      await page.click('#basemap-detail-note button');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-basemap-id'))).toBe('hors-ligne');
      await page.evaluate(() => (window as GeoveilleWindow).__geoveille!.map.jumpTo({ zoom: 8 }));
      await page.waitForFunction(() => document.getElementById('basemap-detail-note')?.hidden === true, undefined, { timeout: 10_000 });
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should say so when the demo street basemap does not cover the view', async () => {
    // Montréal at zoom 12: the demo streets only hold detail around the synthetic valley
    const app = await openApp(browser, 'map=12/45.5/-73.6&lang=en&layers=&base=rues-demo');
    try {
      await waitForBasemap(app.page, 'rues-demo');
      await app.page.waitForFunction(() => document.getElementById('basemap-detail-note')?.dataset.reason === 'no-coverage', undefined, { timeout: 10_000 });
      expect(await app.page.textContent('#basemap-detail-note')).toContain('The basemap does not cover this place.');
      await app.page.evaluate(() => (window as GeoveilleWindow).__geoveille!.map.jumpTo({ center: [-72.61, 46.434], zoom: 15 }));
      await app.page.waitForFunction(() => document.getElementById('basemap-detail-note')?.hidden === true, undefined, { timeout: 10_000 });
    } finally {
      await app.close();
    }
  });

  it('should draw land outside its detailed box at small scales and no census-tract codes as place names', async () => {
    const app = await openApp(browser, 'map=3/50/-100&lang=en&layers=');
    try {
      const { page } = app;
      await waitForBasemap(page, 'hors-ligne');
      await saveScreenshot(page, 'basemap-embedded-z3');
      // Alberta and Saskatchewan lie outside the box [-85, 40, -55, 63] of basemap.pmtiles
      const land = parseColor('#f2efe9');
      for (const [lon, lat] of [[-113.5, 53.5], [-100, 50]] as const) {
        const seen = await colorAt(page, lon, lat);
        expect(colorDistance(seen, land), `${lon},${lat}: ${formatRgb(seen)}`).toBeLessThan(6);
      }
      expect(colorDistance(await colorAt(page, -140, 40), parseColor('#b5d3e7')), 'the Pacific stays water').toBeLessThan(6);
      await page.evaluate(() => (window as GeoveilleWindow).__geoveille!.map.jumpTo({ center: [-73.52, 45.6], zoom: 10 }));
      await waitForBasemap(page, 'hors-ligne');
      const names = await page.evaluate(() => (window as GeoveilleWindow).__geoveille!.map
        .queryRenderedFeatures({ layers: ['basemap-places-major', 'basemap-places-minor'] })
        .map((feature) => String(feature.properties?.name)));
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((name) => /^Ct \d/.test(name))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
