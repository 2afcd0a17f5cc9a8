// First load (issue 15): the map and its basemap start while the catalogue's layer files load,
// and the fire layer's times come from its built layer file, not from its whole GeoJSON.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, waitForReady, type AppPage } from './harness';

describe('first load', () => {
  let browser: Browser;
  let app: AppPage;
  let beforeReady: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, '', { noWait: true });
    await waitForReady(app.page);
    beforeReady = app.requests.map((url) => new URL(url).pathname);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should ask for the basemap before the catalogue layer files', () => {
    const basemap = beforeReady.findIndex((path) => path.endsWith('/data/basemap.pmtiles'));
    const layerFile = beforeReady.findIndex((path) => /\/layers\/(?!catalogue\.json)[^/]+\.json$/.test(path));
    expect(basemap).toBeGreaterThanOrEqual(0);
    expect(layerFile).toBeGreaterThanOrEqual(0);
    expect(basemap).toBeLessThan(layerFile);
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
