// Big AOI uploads are read in a Web Worker: from the file chosen until a 250 000-vertex area is in
// the list and on the map, timers on the page keep firing (no main-thread gap of 500 ms, the add
// included), the reading can be cancelled, a corrupt file gives a clear error without losing any
// area, and a reload brings the area back (at link precision: it is too big for localStorage).
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot, seenNotices, waitForIdle, waitForReady, type AppPage } from './harness';
import { openAoiPanel } from './aoi_steps';

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

const rowNames = (page: Page) => page.$$eval('.aoi-row .aoi-name', (items) => items.map((item) => item.textContent ?? ''));

/**
 * Starts a 10 ms timer chain (its gaps are what the user feels as a frozen page) and a long-task
 * observer (Chromium's own measure of main-thread tasks over 50 ms). Both count from the first
 * tick where the AOI status says "busy": before it, playwright itself builds the 10 MB File in the
 * page (seconds of main-thread work a user's file picker does not do).
 */
async function watchMainThread(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = { ticks: [] as Array<{ time: number; busy: boolean }>, longTasks: [] as Array<{ start: number; duration: number }>, running: true };
    Object.assign(window, { __tickWatch: state });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    const tick = () => {
      state.ticks.push({ time: performance.now(), busy: document.querySelector('.aoi-status')?.getAttribute('data-kind') === 'busy' });
      if (state.running) setTimeout(tick, 10);
    };
    tick();
  });
}

/** Longest tick gap and longest task from the first "busy" tick to now, and the time that covers. */
async function mainThreadGaps(page: Page): Promise<{ maxGap: number; longestTask: number; ticks: number; spanMs: number }> {
  return page.evaluate(() => {
    type Watch = { ticks: Array<{ time: number; busy: boolean }>; longTasks: Array<{ start: number; duration: number }>; running: boolean };
    const state = (window as unknown as { __tickWatch: Watch }).__tickWatch;
    state.running = false;
    const first = state.ticks.findIndex((tick) => tick.busy);
    if (first < 0) return { maxGap: Infinity, longestTask: Infinity, ticks: 0, spanMs: NaN };
    const times = state.ticks.slice(first).map((tick) => tick.time);
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    const tasks = state.longTasks.filter((task) => task.start + task.duration > times[0]!).map((task) => task.duration);
    return { maxGap: Math.max(0, ...gaps), longestTask: Math.max(0, ...tasks), ticks: times.length, spanMs: times.at(-1)! - times[0]! };
  });
}

/** True once the map's AOI outline source holds the named area and the map has drawn it. */
async function waitForOutline(page: Page, name: string): Promise<void> {
  await page.waitForFunction((expected) => {
    const map = (window as unknown as { __geoveille?: { map: { querySourceFeatures(id: string): Array<{ properties: { name?: string } }>; loaded(): boolean } } }).__geoveille?.map;
    return Boolean(map?.loaded() && map.querySourceFeatures('geoveille-aoi').some((f) => f.properties.name === expected));
  }, name, { timeout: 60_000 });
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
    await openAoiPanel(app.page);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should let the user cancel a long reading, adding nothing', async () => {
    const { page } = app;
    // The worker's script is held until Cancel is pressed, so the reading is surely still running
    // when the click lands (on a fast machine the whole reading can end before a click).
    const held: Route[] = [];
    const workerScript = /aoi_upload_worker[^/]*\.js/;
    await page.context().route(workerScript, (route) => void held.push(route));
    try {
      await page.setInputFiles('#aoi-file', { name: 'annulé.geojson', mimeType: 'application/geo+json', buffer: big });
      await page.waitForSelector('.aoi-status[data-kind="busy"] .aoi-status-action');
      expect(await page.textContent('.aoi-status')).toMatch(/Lecture de « annulé\.geojson »/);
      console.log(await saveScreenshot(page, 'aoi-upload-worker-reading'));
      await page.click('.aoi-status-action');
      expect(await statusFor(page, 'annulé.geojson', 'info')).toContain('Lecture de « annulé.geojson » annulée.');
      expect(held.length, 'the worker script was held while the reading was cancelled').toBeGreaterThan(0);
    } finally {
      await page.context().unroute(workerScript);
      await Promise.all(held.map((route) => route.continue().catch(() => undefined)));
    }
    expect(await rowNames(page)).toEqual([]);
  });

  it('should read and add a 250 000-vertex polygon while the page keeps running, then list and draw it', async () => {
    const { page } = app;
    const rowsBefore = (await rowNames(page)).length; // a retry must not count the first try's row
    await watchMainThread(page);
    await page.setInputFiles('#aoi-file', { name: 'grand.geojson', mimeType: 'application/geo+json', buffer: big });
    await page.waitForFunction((count) => document.querySelectorAll('.aoi-row').length === count + 1, rowsBefore, { timeout: 120_000 });
    await waitForOutline(page, 'Grand secteur');
    const timing = await mainThreadGaps(page);
    console.log(`250k-vertex upload, reading started to area listed and drawn: ${Math.round(timing.spanMs)} ms, ${timing.ticks} timer ticks, ` +
      `longest main-thread gap ${Math.round(timing.maxGap)} ms, longest task ${Math.round(timing.longestTask)} ms`);
    expect(timing.maxGap).toBeLessThan(500);
    expect(timing.ticks).toBeGreaterThan(10);
    expect(app.requests.some((url) => /aoi_upload_worker[^/]*\.js/.test(url))).toBe(true);
    expect(await rowNames(page)).toEqual(['Grand secteur']);
    expect(await statusFor(page, 'grand.geojson', 'info')).toContain('« grand.geojson » : 1 zone(s) ajoutée(s).');
    expect((await seenNotices(page)).join('\n')).toContain('trop grande(s) pour le stockage local (1)');
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

  it('should bring the big area back after a reload, at link precision', async () => {
    const { page } = app;
    expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('aoi=');
    await page.reload();
    await waitForReady(page);
    await waitForIdle(page);
    await openAoiPanel(page);
    expect(await rowNames(page)).toEqual(['Grand secteur']);
    await waitForOutline(page, 'Grand secteur');
    expect((await seenNotices(page)).join('\n')).toContain('1 zone(s) d\'intérêt en version simplifiée');
    expect(app.pageErrors).toEqual([]);
  });
});
