// The demo COG layers (LiDAR terrain, canopy, slope, hillshade; 2019 flood extents) draw their
// catalogue colours at pixels whose values identify reads from public/data; a COG layer whose
// file is truncated or an HTML page shows an error in the panel while other layers keep drawing.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identify } from '../../src/sources/cog/identify';
import { readLayer } from './app_data';
import { cogLayer, expectedColour, openLocalCog, pixelCentre, repoRoot, routeLocalLayers, zoomForPixel } from './cog_fixture';
import { colorAt, launchBrowser, openApp, saveScreenshot, waitForIdle, type GeoveilleWindow } from './harness';
import { colorDistance, formatRgb } from './pixels';

const TOLERANCE = 14;

describe('demo COG layers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['lidar-mnt', 'lidar-mhc', 'etendue-crue-2019'])('%s draws its ramp / category colour at known pixels', async (id) => {
    const def = readLayer(id);
    const cog = await openLocalCog(path.join(repoRoot, 'public', def.source.url));
    const rendering = { ...def.source.cog!, resampling: 'nearest' as const };
    // Nearest sampling in the test copy of the layer so a pixel centre shows exactly its value.
    const layer = { ...cogLayer(`test-${id}`, def.source.url, rendering), opacity: 1 };
    const probes: Array<{ lon: number; lat: number; value: number }> = [];
    for (const [fx, fy] of [[0.3, 0.3], [0.5, 0.5], [0.7, 0.6], [0.4, 0.8], [0.6, 0.2], [0.2, 0.6], [0.8, 0.8]]) {
      const [lon, lat] = pixelCentre(cog, Math.floor(cog.width * fx!), Math.floor(cog.height * fy!));
      const [value] = await identify(cog, lon, lat);
      if (value !== null && value !== undefined && expectedColour(rendering, [value])) probes.push({ lon, lat, value });
    }
    expect(probes.length, `${id}: fewer than 2 coloured pixels among the probes`).toBeGreaterThanOrEqual(2);
    const zoom = zoomForPixel(cog, probes[0]!.lat, 24);
    const app = await openApp(browser, `map=${zoom.toFixed(2)}/${probes[0]!.lat}/${probes[0]!.lon}&layers=${layer.id}`, { beforeGoto: (page) => routeLocalLayers(page, [layer]) });
    try {
      for (const p of probes.slice(0, 3)) {
        await app.page.evaluate(([lng, lt]) => (window as GeoveilleWindow).__geoveille!.map.jumpTo({ center: [lng, lt] }), [p.lon, p.lat] as const);
        await waitForIdle(app.page);
        const drawn = await colorAt(app.page, p.lon, p.lat);
        const want = expectedColour(rendering, [p.value])!;
        expect(colorDistance(drawn, want), `${id} at ${p.lon},${p.lat} = ${p.value}: drawn ${formatRgb(drawn)}, want ${formatRgb(want)}`).toBeLessThan(TOLERANCE);
      }
    } finally {
      await app.close();
      await cog.close();
    }
  });

  it('shows the LiDAR products and the flood extents (screenshots to look at)', async () => {
    for (const id of ['lidar-ombrage', 'lidar-pente', 'lidar-mhc', 'lidar-mnt', 'etendue-crue-2019']) {
      const app = await openApp(browser, `map=13.7/46.361/-72.563&layers=${id},zones-inondables:40`);
      try {
        expect(await app.page.getAttribute(`#layer-panel li.layer[data-layer-id="${id}"]`, 'data-state')).not.toBe('error');
        await saveScreenshot(app.page, `cog-demo-${id}`);
      } finally {
        await app.close();
      }
    }
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, 3000)],
    ['html', () => Buffer.from('<!doctype html><html><body>Not found</body></html>')],
  ] as const)('a %s COG shows an error in its row while the others draw', async (kind, corrupt) => {
    const def = readLayer('lidar-mhc');
    const broken = cogLayer(`broken-${kind}`, `data/broken-${kind}.tif`, def.source.cog!);
    const { readFileSync } = await import('node:fs');
    const body = corrupt(readFileSync(path.join(repoRoot, 'public', def.source.url)));
    const mnt = readLayer('lidar-mnt');
    const app = await openApp(browser, `map=14/46.362/-72.563&layers=${broken.id},lidar-mnt`, {
      beforeGoto: async (page) => {
        await routeLocalLayers(page, [broken]);
        await page.route(`**/data/broken-${kind}.tif`, (route) => route.fulfill({ status: 200, contentType: kind === 'html' ? 'text/html' : 'image/tiff', body }));
      },
    });
    try {
      const row = `#layer-panel li.layer[data-layer-id="${broken.id}"]`;
      await app.page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-state') === 'error', row, { timeout: 30_000 });
      expect((await app.page.textContent(`${row} .layer-error`))?.length ?? 0).toBeGreaterThan(5);
      expect(await app.page.getAttribute('#layer-panel li.layer[data-layer-id="lidar-mnt"]', 'data-state')).not.toBe('error');
      // The terrain model still draws a ramp colour at the view centre.
      const drawn = await colorAt(app.page, -72.563, 46.362);
      const cog = await openLocalCog(path.join(repoRoot, 'public', mnt.source.url));
      const [value] = await identify(cog, -72.563, 46.362);
      await cog.close();
      const want = expectedColour(mnt.source.cog!, [value!])!;
      expect(colorDistance(drawn, want), `lidar-mnt drawn ${formatRgb(drawn)}, want about ${formatRgb(want)}`).toBeLessThan(40);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
