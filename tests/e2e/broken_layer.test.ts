// A layer file that is not JSON: its row shows the error, the other layers still draw.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, readManifest } from './app_data';
import { launchBrowser, openApp } from './harness';
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
      beforeGoto: (page) => page.route(`**/layers/${broken}.json`, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{ not json' })),
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
});
