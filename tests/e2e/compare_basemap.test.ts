// The comparison's right map has the basemap the user chose, not always the offline one: with a
// raster basemap of one colour both sides of the divider show that colour, and when the user
// picks another basemap while comparing, both sides change to it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBasemapCatalogue, solidTile } from './basemap_steps';
import { clickTool, colorAt, launchBrowser, openApp, saveScreenshot, waitForCompareIdle, waitForIdle } from './harness';
import { averagePatch, colorDistance, formatRgb, type Rgb } from './pixels';

const MAGENTA: Rgb = [200, 40, 160];
const GREEN: Rgb = [30, 150, 90];
const common = { attribution: 'Essai ©', title: { fr: 'Essai', en: 'Test' } };
const CATALOGUE = {
  default: 'hors-ligne',
  basemaps: [
    { ...common, id: 'hors-ligne', kind: 'embedded', url: 'data/basemap.pmtiles', worldUrl: 'data/basemap_world.pmtiles', detailMaxZoom: 10 },
    { ...common, id: 'magenta', kind: 'raster-xyz', url: 'https://tiles.example.test/magenta/{z}/{x}/{y}.png', tileSize: 256, maxZoom: 18 },
    { ...common, id: 'vert', kind: 'raster-xyz', url: 'https://tiles.example.test/vert/{z}/{x}/{y}.png', tileSize: 256, maxZoom: 18 },
  ],
};

/** Colours a quarter of the map's width left and right of its middle (either side of the divider at 0.5). */
async function sides(page: Page): Promise<{ left: Rgb; right: Rgb }> {
  const box = (await page.locator('#map').boundingBox())!;
  const png = new Uint8Array(await page.screenshot({ type: 'png' }));
  const y = box.y + box.height * 0.6;
  return { left: averagePatch(png, box.x + box.width * 0.25, y, 2), right: averagePatch(png, box.x + box.width * 0.75, y, 2) };
}

/** Both maps hold basemap `id` and have drawn it. */
async function bothShow(page: Page, id: string): Promise<void> {
  await page.waitForSelector(`#map[data-basemap="${id}"] .compare-map[data-basemap="${id}"]`, { state: 'attached' });
  await waitForIdle(page);
  await waitForCompareIdle(page);
}

describe('compare: the right map has the chosen basemap', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('shows the chosen basemap on both sides, and follows a change while comparing', async () => {
    const app = await openApp(browser, 'map=9/47.2/-70.3&lang=fr&layers=&base=magenta', {
      beforeGoto: async (page) => {
        await serveBasemapCatalogue(page, CATALOGUE);
        await page.route('https://tiles.example.test/magenta/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: solidTile(MAGENTA) }));
        await page.route('https://tiles.example.test/vert/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: solidTile(GREEN) }));
      },
    });
    try {
      await app.page.waitForSelector('#map[data-basemap="magenta"]', { state: 'attached' });
      await clickTool(app.page, 'compare-button');
      await app.page.click('#side-sheet .side-sheet-close');
      await bothShow(app.page, 'magenta');
      const first = await sides(app.page);
      await saveScreenshot(app.page, 'compare-basemap-magenta');
      expect(colorDistance(first.left, MAGENTA), `left ${formatRgb(first.left)}`).toBeLessThan(30);
      expect(colorDistance(first.right, MAGENTA), `right ${formatRgb(first.right)}`).toBeLessThan(30);

      await app.page.evaluate(() => { location.hash = location.hash.replace(/base=[^&]*/, 'base=vert'); });
      await bothShow(app.page, 'vert');
      const second = await sides(app.page);
      await saveScreenshot(app.page, 'compare-basemap-vert');
      expect(colorDistance(second.left, GREEN), `left ${formatRgb(second.left)}`).toBeLessThan(30);
      expect(colorDistance(second.right, GREEN), `right ${formatRgb(second.right)}`).toBeLessThan(30);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('draws the demo vector basemap (dark) on the right exactly as on the left, also after a language change', async () => {
    const points: Array<[number, number]> = [[-72.55, 46.35], [-72.57, 46.36], [-72.54, 46.34]];
    const app = await openApp(browser, 'map=14/46.35/-72.55&lang=fr&layers=&base=rues-demo-sombre');
    try {
      await app.page.waitForSelector('#map[data-basemap="rues-demo-sombre"]', { state: 'attached' });
      await clickTool(app.page, 'compare-button');
      await app.page.click('#side-sheet .side-sheet-close');
      await bothShow(app.page, 'rues-demo-sombre');
      /** The colour at each point drawn by the main map (divider at the right end), then by the right map (left end). */
      const bySide = async () => {
        const divider = app.page.locator('.compare-divider');
        await divider.focus();
        await app.page.keyboard.press('End');
        await waitForIdle(app.page);
        const main = await Promise.all(points.map(([lon, lat]) => colorAt(app.page, lon, lat)));
        await app.page.keyboard.press('Home');
        await waitForIdle(app.page);
        const right = await Promise.all(points.map(([lon, lat]) => colorAt(app.page, lon, lat)));
        return { main, right };
      };
      const check = ({ main, right }: { main: Rgb[]; right: Rgb[] }) => main.forEach((colour, i) => {
        expect(colorDistance(colour, right[i]!), `point ${i}: main ${formatRgb(colour)} right ${formatRgb(right[i]!)}`).toBeLessThan(12);
        expect((right[i]![0] + right[i]![1] + right[i]![2]) / 3, `point ${i} dark on the right: ${formatRgb(right[i]!)}`).toBeLessThan(110);
      });
      check(await bySide());
      await saveScreenshot(app.page, 'compare-basemap-dark');
      await app.page.click('#lang-toggle');
      await app.page.waitForFunction(() => document.documentElement.lang === 'en');
      await waitForCompareIdle(app.page);
      check(await bySide());
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);
});
