// The AOI report's error lines, in the built app: a vector layer whose GeoJSON is cut short and a
// COG the server no longer has (both answered by page.route once the map is drawn) each get a line
// wholly in the UI language that names the layer, the file and what is wrong; the other parts of
// the report still work.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot } from './harness';
import { showReport } from './app_hook';

const VIEW = 'map=11/46.35/-72.55&layers=zones-inondables,lidar-mhc';
const aoi = {
  id: 'errors', name: 'Secteur',
  feature: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[-72.6, 46.3], [-72.5, 46.3], [-72.5, 46.4], [-72.6, 46.4], [-72.6, 46.3]]] } },
};

/** The report reads the files again: a truncated GeoJSON, and a 404 for the COG. */
async function breakFiles(page: Page): Promise<void> {
  await page.route('**/data/zones_inondables.geojson', (route) => route.fulfill({ status: 200, contentType: 'application/geo+json', body: '{"type":"FeatureCollection","features":[{"type":' }));
  await page.route('**/data/lidar_mhc.tif', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
}

/** The error line of each layer's section, once both are there. */
async function errorLines(page: Page): Promise<Record<string, string>> {
  const lines = page.locator('#side-sheet[data-content="report"] section[data-layer] .report-error[role="alert"]');
  await page.waitForFunction(() => document.querySelectorAll('#side-sheet[data-content="report"] .report-error[role="alert"]').length === 2, undefined, { timeout: 60_000 });
  const entries = await lines.evaluateAll((nodes) => nodes.map((node) => [node.closest('section')!.getAttribute('data-layer')!, node.textContent ?? '']));
  return Object.fromEntries(entries);
}

describe('AOI report error lines', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should say each failure in French, naming the layer and the file', async () => {
    const app = await openApp(browser, `${VIEW}&lang=fr`);
    try {
      await breakFiles(app.page);
      await showReport(app.page, aoi);
      const lines = await errorLines(app.page);
      await saveScreenshot(app.page, 'report-errors-fr');
      expect(lines['zones-inondables']).toBe('Couche « Zones inondables » (zones_inondables.geojson) : le fichier est corrompu.');
      expect(lines['lidar-mhc']).toMatch(/^Couche « LiDAR — hauteur de la canopée » : les données ne peuvent pas être lues \(HTTP 404 ; http:\/\/[^ ]+\/data\/lidar_mhc\.tif\)$/);
      // the report itself still works: its all-layers export is there and enabled
      expect(await app.page.locator('#side-sheet .report > .report-actions button').first().isEnabled()).toBe(true);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should say them in English, with no French and no English library message', async () => {
    const app = await openApp(browser, `${VIEW}&lang=en`);
    try {
      await breakFiles(app.page);
      await showReport(app.page, aoi);
      const lines = await errorLines(app.page);
      await saveScreenshot(app.page, 'report-errors-en');
      expect(lines['zones-inondables']).toBe('Layer “Flood zones” (zones_inondables.geojson): the file is corrupt.');
      expect(lines['lidar-mhc']).toMatch(/^Layer “LiDAR — canopy height”: the data cannot be read \(HTTP 404; http:\/\/[^ ]+\/data\/lidar_mhc\.tif\)$/);
      expect(Object.values(lines).join(' ')).not.toMatch(/Calcul|Couche|JSON input|Unexpected/);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should word the remarks under a layer (a feature without geometry) in French too', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 1, properties: { classe: '0-20' }, geometry: { type: 'Polygon', coordinates: [[[-72.58, 46.32], [-72.55, 46.32], [-72.55, 46.35], [-72.58, 46.35], [-72.58, 46.32]]] } },
        { type: 'Feature', id: 2, properties: { classe: '20-100' }, geometry: null },
      ],
    };
    const app = await openApp(browser, 'map=11/46.35/-72.55&layers=zones-inondables&lang=fr');
    try {
      await app.page.route('**/data/zones_inondables.geojson', (route) => route.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(collection) }));
      await showReport(app.page, aoi);
      const section = '#side-sheet[data-content="report"] section[data-layer="zones-inondables"]';
      await app.page.waitForSelector(`${section} .report-body[aria-busy="false"] table`, { timeout: 60_000 });
      const notes = await app.page.$$eval(`${section} .report-body .report-note`, (nodes) => nodes.map((node) => node.textContent ?? ''));
      await saveScreenshot(app.page, 'report-notes-fr');
      expect(notes).toEqual(['Éléments sans géométrie utilisable, ignorés : 1.']);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
