// Add data: a COG by URL (served by a test route with Range support), a local file through the
// file input, `#add=<url>` at start-up, and bad input (404, javascript:) with a clear message.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, colorAt, launchBrowser, openApp, saveScreenshot, waitForIdle, type GeoveilleWindow, clickTool } from './harness';
import { colorDistance } from './pixels';
import { SHARED_DATA, skipReason } from '../support/shared_data';

const sharedData = SHARED_DATA;
const KRIGING = path.join(sharedData, 'fixtures/cog/mcp_kriging_3857.tif');
const SPECIES = path.join(sharedData, 'quebec/forest/qldm_species_group_2020_2km.tif');
const hasData = existsSync(KRIGING) && existsSync(SPECIES);
/** From `cli info`: the kriging raster's extent [w, s, e, n]. */
const KRIGING_BOUNDS = [0.4998779, 41.6523929, 0.5053711, 41.6606012];
/** A point with data (`cli identify` → 1.77; the raster's centre is NaN). */
const KRIGING_POINT = [0.501, 41.655] as const;

/** Serves one file with single-range support, like a static host, and counts requests. */
function serveFile(file: string) {
  const body = readFileSync(file);
  const counter = { requests: 0 };
  const handler = (route: Route) => {
    counter.requests++;
    const match = /bytes=(\d+)-(\d+)/.exec(route.request().headers().range ?? '');
    if (!match) return route.fulfill({ status: 200, body, contentType: 'image/tiff' });
    const start = Number(match[1]), end = Math.min(Number(match[2]), body.length - 1);
    return route.fulfill({
      status: 206, body: body.subarray(start, end + 1), contentType: 'image/tiff',
      headers: { 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Accept-Ranges': 'bytes' },
    });
  };
  return { handler, counter };
}

async function addedRows(page: Page): Promise<Array<{ id: string; title: string; state: string }>> {
  return page.$$eval('#added-layers li.layer', (items) => items.map((li) => ({
    id: (li as HTMLElement).dataset.layerId ?? '',
    title: li.querySelector('.layer-title')?.textContent ?? '',
    state: (li as HTMLElement).dataset.state ?? '',
  })));
}

async function mapView(page: Page) {
  return page.evaluate(() => {
    const map = (window as GeoveilleWindow).__geoveille!.map;
    const b = map.getBounds();
    return { zoom: map.getZoom(), bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
  });
}

async function mapSources(page: Page): Promise<{ sources: number; layers: string[] }> {
  return page.evaluate(() => {
    const style = (window as GeoveilleWindow).__geoveille!.map.getStyle();
    return { sources: Object.keys(style.sources).length, layers: style.layers.map((layer) => layer.id) };
  });
}

/** Colour at lon/lat with the added layer on, then off (through its own checkbox). */
async function onOff(page: Page, id: string, lon: number, lat: number) {
  await waitForIdle(page);
  const on = await colorAt(page, lon, lat);
  await page.uncheck(`#toggle-${id}`);
  await waitForIdle(page);
  const off = await colorAt(page, lon, lat);
  await page.check(`#toggle-${id}`);
  return { on, off };
}

describe.skipIf(!hasData)('Add data', () => {
  if (!hasData) it.skip(skipReason(), () => undefined);
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('adds a COG by URL: row in "Mes données", map fitted to it, pixels drawn, URL in the hash', async () => {
    const served = serveFile(KRIGING);
    const app = await openApp(browser, 'map=5/46.9/-71.8&lang=fr', {
      beforeGoto: (page) => page.route('**/ext/mcp_kriging_3857.tif', served.handler),
    });
    try {
      const url = `${baseUrl()}ext/mcp_kriging_3857.tif`;
      await clickTool(app.page, 'add-data-button');
      await app.page.fill('#add-data-url', url);
      await app.page.click('#add-data-submit');
      await app.page.waitForSelector('.add-data-message[data-kind="ok"]', { timeout: 60_000 });
      const rows = await addedRows(app.page);
      expect(rows.map((r) => r.title)).toEqual(['mcp_kriging_3857.tif']);
      expect(await app.page.textContent('#added-layers h3')).toBe('Mes données');

      const view = await mapView(app.page);
      const [w, s, e, n] = KRIGING_BOUNDS as [number, number, number, number];
      const [vw, vs, ve, vn] = view.bounds as [number, number, number, number];
      expect(view.zoom).toBeGreaterThan(14);
      expect(vw).toBeLessThanOrEqual(w);
      expect(ve).toBeGreaterThanOrEqual(e);
      expect(vs).toBeLessThanOrEqual(s);
      expect(vn).toBeGreaterThanOrEqual(n);
      expect(vn - vs).toBeLessThan((n - s) * 3);

      const { on, off } = await onOff(app.page, rows[0]!.id, ...KRIGING_POINT);
      expect(colorDistance(on, off)).toBeGreaterThan(40);
      await saveScreenshot(app.page, 'add_data_url');
      await app.page.waitForFunction((expected) => decodeURIComponent(location.hash).includes(`add=${expected}`), url);
      // open once on the main thread, then the workers read through the same cache
      expect(served.counter.requests).toBeLessThanOrEqual(3);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('adds a local file through the file input (read in place) and draws its categories', async () => {
    const app = await openApp(browser, 'map=5/48/-72&lang=en');
    try {
      await clickTool(app.page, 'add-data-button');
      expect(await app.page.textContent('.add-data-local-note')).toMatch(/cannot be part of a shared link/);
      await app.page.setInputFiles('#add-data-file', SPECIES);
      await app.page.waitForSelector('.add-data-message[data-kind="ok"]', { timeout: 60_000 });
      const rows = await addedRows(app.page);
      expect(rows.map((r) => r.title)).toEqual(['qldm_species_group_2020_2km.tif']);
      expect(await app.page.textContent('#added-layers h3')).toBe('My data');
      expect(await app.page.$$eval('#added-layers .layer-legend li', (items) => items.length)).toBeGreaterThan(5);
      await app.page.click('#side-sheet .side-sheet-close');
      const { on, off } = await onOff(app.page, rows[0]!.id, -72, 48);
      expect(colorDistance(on, off)).toBeGreaterThan(40);
      await saveScreenshot(app.page, 'add_data_file');
      const hash = await app.page.evaluate(() => location.hash);
      expect(hash).not.toContain('add=');
      // credit without placeholder dashes for what a local file cannot tell
      const credits = await app.page.$$eval('#attribution span', (spans) => spans.map((span) => span.textContent));
      expect(credits).toContain('© Local file');

      // removing it takes its row, its map layers and its source away
      const before = await mapSources(app.page);
      await app.page.click(`#added-layers li.layer[data-layer-id="${rows[0]!.id}"] .add-data-remove`);
      await app.page.waitForFunction(() => !document.querySelector('#added-layers li.layer'));
      const after = await mapSources(app.page);
      expect(before.sources - after.sources).toBe(1);
      expect(after.layers.some((id) => id.startsWith(rows[0]!.id))).toBe(false);
      expect(await app.page.textContent('#attribution')).not.toContain('Local file');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('loads `#add=<url>` at start-up and fits the map to it', async () => {
    const served = serveFile(KRIGING);
    const url = `${baseUrl()}ext/k.tif`;
    const app = await openApp(browser, `lang=fr&add=${encodeURIComponent(url)}`, {
      beforeGoto: (page) => page.route('**/ext/k.tif', served.handler),
    });
    try {
      await app.page.waitForSelector('#added-layers li.layer', { timeout: 60_000 });
      await app.page.waitForFunction(() => (window as GeoveilleWindow).__geoveille!.map.getZoom() > 14, undefined, { timeout: 30_000 });
      const rows = await addedRows(app.page);
      expect(rows.map((r) => r.title)).toEqual(['k.tif']);
      expect(await app.page.isChecked(`#toggle-${rows[0]!.id}`)).toBe(true);
      const { on, off } = await onOff(app.page, rows[0]!.id, ...KRIGING_POINT);
      expect(colorDistance(on, off)).toBeGreaterThan(40);
    } finally {
      await app.close();
    }
  });

  it('says clearly why a URL fails (404, javascript:) and the rest of the app goes on', async () => {
    const app = await openApp(browser, 'map=5/46.9/-71.8&lang=fr');
    try {
      await app.page.route('**/ext/missing.tif', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await clickTool(app.page, 'add-data-button');
      await app.page.fill('#add-data-url', `${baseUrl()}ext/missing.tif`);
      await app.page.click('#add-data-submit');
      await app.page.waitForSelector('.add-data-message[data-kind="error"]', { timeout: 30_000 });
      const message = (await app.page.textContent('.add-data-message')) ?? '';
      expect(message).toContain('missing.tif');
      expect(message).toContain('404');
      await saveScreenshot(app.page, 'add_data_404');

      await app.page.fill('#add-data-url', 'javascript:alert(1)');
      await app.page.click('#add-data-submit');
      await app.page.waitForFunction(() => document.querySelector('.add-data-message')?.textContent?.includes('javascript'));
      expect(await app.page.textContent('.add-data-message')).toMatch(/http:\/\/ et https:\/\//);

      expect(await addedRows(app.page)).toEqual([]);
      // the app still works: a catalogue layer can be shown and the map goes idle
      const first = await app.page.$eval('#layer-panel li.layer[data-layer-id]', (li) => (li as HTMLElement).dataset.layerId!);
      await app.page.check(`#toggle-${first}`);
      await waitForIdle(app.page);
      expect(await app.page.getAttribute(`li.layer[data-layer-id="${first}"]`, 'data-state')).not.toBe('error');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
