// "Layers on the map" lists the shown layers in drawing order, and moving one there changes the
// map's drawing order exactly: checked on pixels where a flood-zone fill and the terrain model
// overlap, and in the link's layer order. Screenshots in tests/e2e/screenshots/layer-order-*.png.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorAt, launchBrowser, openApp, saveScreenshot, waitForIdle, type AppPage } from './harness';
import { colorDistance, formatRgb } from './pixels';

// Inside the 0–20 year zone and inside the synthetic LiDAR tile (see layers/lidar-mnt.json bounds).
const POINT = { lon: -72.55, lat: 46.35 };

describe('layers on the map, in drawing order', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, `map=14/${POINT.lat}/${POINT.lon}&lang=fr&layers=zones-inondables,lidar-mnt`);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  const shownIds = () => app.page.$$eval('#shown-layers li.shown-row', (rows) => rows.map((row) => (row as HTMLElement).dataset.layerId));

  it('should list the shown layers top first, move one up, and the map draws it on top exactly as listed', async () => {
    expect(await shownIds()).toEqual(['zones-inondables', 'lidar-mnt']);
    const floodOnTop = await colorAt(app.page, POINT.lon, POINT.lat);
    await saveScreenshot(app.page, 'layer-order-flood-on-top');

    await app.page.click('#shown-layers li[data-layer-id="lidar-mnt"] .shown-up');
    await app.page.waitForFunction(() => /layers=lidar-mnt,zones-inondables/.test(location.hash));
    await waitForIdle(app.page);
    expect(await shownIds()).toEqual(['lidar-mnt', 'zones-inondables']);
    // The moved row keeps the keyboard focus, and its new place is announced.
    expect(await app.page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-layer-id'))).toBe('lidar-mnt');
    expect(await app.page.textContent('#shown-layers .shown-status')).toMatch(/1 sur 2/);
    const terrainOnTop = await colorAt(app.page, POINT.lon, POINT.lat);
    await saveScreenshot(app.page, 'layer-order-terrain-on-top');

    // The terrain model alone: with it on top, the flood fill underneath must not show through.
    await app.page.click('#shown-layers li[data-layer-id="zones-inondables"] .shown-hide');
    await app.page.waitForFunction(() => !/zones-inondables/.test(location.hash));
    await waitForIdle(app.page);
    const terrainAlone = await colorAt(app.page, POINT.lon, POINT.lat);
    expect(colorDistance(terrainOnTop, terrainAlone), `terrain on top ${formatRgb(terrainOnTop)} vs alone ${formatRgb(terrainAlone)}`).toBeLessThan(8);
    expect(colorDistance(floodOnTop, terrainAlone), `flood on top ${formatRgb(floodOnTop)} vs terrain ${formatRgb(terrainAlone)}`).toBeGreaterThan(40);
  });

  it('should move a layer with Alt+↓ and only among the shown ones', async () => {
    await app.page.check('#toggle-zones-inondables');
    await app.page.check('#toggle-crues-historiques');
    await app.page.waitForFunction(() => document.querySelectorAll('#shown-layers li.shown-row').length === 3);
    const before = await shownIds();
    await app.page.focus(`#shown-layers li[data-layer-id="${before[0]}"] .shown-down`);
    await app.page.keyboard.press('Alt+ArrowDown');
    await app.page.waitForFunction((first) => document.querySelector('#shown-layers li.shown-row')?.getAttribute('data-layer-id') !== first, before[0]);
    expect(await shownIds()).toEqual([before[1], before[0], before[2]]);
    // A layer just switched on joins the map's style once its source is set up: wait for all three.
    await app.page.waitForFunction((ids) => {
      const map = (window as unknown as { __geoveille: { map: { getStyle(): { layers: Array<{ id: string }> } } } }).__geoveille.map;
      const styleIds = map.getStyle().layers.map((layer) => layer.id);
      return ids.every((id) => styleIds.some((styleId) => styleId.startsWith(`${id}::`)));
    }, await shownIds());
    // The map's style layers follow the list: each shown layer's first style layer, top first.
    const drawn = await app.page.evaluate((ids) => {
      const map = (window as unknown as { __geoveille: { map: { getStyle(): { layers: Array<{ id: string }> } } } }).__geoveille.map;
      const styleIds = map.getStyle().layers.map((layer) => layer.id);
      return ids.map((id) => ({ id, at: styleIds.findIndex((styleId) => styleId.startsWith(`${id}::`)) }))
        .sort((a, b) => b.at - a.at).map((entry) => entry.id);
    }, await shownIds());
    expect(drawn).toEqual(await shownIds());
    expect(app.pageErrors).toEqual([]);
  });
});
