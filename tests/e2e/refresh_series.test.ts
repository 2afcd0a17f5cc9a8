// Live update of a series layer keeps the date the map shows: the demo 2019 flood extent, each
// date's COG served from a temp folder (page.route) with refresh: 2 s, shown on 20 April (not
// its default 4 May). A new 4 May file changes nothing on screen (the map does not jump to the
// default date) but 4 May shows the new file once chosen; a new 20 April file redraws 20 April.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorAt, launchBrowser, openApp, saveScreenshot, waitForIdle, type AppPage, type GeoveilleWindow, colorWhen, waitForSettled, perFileCatalogue } from './harness';
import { colorDistance, formatRgb, type Rgb } from './pixels';
import { findFloodPoint, FLOOD_LAYER, type FloodPoint } from './series_fixture';
import { readLayer } from './app_data';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const LIVE_DIR = 'data/live-series/';
const SAME = 30;
const CHANGED = 40;
const demoFile = (date: string) => path.join(repoRoot, `public/data/etendue_crue_${date}.tif`);

/** Serves a folder like a static host: HEAD, Range, ETag from the content (as refresh.test.ts's LiveFile). */
class LiveFolder {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'geoveille-live-series-'));

  /** Removes the folder and its files (afterAll). */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  put(name: string, source: string): void {
    copyFileSync(source, path.join(this.dir, name));
  }

  async handle(route: Route): Promise<void> {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const file = path.join(this.dir, name);
    const body = readFileSync(file);
    const headers: Record<string, string> = {
      'Accept-Ranges': 'bytes',
      ETag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
      'Last-Modified': statSync(file).mtime.toUTCString(),
      'Content-Type': 'application/octet-stream',
    };
    if (route.request().method() === 'HEAD') return route.fulfill({ status: 200, headers: { ...headers, 'Content-Length': String(body.length) } });
    const range = /bytes=(\d+)-(\d+)/.exec(route.request().headers().range ?? '');
    if (!range) return route.fulfill({ status: 200, headers, body });
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), body.length - 1);
    return route.fulfill({ status: 206, headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${body.length}` }, body: body.subarray(start, end + 1) });
  }
}

/** The app page reads the series layer and its files from `live`. */
function liveRoutes(live: LiveFolder) {
  return {
    beforeGoto: async (page: Page) => {
      await perFileCatalogue(page);
      await page.route(`**/layers/${FLOOD_LAYER}.json`, liveSeriesLayer);
      await page.route(`**/${LIVE_DIR}*`, (route) => live.handle(route));
    },
  };
}

/** The series layer as the server has it: every date's file in the live folder, refresh: 2 s. */
async function liveSeriesLayer(route: Route): Promise<void> {
  const response = await route.fetch();
  const def = await response.json() as { source: { url: string; series: Array<{ date: string; url: string }> }; refresh?: number };
  const live = (url: string) => `${LIVE_DIR}${url.split('/').pop()}`;
  def.source.url = live(def.source.url);
  def.source.series = def.source.series.map((entry) => ({ ...entry, url: live(entry.url) }));
  def.refresh = 2;
  await route.fulfill({ response, json: def });
}

/** Records every reload the app tells ('layer-reloaded' on its events, through the test hook). */
async function recordReloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __reloads: string[] }).__reloads = seen;
    (window as GeoveilleWindow).__geoveille!.context.events.on('layer-reloaded', ({ url }) => seen.push(url));
  });
}

/** Reloads the page has seen so far ('layer-reloaded'), to wait for the next one. */
async function reloadCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __reloads?: string[] }).__reloads?.length ?? 0);
}

async function waitForReload(page: Page, after: number, file: string): Promise<void> {
  await page.waitForFunction(([count, name]) => {
    const reloads = (window as unknown as { __reloads?: string[] }).__reloads ?? [];
    return reloads.slice(count as number).some((url) => url.includes(name as string));
  }, [after, file] as const, { timeout: 20_000 });
  await waitForSettled(page);
}

async function showDate(page: Page, date: string): Promise<void> {
  // The app's own hashchange listener was added first, so it has run when this one resolves.
  await page.evaluate((value) => new Promise<void>((resolve) => {
    window.addEventListener('hashchange', () => resolve(), { once: true });
    location.hash = location.hash.replace(/time=[^&]+/, `time=${value}`);
  }), date);
  await page.waitForFunction(() => document.querySelector('#time-label .time-map-label-time') !== null);
  await waitForSettled(page);
}

describe('near-real-time series layer keeps its date', () => {
  let browser: Browser;
  let app: AppPage;
  let point: FloodPoint;
  let dry: Rgb;
  const live = new LiveFolder();
  const dates = readLayer(FLOOD_LAYER).source.series!.map((entry) => entry.date);
  const [first, second, third] = dates as [string, string, string];
  const name = (date: string) => `etendue_crue_${date}.tif`;

  beforeAll(async () => {
    expect(readLayer(FLOOD_LAYER).source.url).toContain(third); // the default date is not the one shown
    // Dry on the first date, water on the second and third.
    point = await findFloodPoint((v) => v[0] === 0 && v[1] === 1 && v[2] === 1, 'is dry first, then water on the next two dates');
    for (const date of dates) live.put(name(date), demoFile(date));
    browser = await launchBrowser();
    app = await openApp(browser, `map=16/${point.lat}/${point.lon}&lang=fr&layers=${FLOOD_LAYER}&time=${first}`, liveRoutes(live));
    await recordReloads(app.page);
    await waitForSettled(app.page);
    dry = await colorAt(app.page, point.lon, point.lat);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    live.remove();
  });

  it('should stay on the date shown when the default date\'s file changes', async () => {
    const { page } = app;
    const before = await reloadCount(page);
    live.put(name(third), demoFile(second)); // water at the point: a jump to the default date would show it
    await waitForReload(page, before, name(third));
    const after = await colorAt(page, point.lon, point.lat);
    expect(colorDistance(after, dry), `${first}: ${formatRgb(dry)} → ${formatRgb(after)}`).toBeLessThan(SAME);
    expect(await page.evaluate(() => location.hash)).toContain(`time=${first}`);
    console.log(await saveScreenshot(page, 'refresh-series-kept-date'));
  }, 60_000);

  it('should show the new file of a date reloaded while another date was shown', async () => {
    const { page } = app;
    const before = await reloadCount(page);
    live.put(name(third), demoFile(first)); // dry at the point now, where the old file had water
    await waitForReload(page, before, name(third));
    await showDate(page, third);
    const shown = await colorAt(page, point.lon, point.lat);
    expect(colorDistance(shown, dry), `${third} (new file, dry): ${formatRgb(shown)} vs dry ${formatRgb(dry)}`).toBeLessThan(SAME);
    await showDate(page, first);
  }, 60_000);

  it('should redraw the date shown when its own file changes', async () => {
    const { page } = app;
    const before = await reloadCount(page);
    live.put(name(first), demoFile(second)); // water at the point on the date shown
    await waitForReload(page, before, name(first));
    const after = await colorAt(page, point.lon, point.lat);
    expect(colorDistance(after, dry), `${first} (new file, water): ${formatRgb(dry)} → ${formatRgb(after)}`).toBeGreaterThan(CHANGED);
    expect(await page.evaluate(() => location.hash)).toContain(`time=${first}`);
    console.log(await saveScreenshot(page, 'refresh-series-redrawn'));
  }, 60_000);

  it('should have logged no errors', () => {
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleErrors.filter((text) => !/Failed to load resource/.test(text))).toEqual([]);
  });
});

describe('near-real-time series layer on the compare map keeps the right date', () => {
  let browser: Browser;
  let app: AppPage;
  let point: FloodPoint;
  let wet: Rgb;
  const live = new LiveFolder();
  const dates = readLayer(FLOOD_LAYER).source.series!.map((entry) => entry.date);
  const [first, second, third] = dates as [string, string, string];
  const name = (date: string) => `etendue_crue_${date}.tif`;

  beforeAll(async () => {
    point = await findFloodPoint((v) => v[0] === 0 && v[1] === 1 && v[2] === 1, 'is dry first, then water on the next two dates');
    for (const date of dates) live.put(name(date), demoFile(date));
    browser = await launchBrowser();
    // swipe=0: the right map (second date, water at the point) covers the whole map.
    app = await openApp(browser, `map=16/${point.lat}/${point.lon}&lang=fr&layers=${FLOOD_LAYER}&time=${first}`
      + `&compare=${FLOOD_LAYER}|${FLOOD_LAYER}&swipe=0&rtime=${second}`, liveRoutes(live));
    await recordReloads(app.page);
    await waitForSettled(app.page);
    wet = await colorAt(app.page, point.lon, point.lat);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    live.remove();
  });

  it('should keep the right map on its date when the default file changes, and redraw it when its own does', async () => {
    const { page } = app;
    let before = await reloadCount(page);
    live.put(name(third), demoFile(first)); // dry: a jump to the default date would show it
    await waitForReload(page, before, name(third));
    // Stays: both maps have redrawn after the reload (waitForReload waits for both to be idle),
    // so a jump to the default date would show now.
    const kept = await colorAt(page, point.lon, point.lat);
    expect(colorDistance(kept, wet), `right map on ${second}: ${formatRgb(wet)} → ${formatRgb(kept)}`).toBeLessThan(SAME);

    before = await reloadCount(page);
    live.put(name(second), demoFile(first)); // the right map's own date, dry now
    await waitForReload(page, before, name(second));
    const redrawn = await colorWhen(page, point.lon, point.lat, (c) => colorDistance(c, wet) > CHANGED, `right map on ${second} after its file changed`);
    console.log(`right map ${second}: ${formatRgb(wet)} → ${formatRgb(redrawn)}`, await saveScreenshot(page, 'refresh-series-compare'));
    expect(app.pageErrors).toEqual([]);
  }, 90_000);
});
