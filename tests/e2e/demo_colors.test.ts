// The demo layers draw their legend colours where the demo generator put each class
// (public/data/demo-manifest.json), and switching a layer off shows the basemap again.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from './app_data';
import { launchBrowser, openApp } from './harness';
import { expectLayerColor, measureOnOff, SAMPLE_ZOOM } from './layer_pixels';

describe('demo layer colours at known places', () => {
  let browser: Browser;
  const points = readManifest();

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should have sample points in the manifest', () => {
    expect(points.length).toBeGreaterThan(0);
  });

  it.each(points.map((p) => [`${p.layer} ${JSON.stringify(p.expect)}`, p] as const))(
    'should draw %s in its legend colour and clear it when toggled off',
    async (_name, point) => {
      const app = await openApp(browser, `map=${SAMPLE_ZOOM}/${point.lat}/${point.lon}&layers=${point.layer}:100`);
      try {
        const state = await app.page.getAttribute(`li.layer[data-layer-id="${point.layer}"]`, 'data-state');
        expect(state).toBe('ready');
        expectLayerColor(point, await measureOnOff(app.page, point));
        expect(app.pageErrors).toEqual([]);
      } finally {
        await app.close();
      }
    },
  );
});
