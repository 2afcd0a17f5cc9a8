// AOI code on demand (issue 15): the first view fetches none of the AOI feature's code; its toolbar
// button (a stand-in labelled like the real one) loads it; terra-draw comes with the first drawing,
// the upload worker with the first file, the polygon union only for a link area that crosses itself;
// a link with `aoi=`, or areas saved in local storage, load the feature at start and the outline is
// drawn on the map. Requests are matched to the build's chunks (dist/.vite/chunks.json).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AoiGeometry } from '../../src/queries/aoi_geometry_types';
import { AoiPersistence } from '../../src/state/aoi_persist';
import { AoiStore } from '../../src/state/aoi_store';
import { baseUrl, clickTool, launchBrowser, openApp, pointOnPage, saveScreenshot, waitForIdle, waitForReady, type AppPage, type GeoveilleWindow } from './harness';
import { openAoiPanel, startDrawing } from './aoi_steps';
import { chunksWith } from './built_chunks';
import { colorDistance, parseColor } from './pixels';

const START = 'map=10/46.35/-72.55&lang=fr';
const BUTTON = 'aoi-toolbar-button';
const OUTLINE = parseColor('#c2185b');

const rectangle: AoiGeometry = { type: 'Polygon', coordinates: [[[-72.75, 46.28], [-72.4, 46.28], [-72.4, 46.42], [-72.75, 46.42], [-72.75, 46.28]]] };
const bowTie: AoiGeometry = { type: 'Polygon', coordinates: [[[-72.7, 46.3], [-72.5, 46.4], [-72.5, 46.3], [-72.7, 46.4], [-72.7, 46.3]]] };

/** The upload worker is its own bundle, not in chunks.json. */
function uploadWorker(): string[] {
  const files = readdirSync(path.join(inject('distDir'), 'assets')).filter((name) => /^aoi_upload_worker-.*\.js$/.test(name));
  if (files.length !== 1) throw new Error(`expected one upload worker file, found ${files.join(', ') || 'none'}`);
  return files.map((name) => `assets/${name}`);
}

/** The requests (in `requests`) for any of these chunk files. */
function fetched(requests: string[], files: string[]): string[] {
  return requests.filter((url) => files.some((file) => new URL(url).pathname.endsWith(`/${file}`)));
}

/** A link's `aoi=` value holding these areas, as another browser wrote it. */
function linkOf(...geometries: AoiGeometry[]): string {
  const writer = new AoiStore(new AoiPersistence(null));
  writer.add(geometries.map((geometry, i) => ({ name: `Zone ${i + 1}`, geometry })));
  return writer.param();
}

/** How the toolbar shows a button: what a user (or a screen reader) can tell apart. */
function describeButton(page: Page) {
  return page.$eval(`#${BUTTON}`, (button) => ({
    text: button.textContent, label: button.getAttribute('aria-label'), title: button.getAttribute('title'),
    expanded: button.getAttribute('aria-expanded'), className: button.className, priority: (button as HTMLElement).dataset.priority,
    place: button.parentElement?.id, icon: button.querySelector('svg')?.outerHTML,
  }));
}

/** Pixels of the outline colour on a horizontal line at `lat` between two longitudes (±2 px rows). */
async function outlinePixels(page: Page, lat: number, west: number, east: number): Promise<{ outline: number; length: number }> {
  const a = await pointOnPage(page, west, lat);
  const b = await pointOnPage(page, east, lat);
  const image = decode(new Uint8Array(await page.screenshot({ type: 'png' })));
  let outline = 0;
  for (let x = Math.round(a.x); x <= Math.round(b.x); x++) {
    let hit = false;
    for (let y = Math.round(a.y) - 2; y <= Math.round(a.y) + 2; y++) {
      const at = (y * image.width + x) * image.channels;
      hit ||= colorDistance([image.data[at]!, image.data[at + 1]!, image.data[at + 2]!], OUTLINE) < 60;
    }
    if (hit) outline++;
  }
  return { outline, length: Math.round(b.x) - Math.round(a.x) + 1 };
}

/** The rectangle's top edge is drawn (dashed: over a third of its length) and its inside is not. */
async function expectRectangleOutline(page: Page): Promise<void> {
  await waitForIdle(page);
  const [west, south, east, north] = [-72.75, 46.28, -72.4, 46.42]; // the rectangle's corners
  const inset = (east - west) * 0.05;
  const edge = await outlinePixels(page, north, west + inset, east - inset);
  expect(edge.outline).toBeGreaterThan(edge.length / 3);
  const inside = await outlinePixels(page, south + (north - south) * 0.25, west + inset, east - inset);
  expect(inside.outline).toBe(0);
}

describe('AOI code on demand', () => {
  let browser: Browser;
  let app: AppPage;
  let feature: string[];
  let draw: string[];
  let union: string[];
  let worker: string[];

  beforeAll(async () => {
    feature = chunksWith(/\/src\/app\/feature_aoi\.ts$/);
    draw = chunksWith(/\/node_modules\/terra-draw\//);
    union = chunksWith(/\/node_modules\/polyclip-ts\//);
    worker = uploadWorker();
    browser = await launchBrowser();
    app = await openApp(browser, START);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should fetch no AOI code for the first view, and load it from a stand-in button that looks like the real one', async () => {
    const { page, requests } = app;
    expect(fetched(requests, [...feature, ...draw, ...union, ...worker])).toEqual([]);
    const standIn = await describeButton(page);
    expect(standIn).toMatchObject({ text: "Zone d'intérêt", expanded: 'false', priority: '2', place: 'tool-row' });
    expect(standIn.icon).toContain('<svg');

    await clickTool(page, BUTTON);
    await page.waitForSelector('#side-sheet:not([hidden]) .aoi-panel');
    expect(fetched(requests, feature)).toHaveLength(1);
    expect(fetched(requests, [...draw, ...union, ...worker])).toEqual([]);
    expect(await describeButton(page)).toEqual({ ...standIn, expanded: 'true' });
    expect(app.pageErrors).toEqual([]);
    console.log(await saveScreenshot(page, 'aoi-lazy-panel'));
  });

  it('should fetch terra-draw with the first drawing only, once', async () => {
    const { page, requests } = app;
    await startDrawing(page, 'rectangle');
    expect(fetched(requests, draw)).toHaveLength(1);
    await page.click('.aoi-draw-cancel');
    await page.waitForSelector('.aoi-draw-button[data-shape="rectangle"][aria-pressed="false"]');
    await startDrawing(page, 'circle');
    await page.click('.aoi-draw-cancel');
    await page.waitForSelector('.aoi-draw-button[data-shape="circle"][aria-pressed="false"]');
    expect(fetched(requests, draw)).toHaveLength(1);
    expect(fetched(requests, [...union, ...worker])).toEqual([]);
  });

  it('should start the upload worker (the file parsers) only for a file', async () => {
    const { page, requests } = app;
    const file = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { nom: 'Secteur' }, geometry: rectangle }] };
    await page.setInputFiles('#aoi-file', { name: 'secteur.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForSelector('.aoi-row');
    expect(fetched(requests, worker)).toHaveLength(1);
    expect(fetched(requests, union)).toEqual([]);
  });
});

describe('AOI feature at start', () => {
  let browser: Browser;
  let feature: string[];
  let draw: string[];
  let union: string[];

  beforeAll(async () => {
    feature = chunksWith(/\/src\/app\/feature_aoi\.ts$/);
    draw = chunksWith(/\/node_modules\/terra-draw\//);
    union = chunksWith(/\/node_modules\/polyclip-ts\//);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should load it for a link with aoi= and draw the outline, then again from local storage alone', async () => {
    const app = await openApp(browser, `${START}&aoi=${linkOf(rectangle)}`);
    expect(fetched(app.requests, feature)).toHaveLength(1);
    expect(fetched(app.requests, [...draw, ...union])).toEqual([]);
    await expectRectangleOutline(app.page);
    console.log(await saveScreenshot(app.page, 'aoi-lazy-link'));

    // Same browser profile, a link without aoi=: the saved area is shown at start, before any click.
    const page = await app.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${baseUrl()}#${START}`);
    await waitForReady(page);
    expect(fetched(requests, feature)).toHaveLength(1);
    await expectRectangleOutline(page);
    await openAoiPanel(page);
    expect(await page.$$eval('.aoi-row .aoi-name', (names) => names.map((name) => name.textContent))).toEqual(['Zone 1']);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('should fetch the polygon union for a link area that crosses itself, and list it repaired', async () => {
    const app = await openApp(browser, `${START}&aoi=${linkOf(rectangle, bowTie)}`);
    await openAoiPanel(app.page);
    await app.page.waitForFunction(() => document.querySelectorAll('.aoi-row').length === 2);
    expect(fetched(app.requests, union)).toHaveLength(1);
    expect(fetched(app.requests, draw)).toEqual([]);
    const names = await app.page.$$eval('.aoi-row .aoi-name', (items) => items.map((item) => item.textContent));
    expect(names).toEqual(['Zone 1', 'Zone 2']);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('should say so when terra-draw cannot be fetched, give the map back, and draw on the next try', async () => {
    const app = await openApp(browser, `${START}&aoi=${linkOf(rectangle)}`);
    const { page } = app;
    let refused = 0;
    const drawFile = `**/${draw[0]}`;
    await page.route(drawFile, (route) => {
      refused++;
      return route.abort('internetdisconnected');
    });
    await openAoiPanel(page);
    await page.click('.aoi-draw-button[data-shape="rectangle"]');
    await page.waitForSelector('.aoi-status[data-kind="error"]');
    expect(refused).toBe(1);
    expect(await page.textContent('.aoi-status')).toBe('L’outil de dessin n’a pas pu être chargé (connexion interrompue ?). Réessayez.');
    expect(await page.$$eval('.aoi-draw-button[aria-pressed="true"]', (buttons) => buttons.length)).toBe(0);
    expect(await page.evaluate(() => (window as GeoveilleWindow).__geoveille!.context.mapInput.mode)).toBe('browse');
    await page.unroute(drawFile);
    await startDrawing(page, 'rectangle');
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
