// Live update: a layer with refresh: 2 s reads a file the test serves from a temp folder
// (page.route). Replacing the file changes the map, keeps the view and the AOI of the hash, and
// says "updated at HH:MM"; an unreachable server says "last update failed" and keeps the drawing.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGeometry, encodeItem } from '../../src/state/aoi_codec';
import { colorAt, launchBrowser, openApp, saveScreenshot, waitForIdle, type AppPage, perFileCatalogue } from './harness';
import { colorDistance, formatRgb, parseColor } from './pixels';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const LAYER = 'zones-inondables';
const LIVE_PATH = 'data/live/zones.pmtiles';
/** In the 0–20 yr zone of the demo river. */
const POINT = { lon: -72.55, lat: 46.35 };
const HASH_VIEW = 'map=11/46.35/-72.55';

/** Serves one file like a static host: HEAD, Range, ETag and Last-Modified from its content. */
class LiveFile {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'geoveille-live-'));

  /** Removes the folder and its files (afterAll). */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
  readonly file: string;

  constructor(name: string) {
    this.file = path.join(this.dir, name);
  }
  down = false;
  requests = 0;

  replaceWith(source: string): void {
    copyFileSync(source, this.file);
  }

  async handle(route: Route): Promise<void> {
    this.requests++;
    if (this.down) return route.abort('connectionrefused');
    const body = readFileSync(this.file);
    const headers: Record<string, string> = {
      'Accept-Ranges': 'bytes',
      ETag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
      'Last-Modified': statSync(this.file).mtime.toUTCString(),
      'Content-Type': 'application/octet-stream',
    };
    const range = /bytes=(\d+)-(\d+)/.exec(route.request().headers().range ?? '');
    if (route.request().method() === 'HEAD') {
      return route.fulfill({ status: 200, headers: { ...headers, 'Content-Length': String(body.length) } });
    }
    if (!range) return route.fulfill({ status: 200, headers, body });
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), body.length - 1);
    return route.fulfill({
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${body.length}` },
      body: body.subarray(start, end + 1),
    });
  }
}

/** The layer file as the app would get it from the server, pointed at the live file, with refresh. */
function liveLayer(livePath: string) {
  return async (route: Route): Promise<void> => {
    const response = await route.fetch();
    const def = await response.json() as { source: { url: string }; refresh?: number };
    def.source.url = livePath;
    def.refresh = 2;
    await route.fulfill({ response, json: def });
  };
}

function aoiParam(): string {
  const square = { type: 'Polygon' as const, coordinates: [[[-72.48, 46.3], [-72.42, 46.3], [-72.42, 46.34], [-72.48, 46.34], [-72.48, 46.3]]] };
  return encodeItem('zone-1', 'Zone live', encodeGeometry(square, false));
}

async function rowNote(page: Page): Promise<string> {
  return page.$eval(`#layer-panel li.layer[data-layer-id="${LAYER}"]`, (row) => row.querySelector('.layer-refresh')?.textContent ?? '');
}

const HHMM = '\\d{2}:\\d{2}';
const NEW_LAYER = 'crue-en-cours';

/** catalogue.json as the server has it, with a new event's layer once `extended` is set. */
class LiveCatalogue {
  extended = false;

  async handle(route: Route): Promise<void> {
    const original = await route.fetch({ method: 'GET' });
    const catalogue = await original.json() as { layers: string[] };
    if (this.extended) catalogue.layers.unshift(NEW_LAYER);
    const body = JSON.stringify(catalogue);
    const headers = { 'Content-Type': 'application/json', ETag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`, 'Content-Length': String(Buffer.byteLength(body)) };
    if (route.request().method() === 'HEAD') return route.fulfill({ status: 200, headers });
    return route.fulfill({ status: 200, headers, body });
  }
}

/** The new event's layer: the historical floods under another id, shown at once. */
async function newLayer(route: Route): Promise<void> {
  const response = await route.fetch({ url: route.request().url().replace(`${NEW_LAYER}.json`, 'crues-historiques.json') });
  const def = await response.json() as Record<string, unknown>;
  await route.fulfill({ response, json: { ...def, id: NEW_LAYER, title: { fr: 'Crue en cours', en: 'Current flood' }, visible: true } });
}

describe('near-real-time layer', () => {
  let browser: Browser;
  let app: AppPage;
  const live = new LiveFile('zones.pmtiles');
  const catalogue = new LiveCatalogue();
  const flood = parseColor('#08519c');

  beforeAll(async () => {
    // First version: a file without the layer's source layer, so nothing is drawn at the point.
    live.replaceWith(path.join(repoRoot, 'public/data/hydrographie.pmtiles'));
    browser = await launchBrowser();
    app = await openApp(browser, `${HASH_VIEW}&lang=fr&layers=${LAYER}&aoi=${aoiParam()}`, {
      beforeGoto: async (page) => {
        await perFileCatalogue(page);
        await page.route(`**/layers/${LAYER}.json`, liveLayer(LIVE_PATH));
        await page.route(`**/${LIVE_PATH}*`, (route) => live.handle(route));
        await page.route('**/layers/catalogue.json*', (route) => catalogue.handle(route));
        await page.route(`**/layers/${NEW_LAYER}.json`, newLayer);
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    live.remove();
  });

  it('should redraw the layer from a replaced file, keep the view and AOI, and say when', async () => {
    const { page } = app;
    const before = await colorAt(page, POINT.lon, POINT.lat);
    expect(colorDistance(before, flood), `before: ${formatRgb(before)}`).toBeGreaterThan(60);
    const hashBefore = await page.evaluate(() => location.hash);
    expect(hashBefore).toContain('aoi=');

    live.replaceWith(path.join(repoRoot, 'public/data/zones_inondables.pmtiles'));
    await page.waitForFunction((id) => document.querySelector(`li.layer[data-layer-id="${id}"] .layer-refresh[data-kind="updated"]`), LAYER, { timeout: 15_000 });
    await waitForIdle(page);
    const after = await colorAt(page, POINT.lon, POINT.lat);
    expect(colorDistance(after, before), `${formatRgb(before)} → ${formatRgb(after)}`).toBeGreaterThan(60);
    expect(colorDistance(after, flood), `after: ${formatRgb(after)}`).toBeLessThan(colorDistance(before, flood));
    expect(await rowNote(page)).toMatch(new RegExp(`^mis à jour à ${HHMM}$`));

    const hashAfter = await page.evaluate(() => location.hash);
    expect(hashAfter.match(/map=[^&]+/)?.[0]).toBe(hashBefore.match(/map=[^&]+/)?.[0]);
    expect(hashAfter.match(/aoi=[^&]+/)?.[0]).toBe(hashBefore.match(/aoi=[^&]+/)?.[0]);
    console.log(await saveScreenshot(page, 'refresh-updated'));
  });

  it('should say the update failed when the server is unreachable, and keep drawing the last data', async () => {
    const { page } = app;
    const drawn = await colorAt(page, POINT.lon, POINT.lat);
    live.down = true;
    await page.waitForFunction((id) => document.querySelector(`li.layer[data-layer-id="${id}"] .layer-refresh[data-kind="failed"]`), LAYER, { timeout: 15_000 });
    expect(await rowNote(page)).toMatch(new RegExp(`^dernière mise à jour échouée à ${HHMM}, nouvel essai…$`));
    // a pan reads nothing new from the server: the tiles MapLibre holds stay on screen
    await page.evaluate(() => (window as unknown as { __geoveille: { map: { panBy(o: [number, number], opts: object): void } } }).__geoveille.map.panBy([5, 0], { duration: 0 }));
    await waitForIdle(page);
    const still = await colorAt(page, POINT.lon, POINT.lat);
    expect(colorDistance(still, drawn), `${formatRgb(drawn)} → ${formatRgb(still)}`).toBeLessThan(30);
    console.log(await saveScreenshot(page, 'refresh-failed'));

    live.down = false;
    await page.waitForFunction((id) => document.querySelector(`li.layer[data-layer-id="${id}"] .layer-refresh[data-kind="updated"]`), LAYER, { timeout: 30_000 });
  });

  it('should add a new event\'s layer when the catalogue changes', async () => {
    const { page } = app;
    catalogue.extended = true;
    await page.waitForFunction((id) => document.querySelector(`#layer-panel li.layer[data-layer-id="${id}"]`), NEW_LAYER, { timeout: 15_000 });
    expect(await page.$eval(`#layer-panel li.layer[data-layer-id="${NEW_LAYER}"] .layer-title`, (title) => title.textContent)).toBe('Crue en cours');
    await page.waitForFunction((id) => location.hash.includes(id), NEW_LAYER, { timeout: 20_000 });
    // the live layer's line is still there after the panel was rebuilt
    expect(await rowNote(page)).toMatch(new RegExp(`^mis à jour à ${HHMM}$`));
  });

  it('should have logged no errors', () => {
    // the aborted requests of the outage show as network errors in the console: only those are allowed
    const unexpected = app.consoleErrors.filter((text) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(text));
    expect(unexpected).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});

describe('near-real-time COG layer', () => {
  const COG_LAYER = 'lidar-mhc';
  const COG_PATH = 'data/live/mhc.tif';
  const AT = { lon: -72.563, lat: 46.362 };
  let browser: Browser;
  let app: AppPage;
  const live = new LiveFile('mhc.tif');

  beforeAll(async () => {
    live.replaceWith(path.join(repoRoot, 'public/data/lidar_mhc.tif'));
    browser = await launchBrowser();
    app = await openApp(browser, `map=14/${AT.lat}/${AT.lon}&lang=en&layers=${COG_LAYER}`, {
      beforeGoto: async (page) => {
        await perFileCatalogue(page);
        await page.route(`**/layers/${COG_LAYER}.json`, liveLayer(COG_PATH));
        await page.route(`**/${COG_PATH}*`, (route) => live.handle(route));
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    live.remove();
  });

  it('should re-read the COG header and pixels of a replaced file', async () => {
    const { page } = app;
    const before = await colorAt(page, AT.lon, AT.lat);
    // a terrain model in place of the canopy heights: every value is past the ramp's top
    live.replaceWith(path.join(repoRoot, 'public/data/lidar_mnt.tif'));
    await page.waitForFunction((id) => document.querySelector(`li.layer[data-layer-id="${id}"] .layer-refresh[data-kind="updated"]`), COG_LAYER, { timeout: 15_000 });
    await waitForIdle(page);
    const after = await colorAt(page, AT.lon, AT.lat);
    expect(colorDistance(after, before), `${formatRgb(before)} → ${formatRgb(after)}`).toBeGreaterThan(40);
    expect(colorDistance(after, parseColor('#00391a')), `after: ${formatRgb(after)}`).toBeLessThan(colorDistance(before, parseColor('#00391a')));
    expect(await page.$eval(`li.layer[data-layer-id="${COG_LAYER}"] .layer-refresh`, (line) => line.textContent)).toMatch(new RegExp(`^updated at ${HHMM}$`));
    expect(await page.$eval(`li.layer[data-layer-id="${COG_LAYER}"]`, (row) => (row as HTMLElement).dataset.state)).not.toBe('error');
    expect(app.consoleErrors).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
