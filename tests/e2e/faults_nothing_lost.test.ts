// Nothing lost: the view, layers, language and AOIs of a session come back when the bare address
// is opened again in the same browser, after a layer failed; a link keeps its own state.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, VIEWPORT, waitForIdle, waitForReady, perFileCatalogue } from './harness';

const FAILING = 'perturbations-naturelles';
const AOI_NAME = 'Secteur du test';
const AOI = {
  type: 'Feature', properties: { name: AOI_NAME },
  geometry: { type: 'Polygon', coordinates: [[[-72.57, 46.34], [-72.53, 46.34], [-72.53, 46.36], [-72.57, 46.36], [-72.57, 46.34]]] },
};

describe('nothing lost across a reload', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let before = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT });
    page = await context.newPage();
    await perFileCatalogue(page);
    await page.route(`**/layers/${FAILING}.json`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('should keep the session in storage after a layer failed and an AOI was added', async () => {
    await page.goto(`${baseUrl()}#map=12/46.35/-72.55&lang=en&layers=zones-inondables,${FAILING}`);
    await waitForReady(page);
    await page.waitForSelector(`#layer-panel li.layer[data-layer-id="${FAILING}"][data-state="error"]`);
    await page.click('#aoi-toolbar-button');
    await page.setInputFiles('#aoi-file', { name: 'secteur.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(AOI)) });
    await page.waitForFunction((name) => (document.querySelector('#side-sheet')?.textContent ?? '').includes(name), AOI_NAME);
    // The AOI is in the link, and the session saved (debounced) is that link.
    await page.waitForFunction(() => !document.documentElement.dataset.hashPending && location.hash.includes('aoi=')
      && localStorage.getItem('geoveille.session.hash') === location.hash, undefined, { timeout: 10_000 });
    before = decodeURIComponent(await page.evaluate(() => location.hash));
    expect(before).toContain('lang=en');
    expect(await page.evaluate(() => localStorage.getItem('geoveille.session.hash'))).toBe(await page.evaluate(() => location.hash));
  });

  it('should keep a layer whose file failed in the link', () => {
    expect(before).toContain(FAILING);
  });

  it('should bring the view, layers, language and AOI back at the bare address', async () => {
    await page.goto(baseUrl());
    await waitForReady(page);
    await waitForIdle(page);
    const hash = decodeURIComponent(await page.evaluate(() => location.hash));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(hash.match(/map=[^&]+/)?.[0]).toBe(before.match(/map=[^&]+/)?.[0]);
    expect(hash.match(/layers=[^&]*/)?.[0]).toBe(before.match(/layers=[^&]*/)?.[0]);
    expect(hash).toContain('zones-inondables');
    expect(await page.isChecked('#toggle-zones-inondables')).toBe(true);
    await page.click('#aoi-toolbar-button');
    await page.waitForFunction((name) => (document.querySelector('#side-sheet')?.textContent ?? '').includes(name), AOI_NAME, { timeout: 10_000 });
  });

  it('should let a link with its own hash win over the saved session', async () => {
    // same page, another hash: applied without a reload, the language once its strings are in
    await page.goto(`${baseUrl()}#map=8/47/-71&lang=fr`);
    await waitForReady(page);
    await page.waitForFunction(() => document.documentElement.lang === 'fr', undefined, { timeout: 10_000 });
    expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('map=8/47/-71');
  });
});
