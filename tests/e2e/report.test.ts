// The AOI report in the browser: an AOI selected (the showReport command) opens a
// report whose flood-zone numbers equal `cli stats`; exports download and reopen.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot, type AppPage } from './harness';
import { reportValues } from './report_tables';
import { expectFloodNumbersOfCli } from './report_vs_cli';
import { showReport } from './app_hook';

const aoi = {
  type: 'Feature', id: 'test', properties: { name: 'Secteur test' },
  geometry: { type: 'Polygon', coordinates: [[[-72.62, 46.3], [-72.5, 46.31], [-72.47, 46.4], [-72.55, 46.37], [-72.6, 46.42], [-72.62, 46.3]]] },
};

describe('AOI report', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, 'map=11/46.35/-72.55');
    await showReport(app.page, { id: aoi.id, name: aoi.properties.name, feature: aoi });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('shows the flood-zone numbers that the CLI prints', { timeout: 120_000 }, async () => {
    const shown = await reportValues(app.page, 'zones-inondables');
    await saveScreenshot(app.page, 'report');
    await expectFloodNumbersOfCli(shown, aoi);
    expect(app.pageErrors).toEqual([]);
  });

  it('downloads the clipped GeoJSON, which reopens with the same features', { timeout: 60_000 }, async () => {
    const shown = await reportValues(app.page, 'zones-inondables');
    const section = app.page.locator('#side-sheet section[data-layer="zones-inondables"]');
    const [download] = await Promise.all([app.page.waitForEvent('download'), section.getByRole('button', { name: /GeoJSON/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^geoveille_Secteur-test_zones-inondables_\d{4}-\d{2}-\d{2}\.geojson$/);
    const saved = await download.path();
    const parsed = JSON.parse(readFileSync(saved, 'utf8')) as FeatureCollection;
    expect(parsed.features.length).toBe(shown.features);
    expect(parsed.features.every((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')).toBe(true);
  });

  it('downloads the all-layers CSV with a BOM and one row per class', { timeout: 60_000 }, async () => {
    await reportValues(app.page, 'zones-inondables');
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.locator('#side-sheet .report > .report-actions button').first().click()]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = text.replace(/\s+$/, '').split('\r\n');
    expect(rows[0]).toMatch(/^\uFEFFlayer_id,layer,class,features,area_m2/);
    expect(rows.filter((r) => r.startsWith('zones-inondables,')).length).toBeGreaterThanOrEqual(1);
  });
});
