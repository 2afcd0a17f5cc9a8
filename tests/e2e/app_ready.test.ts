// The default view: the app reaches ready, in French, with one complete panel row per
// catalogue layer, without errors and without asking any other host for anything.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, readLayers } from './app_data';
import { foreignRequests, launchBrowser, openApp, saveScreenshot, type AppPage, type GeoveilleWindow } from './harness';

describe('default view', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should reach ready in French with the MapLibre map exposed and loaded', async () => {
    const { page } = app;
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBe('true');
    const map = await page.evaluate(() => {
      const m = (window as GeoveilleWindow).__geoveille?.map;
      return m && { loaded: m.loaded(), zoom: m.getZoom(), canvas: m.getCanvas().width };
    });
    expect(map?.loaded).toBe(true);
    expect(map?.canvas).toBeGreaterThan(0);
  });

  it('should show one complete row per catalogue layer, none in error', async () => {
    const { page } = app;
    const ids = readCatalogue().layers;
    expect(ids.length).toBeGreaterThan(0);
    const rows = await page.$$eval('#layer-panel li.layer', (items) => items.map((li) => ({
      id: (li as HTMLElement).dataset.layerId,
      state: (li as HTMLElement).dataset.state,
      error: li.querySelector('.layer-error')?.textContent ?? '',
      // Order is changed in "Layers on the map" (drawing order), not in the grouped catalogue rows.
      controls: ['input.layer-toggle[type=checkbox]', 'input.layer-opacity[type=range]', 'button.layer-info', '.layer-legend'].filter((sel) => !li.querySelector(sel)),
      range: [li.querySelector('input.layer-opacity')?.getAttribute('min'), li.querySelector('input.layer-opacity')?.getAttribute('max')],
    })));
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows.filter((r) => r.state === 'error').map((r) => `${r.id}: ${r.error}`)).toEqual([]);
    expect(rows.filter((r) => r.controls.length > 0).map((r) => `${r.id} lacks ${r.controls.join(', ')}`)).toEqual([]);
    expect(rows.every((r) => r.range[0] === '0' && r.range[1] === '100')).toBe(true);
  });

  it('should switch on exactly the layers marked visible in the catalogue', async () => {
    const expected = readLayers().filter((def) => def.visible === true).map((def) => def.id).sort();
    const checked = await app.page.$$eval('#layer-panel li.layer', (items) => items
      .filter((li) => li.querySelector<HTMLInputElement>('input.layer-toggle')?.checked)
      .map((li) => (li as HTMLElement).dataset.layerId ?? ''));
    expect(expected.length).toBeGreaterThan(0);
    expect(checked.sort()).toEqual(expected);
  });

  it('should load without page errors, console errors or requests to other hosts', async () => {
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    expect(app.requests.length).toBeGreaterThan(0);
    expect(foreignRequests(app.requests)).toEqual([]);
  });

  it('should save a screenshot of the default view', async () => {
    const file = await saveScreenshot(app.page, 'default-view');
    expect(file).toMatch(/default-view\.png$/);
  });
});
