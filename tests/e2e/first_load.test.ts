// First load (issue 15): the catalogue comes in one request (the build's bundle), the map and its
// basemap start while it loads, and the fire layer's times come from its built layer file, not
// from its whole GeoJSON.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, waitForReady, type AppPage } from './harness';

/** Holds the catalogue's answer until the page asked for the basemap (true), or 15 s (false). */
async function holdCatalogueUntilBasemap(page: Page): Promise<() => boolean> {
  let basemapFirst = false;
  let asked!: () => void;
  const basemapAsked = new Promise<void>((resolve) => { asked = resolve; });
  page.on('request', (request) => {
    if (request.url().endsWith('/data/basemap.pmtiles')) asked();
  });
  await page.route('**/layers/catalogue.bundle.json', async (route) => {
    let giveUp!: ReturnType<typeof setTimeout>;
    basemapFirst = await Promise.race([
      basemapAsked.then(() => true),
      new Promise<boolean>((resolve) => { giveUp = setTimeout(() => resolve(false), 15_000); }),
    ]);
    clearTimeout(giveUp);
    await route.continue();
  });
  return () => basemapFirst;
}

describe('first load', () => {
  let browser: Browser;
  let app: AppPage;
  let beforeReady: string[];
  let basemapFirst: () => boolean = () => false;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, '', {
      noWait: true,
      beforeGoto: async (page) => { basemapFirst = await holdCatalogueUntilBasemap(page); },
    });
    await waitForReady(app.page);
    beforeReady = app.requests.map((url) => new URL(url).pathname);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should ask for the basemap while the catalogue is still loading', () => {
    expect(basemapFirst()).toBe(true);
  });

  it('should read the catalogue in one request (plus the user imports list and the basemap list the build checked)', () => {
    const catalogueFiles = beforeReady.filter((path) => path.includes('/layers/')).map((path) => path.slice(path.indexOf('/layers/')));
    expect(catalogueFiles.sort()).toEqual(['/layers/basemaps/basemaps.checked.json', '/layers/catalogue.bundle.json', '/layers/local/catalogue.json']);
  });

  it('should start the catalogue request from the page\'s preload, before the app code runs, and fetch it once', async () => {
    const entries = await app.page.evaluate(() => performance.getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('/layers/catalogue.bundle.json'))
      .map((entry) => (entry as PerformanceResourceTiming).initiatorType));
    expect(entries).toEqual(['link']);
    expect(beforeReady.filter((path) => path.endsWith('/layers/catalogue.bundle.json'))).toHaveLength(1);
  });

  it('should show every catalogue layer in the panel, none in error', async () => {
    const bundle = await app.page.evaluate(async () => (await (await fetch('layers/catalogue.bundle.json')).json()) as { catalogue: { layers: string[] } });
    const rows = await app.page.$$eval('#layer-panel li.layer', (items) => items.map((li) => (li as HTMLElement).dataset.layerId));
    expect(rows.sort()).toEqual([...bundle.catalogue.layers].sort());
    expect(await app.page.$$('#layer-panel li.layer[data-state="error"]')).toHaveLength(0);
  });

  it('should reach ready without reading the fire layer\'s GeoJSON, with its years on the time control', async () => {
    expect(beforeReady.filter((path) => path.endsWith('/data/perturbations.geojson'))).toEqual([]);
    const years = await app.page.evaluate(async () => {
      const response = await fetch('layers/perturbations-naturelles.json');
      return ((await response.json()) as { time?: { values?: string[] } }).time?.values ?? [];
    });
    expect(years[0]).toBe('1980');
    expect(years.length).toBeGreaterThan(10);
    await app.page.waitForSelector('.time-control:not([hidden])');
    expect(app.requests.filter((url) => url.endsWith('/data/perturbations.geojson'))).toEqual([]);
  });
});
