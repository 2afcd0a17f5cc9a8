// Features as controllers: a tool's code is fetched the first time its button is used (not with
// the first view), and dispose takes out everything a feature's mount added (its button, panel,
// map pieces, link keys) so that mounting it again works.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickTool, launchBrowser, openApp, type AppPage } from './harness';

const LEFT = 'zones-inondables';
const RIGHT = 'crues-historiques';
const COMPARE_HASH = `map=12/46.35/-72.55&lang=fr&layers=${LEFT}&compare=${LEFT}|${RIGHT}&swipe=0.5`;

interface Features {
  load(name: string): Promise<unknown>;
  dispose(name: string): void;
}
type HookWindow = Window & { __geoveille?: { features: Features } };

/** How many of each thing a feature may leave behind. */
async function countOf(app: AppPage, selectors: string[]): Promise<number[]> {
  return app.page.evaluate((list) => list.map((selector) => document.querySelectorAll(selector).length), selectors);
}

const chunk = (app: AppPage, name: string) => app.requests.filter((url) => new RegExp(`/assets/${name}-[^/]*\\.js$`).test(url));

describe('feature controllers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should fetch the print tool only when its button is first used', async () => {
    const app = await openApp(browser, 'map=10/46.35/-72.55&lang=fr');
    try {
      expect(chunk(app, 'feature_print')).toEqual([]);
      expect(chunk(app, 'feature_compare')).toEqual([]);
      expect(await app.page.locator('#print-button').count()).toBe(1); // the stand-in button
      await clickTool(app.page, 'print-button');
      await app.page.waitForSelector('#side-sheet:not([hidden]) .print-panel');
      expect(chunk(app, 'feature_print')).toHaveLength(1);
      expect(await app.page.locator('#print-button').count()).toBe(1);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should take compare out with dispose (button, divider, right map, link key) and mount it again', async () => {
    const app = await openApp(browser, COMPARE_HASH);
    const pieces = ['#compare-button', '.compare-divider', '.compare-map', '.compare-badge'];
    try {
      const mounted = await countOf(app, pieces);
      expect(mounted.every((count) => count > 0), `mounted: ${mounted}`).toBe(true);
      await app.page.evaluate(() => (window as HookWindow).__geoveille!.features.dispose('compare'));
      expect(await countOf(app, pieces)).toEqual([0, 0, 0, 0]);
      await app.page.waitForFunction(() => !location.hash.includes('compare='));

      await app.page.evaluate(() => (window as HookWindow).__geoveille!.features.load('compare'));
      expect(await app.page.locator('#compare-button').count()).toBe(1);
      await clickTool(app.page, 'compare-button');
      await app.page.waitForSelector('#side-sheet:not([hidden]) .compare-panel');
      expect(await countOf(app, ['.compare-divider', '.compare-map'])).toEqual([1, 1]);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should take GPS out with dispose (button, map control) and mount it again', async () => {
    const app = await openApp(browser, 'map=10/46.35/-72.55&lang=fr');
    const pieces = ['#gps-button', '.maplibregl-ctrl-geolocate'];
    try {
      expect(await countOf(app, pieces)).toEqual([1, 1]);
      await app.page.evaluate(() => (window as HookWindow).__geoveille!.features.dispose('gps'));
      expect(await countOf(app, pieces)).toEqual([0, 0]);
      await app.page.evaluate(() => (window as HookWindow).__geoveille!.features.load('gps'));
      expect(await countOf(app, pieces)).toEqual([1, 1]);
      await clickTool(app.page, 'gps-button');
      await app.page.waitForSelector('#side-sheet:not([hidden]) .gps-panel');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
