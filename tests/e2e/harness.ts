// Shared browser-test helpers: launch Debian's chromium, open the app at a hash, wait until
// it is ready and the map idle, record errors and requests, read pixel colours at lon/lat.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppContext } from '../../src/app/context';
import { inject } from 'vitest';
import { averagePatch, type Rgb } from './pixels';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-gpu-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * What the e2e build (`vite build --mode e2e`) exposes for tests: the map and the app context
 * (events, commands, map input). A cast, not a global declaration, so src/ stays free to declare its own.
 */
export type GeoveilleWindow = Window & { __geoveille?: { map: MapLibreMap; context: AppContext } };

export const VIEWPORT = { width: 1280, height: 800 };
export const screenshotDir = path.resolve(import.meta.dirname, 'screenshots');

export function baseUrl(): string {
  return inject('baseUrl');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page of the app plus everything it reported. */
export interface AppPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  pageErrors: string[];
  /** Every request URL, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Runs before navigation, e.g. to install page.route() interceptions. */
  beforeGoto?: (page: Page) => Promise<unknown>;
  /** Skip waiting for ready + idle (for tests of the loading itself). */
  noWait?: boolean;
  /** Context options other than the desktop default (e.g. a phone's viewport, touch). */
  context?: BrowserContextOptions;
}

/** A 375 × 667 phone with touch, as the mobile tests use it. */
export const PHONE_CONTEXT: BrowserContextOptions = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

/** Opens the app at `#hash` (without the '#') in a fresh context, waits for ready and idle. */
export async function openApp(browser: Browser, hash = '', options: OpenOptions = {}): Promise<AppPage> {
  const context = await browser.newContext(options.context ?? { viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const app: AppPage = {
    page, context, consoleErrors: [], pageErrors: [], requests: [],
    close: () => context.close(),
  };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    app.consoleErrors.push(message.text());
    // a UI string shown as its key (src/i18n: asked before its block loaded, or never written)
    if (message.text().startsWith('missing UI string')) app.pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => app.pageErrors.push(String(error)));
  page.on('request', (request) => app.requests.push(request.url()));
  await page.addInitScript(recordNotices);
  await options.beforeGoto?.(page);
  await page.goto(`${baseUrl()}${hash ? `#${hash}` : ''}`);
  if (!options.noWait) {
    await waitForReady(page);
    await waitForLayers(page);
    await waitForIdle(page);
  }
  return app;
}

/** Runs in the page before its scripts: keeps every notice's text, as notices expire. */
function recordNotices(): void {
  const seen: string[] = [];
  Object.assign(window, { __seenNotices: seen });
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof HTMLElement && node.matches('#notices .notice')) seen.push(node.textContent ?? '');
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Texts of every notice shown since the page opened (even those already dismissed). */
export async function seenNotices(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as Window & { __seenNotices?: string[] }).__seenNotices ?? [])]);
}

/**
 * The app reads catalogue.json and each layer file instead of the build's one-request bundle
 * (src/catalogue/bundle.ts): for tests that serve their own version of a layer file.
 */
export async function perFileCatalogue(page: Page): Promise<void> {
  // an answer that is no bundle, as from a host without one (a 404 would log a console error)
  await page.route('**/layers/catalogue.bundle.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
}

/**
 * The first view is drawn (`data-ready`) and the features loaded after it are mounted
 * (`data-features`, src/app/ready.ts): identify, verdict, time, search… answer from here on.
 */
export async function waitForReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => {
    const { dataset } = document.documentElement;
    return dataset.ready === 'true' && dataset.features === 'mounted';
  }, undefined, { timeout });
}

/** Only the first view: `data-ready`, before the deferred features (tests of the first load). */
export async function waitForFirstView(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout });
}

/** Waits until no panel row is still loading; names the stuck rows on timeout. */
export async function waitForLayers(page: Page, timeout = 60_000): Promise<void> {
  const loading = '#layer-panel li.layer[data-state="loading"]';
  try {
    await page.waitForFunction((selector) => !document.querySelector(selector), loading, { timeout });
  } catch {
    const stuck = await page.$$eval(loading, (rows) => rows.map((row) => (row as HTMLElement).dataset.layerId));
    throw new Error(`layers still loading after ${timeout} ms: ${stuck.join(', ')}`);
  }
}

/** Resolves on the map's next 'idle' (everything loaded, nothing moving). */
export async function waitForIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.evaluate((ms) => new Promise<void>((resolve, reject) => {
    const map = (window as GeoveilleWindow).__geoveille?.map;
    if (!map) return reject(new Error('window.__geoveille.map is missing'));
    const timer = setTimeout(() => reject(new Error(`map not idle after ${ms} ms`)), ms);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
    // 'idle' fires on a rendered frame; ask for one in case the map is already idle.
    map.triggerRepaint();
  }), timeout);
}

/** Requests that left the app's own origin (data: and blob: URLs are local). */
export function foreignRequests(requests: string[]): string[] {
  const origin = new URL(baseUrl()).origin;
  return requests.filter((url) => {
    const parsed = new URL(url);
    return !['data:', 'blob:'].includes(parsed.protocol) && parsed.origin !== origin;
  });
}

/** Page coordinates (CSS px) of a lon/lat on the map. */
export async function pointOnPage(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([lng, lt]) => {
    const map = (window as GeoveilleWindow).__geoveille!.map;
    const point = map.project([lng, lt]);
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, [lon, lat] as const);
}

/** Screenshot, then the average colour of the 3×3 patch at lon/lat. */
export async function colorAt(page: Page, lon: number, lat: number): Promise<Rgb> {
  const { x, y } = await pointOnPage(page, lon, lat);
  const png = await page.screenshot({ type: 'png' });
  return averagePatch(new Uint8Array(png), x, y);
}

/** Saves a screenshot under tests/e2e/screenshots/ (git-ignored) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  writeFileSync(file, await page.screenshot({ type: 'png' }));
  return file;
}

/** A layer file as the app serves it (layers/<id>.json next to the page). */
export async function fetchJson<T>(page: Page, relativeUrl: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  }, relativeUrl) as Promise<T>;
}

/**
 * Clicks a header tool by its button id. Less-used tools live in the "Plus / More" menu
 * (src/ui/toolbar.ts): when the button is not shown, the menu is opened first.
 */
export async function clickTool(page: Page, buttonId: string, options: { tap?: boolean } = {}): Promise<void> {
  const selector = `#${buttonId}`;
  const press = (target: string) => (options.tap ? page.tap(target) : page.click(target));
  if (!(await page.isVisible(selector))) {
    await press('#tools-more-button');
    await page.waitForSelector(selector, { state: 'visible' });
  }
  await press(selector);
  // A tool's code is fetched on its first use: wait until it is there and has run the click.
  await page.waitForFunction(() => document.documentElement.dataset.toolLoading === undefined);
}

/** Waits until the app has written its state to the URL hash (`data-hash-pending` is gone). */
export async function waitForHashWritten(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => !document.documentElement.dataset.hashPending, undefined, { timeout });
}

/** After a change of state: the hash is written, no layer is loading and the maps have drawn it. */
export async function waitForSettled(page: Page): Promise<void> {
  await waitForHashWritten(page);
  await waitForLayers(page);
  await waitForIdle(page);
  if (await page.$('.compare-map')) await waitForCompareIdle(page);
}

/** Waits until the comparison's right map has drawn everything asked of it (`data-idle`). */
export async function waitForCompareIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('.compare-map[data-idle]', { state: 'attached', timeout });
}

/** Resolves after the browser's next animation frame (a frame, not a fixed delay). */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

/**
 * The colour at lon/lat once `ok` holds, read after each drawn frame: for changes that reach the
 * screen a few frames after the maps report idle (a raster tile fading in). Throws naming `what`.
 */
export async function colorWhen(page: Page, lon: number, lat: number, ok: (colour: Rgb) => boolean, what: string, timeout = 30_000): Promise<Rgb> {
  await waitForSettled(page);
  const deadline = Date.now() + timeout;
  let colour = await colorAt(page, lon, lat);
  while (!ok(colour) && Date.now() < deadline) {
    await nextFrame(page);
    colour = await colorAt(page, lon, lat);
  }
  if (!ok(colour)) throw new Error(`${what}: the point stayed rgb(${colour.join(', ')})`);
  return colour;
}

/** Waits until every layer section of the AOI report has its numbers (each body is aria-busy until then). */
export async function waitForReportDone(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(() => {
    const bodies = [...document.querySelectorAll('#side-sheet[data-content="report"] .report-body')];
    return bodies.length > 0 && bodies.every((body) => body.getAttribute('aria-busy') === 'false');
  }, undefined, { timeout });
}
