// Big AOI uploads are read in a Web Worker: while a 250 000-vertex GeoJSON is parsed and checked,
// timers on the page keep firing (the tab does not freeze), the reading can be cancelled, the
// area is listed when done, and a corrupt file gives a clear error without losing any area.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot, type AppPage } from './harness';

const START = 'map=9/46.35/-72.55&lang=fr';
const VERTICES = 250_000;

/** A wavy (valid, non-self-intersecting) ring of n vertices around the demo river. */
function bigPolygonGeojson(n: number): Buffer {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const angle = (i / n) * 2 * Math.PI;
    const radius = 0.1 * (1 + 0.2 * Math.sin(angle * 50));
    ring.push([-72.55 + radius * Math.cos(angle), 46.35 + radius * Math.sin(angle) * 0.7]);
  }
  ring.push(ring[0]!);
  const feature = { type: 'Feature', properties: { nom: 'Grand secteur' }, geometry: { type: 'Polygon', coordinates: [ring] } };
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
}

async function openPanel(page: Page): Promise<void> {
  if (await page.$('#side-sheet:not([hidden]) .aoi-panel')) return;
  await page.click('#aoi-toolbar-button');
  await page.waitForSelector('#side-sheet:not([hidden]) .aoi-panel');
}

const rowNames = (page: Page) => page.$$eval('.aoi-row .aoi-name', (items) => items.map((item) => item.textContent ?? ''));

/** Starts a 10 ms timer chain that also notes, at each tick, whether the AOI status says "busy". */
async function watchMainThread(page: Page): Promise<void> {
  await page.evaluate(() => {
    const ticks: Array<{ time: number; busy: boolean }> = [];
    const state = { ticks, running: true };
    Object.assign(window, { __tickWatch: state });
    const tick = () => {
      ticks.push({ time: performance.now(), busy: document.querySelector('.aoi-status')?.getAttribute('data-kind') === 'busy' });
      if (state.running) setTimeout(tick, 10);
    };
    tick();
  });
}

/**
 * Longest gap between timer ticks while the worker reads the file (between "busy" ticks), the
 * reading time, and the last gap: the worker's answer handled and the area added to the store,
 * the map and the link on the main thread (the status leaves "busy" at its end).
 */
async function readingGaps(page: Page): Promise<{ maxGap: number; ticks: number; readMs: number; maxGapAfter: number }> {
  return page.evaluate(() => {
    const state = (window as unknown as { __tickWatch: { ticks: Array<{ time: number; busy: boolean }>; running: boolean } }).__tickWatch;
    state.running = false;
    const first = state.ticks.findIndex((tick) => tick.busy);
    const end = state.ticks.findIndex((tick, i) => i > first && !tick.busy);
    if (first < 0 || end < 0) return { maxGap: Infinity, ticks: 0, readMs: NaN, maxGapAfter: NaN };
    const times = state.ticks.map((tick) => tick.time);
    const gaps = (list: number[]) => list.slice(1).map((time, i) => time - list[i]!);
    const during = times.slice(first, end);
    return {
      maxGap: Math.max(0, ...gaps(during)), ticks: during.length, readMs: times[end - 1]! - times[first]!,
      maxGapAfter: times[end]! - times[end - 1]!,
    };
  });
}

/** Waits until the status names this file with this kind of message. */
async function statusFor(page: Page, file: string, kind: 'info' | 'error'): Promise<string> {
  await page.waitForFunction(({ name, expected }) => {
    const status = document.querySelector('.aoi-status');
    return status?.getAttribute('data-kind') === expected && Boolean(status.textContent?.includes(name));
  }, { name: file, expected: kind }, { timeout: 60_000 });
  return (await page.textContent('.aoi-status')) ?? '';
}

describe('AOI upload in a worker', () => {
  let browser: Browser;
  let app: AppPage;
  const big = bigPolygonGeojson(VERTICES);

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, START);
    await openPanel(app.page);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should let the user cancel a long reading, adding nothing', async () => {
    const { page } = app;
    await page.setInputFiles('#aoi-file', { name: 'annulé.geojson', mimeType: 'application/geo+json', buffer: big });
    await page.waitForSelector('.aoi-status[data-kind="busy"] .aoi-status-action');
    expect(await page.textContent('.aoi-status')).toContain('Lecture de « annulé.geojson »');
    console.log(await saveScreenshot(page, 'aoi-upload-worker-reading'));
    await page.click('.aoi-status-action');
    expect(await statusFor(page, 'annulé.geojson', 'info')).toContain('Lecture de « annulé.geojson » annulée.');
    expect(await rowNames(page)).toEqual([]);
  });

  it('should read a 250 000-vertex polygon while the page keeps running, then list it', async () => {
    const { page } = app;
    await watchMainThread(page);
    await page.setInputFiles('#aoi-file', { name: 'grand.geojson', mimeType: 'application/geo+json', buffer: big });
    await page.waitForSelector('.aoi-status[data-kind="busy"]');
    await page.waitForFunction(() => document.querySelectorAll('.aoi-row').length === 1, undefined, { timeout: 120_000 });
    const timing = await readingGaps(page);
    console.log(`250k-vertex upload: read in ${Math.round(timing.readMs)} ms, ${timing.ticks} timer ticks, ` +
      `longest main-thread gap while reading ${Math.round(timing.maxGap)} ms; then adding it (list, map, link) held the main thread ${Math.round(timing.maxGapAfter)} ms`);
    expect(timing.maxGap).toBeLessThan(500);
    expect(timing.ticks).toBeGreaterThan(10);
    expect(app.requests.some((url) => /aoi_upload_worker[^/]*\.js/.test(url))).toBe(true);
    expect(await rowNames(page)).toEqual(['Grand secteur']);
    expect(await statusFor(page, 'grand.geojson', 'info')).toContain('« grand.geojson » : 1 zone(s) ajoutée(s).');
    console.log(await saveScreenshot(page, 'aoi-upload-worker-big'));
  });

  it('should refuse a corrupt file with a clear error and keep the existing areas', async () => {
    const { page } = app;
    await page.setInputFiles('#aoi-file', { name: 'cassé.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type": "FeatureCollection", "features": [') });
    expect(await statusFor(page, 'cassé.geojson', 'error')).toContain('« cassé.geojson » : fichier illisible');
    await page.setInputFiles('#aoi-file', { name: 'points.kml', mimeType: 'application/vnd.google-earth.kml+xml', buffer: Buffer.from('<kml><Document><Placemark><Point><coordinates>-72.5,46.3</coordinates></Point></Placemark></Document></kml>') });
    expect(await statusFor(page, 'points.kml', 'error')).toContain('« points.kml » : aucun polygone');
    expect(await rowNames(page)).toEqual(['Grand secteur']);
    expect(app.pageErrors).toEqual([]);
  });
});
