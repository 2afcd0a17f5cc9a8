// A layer file that is not JSON: its row shows the error, the other layers still draw.
// A layer whose data file is missing: the row says so in the UI language, and again after a switch.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, readLayer, readManifest } from './app_data';
import { launchBrowser, openApp, perFileCatalogue } from './harness';
import { expectLayerColor, measureOnOff, SAMPLE_ZOOM } from './layer_pixels';

describe('broken layer file', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should show the error in that row and still draw another visible layer', async () => {
    const point = readManifest()[0];
    expect(point, 'demo-manifest.json has no sample point').toBeDefined();
    const broken = readCatalogue().layers.find((id) => id !== point!.layer);
    expect(broken, 'the catalogue needs a second layer to break').toBeDefined();
    const app = await openApp(browser, `map=${SAMPLE_ZOOM}/${point!.lat}/${point!.lon}&layers=${point!.layer}:100,${broken}`, {
      beforeGoto: async (page) => {
        await perFileCatalogue(page);
        await page.route(`**/layers/${broken}.json`, (route) =>
          route.fulfill({ status: 200, contentType: 'application/json', body: '{ not json' }));
      },
    });
    try {
      const row = `#layer-panel li.layer[data-layer-id="${broken}"]`;
      expect(await app.page.getAttribute(row, 'data-state')).toBe('error');
      const message = (await app.page.textContent(`${row} .layer-error`)) ?? '';
      expect(message).toContain(broken!);
      const others = await app.page.$$eval('#layer-panel li.layer[data-state="error"]',
        (items) => items.map((li) => (li as HTMLElement).dataset.layerId));
      expect(others).toEqual([broken]);
      expect(app.pageErrors).toEqual([]);
      expectLayerColor(point!, await measureOnOff(app.page, point!));
    } finally {
      await app.close();
    }
  });

  it('should word a missing data file in the UI language, and again after the language changes', async () => {
    const def = readLayer('hydrographie');
    const app = await openApp(browser, `lang=fr&layers=${def.id}`, {
      beforeGoto: (page) => page.route(`**/${def.source.url}`, (route) => route.fulfill({ status: 404, body: 'not found' })),
    });
    try {
      const error = `#layer-panel li.layer[data-layer-id="${def.id}"] .layer-error`;
      await app.page.waitForSelector(`${error}:not([hidden])`, { timeout: 30_000 });
      expect(await app.page.textContent(error)).toMatch(new RegExp(`^Couche « ${def.title.fr} » : les données ne peuvent pas être lues \\(.*404`));
      await app.page.click('button#lang-toggle');
      await app.page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await app.page.textContent(error)).toMatch(new RegExp(`^Layer “${def.title.en}”: the data cannot be read \\(.*404`));
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
