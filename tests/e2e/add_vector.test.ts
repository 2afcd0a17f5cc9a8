// Vector files added as data layers: a GeoJSON dropped in "Add data" is drawn with a default
// style (pixels change where its polygon is), listed under its collection's name, identified with
// its attributes as text; a Latin-1 zipped Shapefile without .cpg keeps its accents.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickTool, colorAt, launchBrowser, openApp, pointOnPage, saveScreenshot, waitForIdle, type AppPage } from './harness';
import { colorDistance, formatRgb } from './pixels';
import { latin1, shapefileZip } from '../unit/shapefile_fixture';

const CENTRE = { lon: -72.3, lat: 46.6 };
const square = (lon: number, lat: number, d: number) => [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]];
const GEOJSON = {
  type: 'FeatureCollection', name: 'Parcs municipaux',
  features: [{ type: 'Feature', properties: { nom: 'Parc de l’Île', superficie_ha: 12.5 }, geometry: { type: 'Polygon', coordinates: square(CENTRE.lon, CENTRE.lat, 0.01) } }],
};

describe('vector files as data layers', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, `map=13/${CENTRE.lat}/${CENTRE.lon}&lang=fr`);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should draw a GeoJSON added from a file and identify its feature', async () => {
    const before = await colorAt(app.page, CENTRE.lon, CENTRE.lat);
    await clickTool(app.page, 'add-data-button');
    await app.page.setInputFiles('#add-data-file', { name: 'parcs_municipaux.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(GEOJSON)) });
    await app.page.waitForSelector('.add-data-message[data-kind="ok"]', { timeout: 60_000 });
    const title = await app.page.textContent('#added-layers li.layer .layer-title');
    expect(title).toBe('Parcs municipaux');
    await app.page.click('#side-sheet .side-sheet-close');
    await waitForIdle(app.page);
    const after = await colorAt(app.page, CENTRE.lon, CENTRE.lat);
    await saveScreenshot(app.page, 'add-vector-geojson');
    expect(colorDistance(before, after), `before ${formatRgb(before)}, after ${formatRgb(after)}`).toBeGreaterThan(30);

    const { x, y } = await pointOnPage(app.page, CENTRE.lon, CENTRE.lat);
    await app.page.mouse.click(x, y);
    const field = '#side-sheet[data-content="identify"] .identify-layer dd[data-field="nom"]';
    await app.page.waitForSelector(field, { timeout: 30_000 });
    expect(await app.page.textContent(field)).toBe('Parc de l’Île');
    expect(app.pageErrors).toEqual([]);
  });

  it('should add a Latin-1 zipped Shapefile without .cpg with its accents intact', async () => {
    const zip = shapefileZip({ records: [{ nom: 'Rivière aux Rats', square: [CENTRE.lon + 0.03, CENTRE.lat, 0.01] }], encode: latin1 });
    await clickTool(app.page, 'add-data-button');
    await app.page.setInputFiles('#add-data-file', { name: 'rivieres_rats.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await app.page.waitForFunction(() => document.querySelectorAll('#added-layers li.layer').length === 2, undefined, { timeout: 60_000 });
    const titles = await app.page.$$eval('#added-layers li.layer .layer-title', (nodes) => nodes.map((node) => node.textContent));
    expect(titles).toContain('Rivieres rats');
    await app.page.click('#side-sheet .side-sheet-close');
    await waitForIdle(app.page);
    // Inside the square, clear of the floating legend (top left) and the time bar (bottom).
    const { x, y } = await pointOnPage(app.page, CENTRE.lon + 0.038, CENTRE.lat + 0.003);
    await app.page.mouse.click(x, y);
    const field = '#side-sheet[data-content="identify"] .identify-layer dd[data-field="NOM"]';
    await app.page.waitForSelector(field, { timeout: 30_000 });
    expect(await app.page.textContent(field)).toBe('Rivière aux Rats');
    await saveScreenshot(app.page, 'add-vector-shapefile-identify');
  });
});
