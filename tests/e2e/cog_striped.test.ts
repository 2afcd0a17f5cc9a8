// A 40 MB striped Float32 GeoTIFF (not cloud optimized: 2-row strips, no overviews, written by
// gdal3.js) shown as a user layer, the view fit to the file: how many requests and how long the
// first view takes (the bar: fewer than 50 requests, under 10 s).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStripedFloat32 } from '../unit/striped_fixture';
import { cogLayer, openLocalCog, routeLocalLayers, serveFileWithRanges } from './cog_fixture';
import { launchBrowser, openApp, saveScreenshot, waitForIdle } from './harness';
import { bounds4326 } from '../../src/sources/cog/info';

const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-striped-e2e-'));
let browser: Browser;
let file = '';
beforeAll(async () => {
  file = await makeStripedFloat32(dir);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a 40 MB striped GeoTIFF in the browser', () => {
  it('draws the view fit to the file; requests and time are measured', async () => {
    const cog = await openLocalCog(file);
    const [w, s, e, n] = bounds4326(cog);
    await cog.close();
    const layer = cogLayer('striped', 'stripedfix/striped.tif', { mode: 'continuous', bands: [1], ramp: [[0, '#000000'], [100, '#ffffff']], resampling: 'nearest' });
    let requests = 0;
    const started = Date.now();
    const app = await openApp(browser, `map=11/${(s + n) / 2}/${(w + e) / 2}&layers=striped`, {
      beforeGoto: async (page) => {
        await routeLocalLayers(page, [layer]);
        await page.route('**/stripedfix/**', (route) => { requests++; return serveFileWithRanges(route, file); });
      },
    });
    try {
      await waitForIdle(app.page, 120_000);
      const seconds = (Date.now() - started) / 1000;
      console.log(`striped 40 MB first view: ${requests} requests, ${seconds.toFixed(1)} s (app start included)`);
      await saveScreenshot(app.page, 'cog-striped');
      expect(await app.page.getAttribute('#layer-panel li.layer[data-layer-id="striped"]', 'data-state')).not.toBe('error');
      expect(requests).toBeLessThan(50);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 240_000);
});
