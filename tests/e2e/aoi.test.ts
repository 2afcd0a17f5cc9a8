// Areas of interest in the browser: draw a rectangle with the mouse, see it listed and in the link,
// reload (same browser, then a fresh one with the link only), rename, report event, delete, and
// upload GeoJSON files (a good one with a bow-tie to repair, a broken one) through the file input.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAoiParam } from '../../src/state/aoi_codec';
import { launchBrowser, openApp, pointOnPage, saveScreenshot, waitForIdle, waitForReady, type AppPage, type GeoveilleWindow } from './harness';
import { drawRectangle, openAoiPanel, startDrawing } from './aoi_steps';

const START = 'map=9/46.35/-72.55&lang=fr';

function aoiParam(page: Page): Promise<string> {
  return page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('aoi') ?? '');
}

async function rowNames(page: Page): Promise<string[]> {
  return page.$$eval('.aoi-row .aoi-name', (items) => items.map((item) => item.textContent ?? ''));
}

/** Records the map-mode events and the AOIs sent to the report (commands.showReport). */
async function recordEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: unknown[] = [];
    Object.assign(window, { __aoiEvents: log });
    const { events, commands } = (window as GeoveilleWindow).__geoveille!.context;
    events.on('map-mode', ({ mode }) => log.push({ mode }));
    const showReport = commands.showReport.bind(commands);
    commands.showReport = (aoi) => {
      log.push({ selected: aoi });
      showReport(aoi);
    };
  });
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { __aoiEvents: unknown[] }).__aoiEvents);

describe('areas of interest', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, START);
    await recordEvents(app.page);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should draw a rectangle with the mouse and list it and put it in the link', async () => {
    const { page } = app;
    await drawRectangle(page, [-72.8, 46.42], [-72.62, 46.3]);
    expect(await rowNames(page)).toEqual(['Zone 1']);
    await page.waitForFunction(() => location.hash.includes('aoi='), undefined, { timeout: 20_000 });
    const { items } = decodeAoiParam(await aoiParam(page));
    expect(items).toHaveLength(1);
    const ring = items[0]!.geometry.type === 'Polygon' ? items[0]!.geometry.coordinates[0]! : [];
    const lons = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    // Within a few pixels (~0.01°) of where the mouse went down and up.
    expect(Math.min(...lons)).toBeCloseTo(-72.8, 1);
    expect(Math.max(...lons)).toBeCloseTo(-72.62, 1);
    expect(Math.min(...lats)).toBeCloseTo(46.3, 1);
    expect(Math.max(...lats)).toBeCloseTo(46.42, 1);
    // 'browse' comes a moment later, once the finishing click has gone by.
    await expect.poll(() => events(page), { timeout: 20_000 }).toEqual([{ mode: 'draw' }, { mode: 'browse' }]);
    await waitForIdle(page);
    console.log(await saveScreenshot(page, 'aoi-drawn'));
  });

  it('should still have the area after a reload, and from the link alone in a fresh browser', async () => {
    const { page } = app;
    const param = await aoiParam(page);
    await page.reload();
    await waitForReady(page);
    await openAoiPanel(page);
    expect(await rowNames(page)).toEqual(['Zone 1']);
    const fresh = await openApp(browser, `${START}&aoi=${param}`);
    await openAoiPanel(fresh.page);
    expect(await rowNames(fresh.page)).toEqual(['Zone 1']);
    expect(fresh.pageErrors).toEqual([]);
    await fresh.close();
    await recordEvents(page);
  });

  it('should rename the area, in the list and in the link', async () => {
    const { page } = app;
    await page.click('.aoi-row .aoi-rename');
    await page.fill('.aoi-name-input', 'Secteur « Saint-Maurice » & co = #1');
    await page.press('.aoi-name-input', 'Enter');
    await page.waitForFunction(() => document.querySelector('.aoi-row .aoi-name')?.textContent?.startsWith('Secteur'));
    expect(await rowNames(page)).toEqual(['Secteur « Saint-Maurice » & co = #1']);
    await expect.poll(async () => decodeAoiParam(await aoiParam(page)).items[0]?.name, { timeout: 20_000 })
      .toBe('Secteur « Saint-Maurice » & co = #1');
  });

  it('should send the polygon to the report when Report is clicked', async () => {
    const { page } = app;
    await page.click('.aoi-row .aoi-report');
    const selected = ((await events(page)) as Array<{ selected?: { id: string; name: string; feature: { type: string; geometry: { type: string } } } }>)
      .find((event) => event.selected)?.selected;
    expect(selected?.name).toBe('Secteur « Saint-Maurice » & co = #1');
    expect(selected?.feature.type).toBe('Feature');
    expect(selected?.feature.geometry.type).toBe('Polygon');
    expect(selected?.id).toMatch(/^a[a-z0-9]+$/);
    // The report's code loads on this first call: the next step starts once it holds the sheet.
    await page.waitForSelector('#side-sheet[data-content="report"]:not([hidden])');
  });

  it('should delete the area', async () => {
    const { page } = app;
    await openAoiPanel(page);
    await page.click('.aoi-row .aoi-delete');
    await page.waitForSelector('.aoi-empty');
    await page.waitForFunction(() => !location.hash.includes('aoi='), undefined, { timeout: 20_000 });
  });

  it('should draw a circle and a polygon by clicks', async () => {
    const { page } = app;
    await openAoiPanel(page);
    const before = (await rowNames(page)).length;
    await startDrawing(page, 'circle');
    const centre = await pointOnPage(page, -72.75, 46.5);
    await page.mouse.click(centre.x, centre.y);
    await page.mouse.move(centre.x + 30, centre.y, { steps: 5 });
    await page.mouse.move(centre.x + 60, centre.y, { steps: 5 });
    await page.mouse.click(centre.x + 60, centre.y);
    await page.waitForFunction((n) => document.querySelectorAll('.aoi-row').length === n + 1, before, { timeout: 30_000 });

    await startDrawing(page, 'polygon');
    const corners = [[-72.9, 46.2], [-72.75, 46.2], [-72.8, 46.3]] as const;
    for (const [lon, lat] of corners) {
      const point = await pointOnPage(page, lon, lat);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      await page.mouse.click(point.x, point.y);
    }
    const first = await pointOnPage(page, corners[0][0], corners[0][1]);
    await page.mouse.move(first.x, first.y, { steps: 4 });
    await page.mouse.click(first.x, first.y);
    await page.waitForFunction((n) => document.querySelectorAll('.aoi-row').length === n + 2, before, { timeout: 30_000 });
    await expect.poll(async () => decodeAoiParam(await aoiParam(page)).items.length, { timeout: 20_000 }).toBe(before + 2);
    const items = decodeAoiParam(await aoiParam(page)).items;
    const circle = items[before]!.geometry;
    expect(circle.type === 'Polygon' && circle.coordinates[0]!.length).toBeGreaterThan(16);
    const triangle = items[before + 1]!.geometry;
    expect(triangle.type === 'Polygon' && triangle.coordinates[0]!.length).toBe(4);
    for (const id of items.slice(before).map((item) => item.id)) await page.click(`.aoi-row[data-aoi-id="${id}"] .aoi-delete`);
    await page.waitForFunction((n) => document.querySelectorAll('.aoi-row').length === n, before);
  });

  it('should add uploaded GeoJSON polygons, repair a bow-tie and name the feature, and report a broken file', async () => {
    const { page } = app;
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { nom: 'Île aux Sorciers' }, geometry: { type: 'Polygon', coordinates: [[[-72.75, 46.25], [-72.65, 46.25], [-72.65, 46.33], [-72.75, 46.33], [-72.75, 46.25]]] } },
        { type: 'Feature', properties: { nom: 'Nœud papillon' }, geometry: { type: 'Polygon', coordinates: [[[-72.5, 46.3], [-72.4, 46.4], [-72.4, 46.3], [-72.5, 46.4], [-72.5, 46.3]]] } },
        { type: 'Feature', properties: { nom: 'Repère' }, geometry: { type: 'Point', coordinates: [-72.5, 46.3] } },
      ],
    };
    await page.setInputFiles('#aoi-file', { name: 'secteurs.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(collection)) });
    await page.waitForFunction(() => document.querySelectorAll('.aoi-row').length === 2, undefined, { timeout: 30_000 });
    expect(await rowNames(page)).toEqual(['Île aux Sorciers', 'Nœud papillon']);
    const status = await page.textContent('.aoi-status');
    expect(status).toContain('secteurs.geojson');
    expect(status).toContain('entité 2 : géométrie réparée');
    expect(status).toContain('1 entité(s) ponctuelle(s) ou linéaire(s) ignorée(s)');
    // The link is written a moment after the list changes (throttled hash writes).
    await expect.poll(async () => decodeAoiParam(await aoiParam(page)).items.map((item) => item.name), { timeout: 20_000 })
      .toEqual(['Île aux Sorciers', 'Nœud papillon']);
    await waitForIdle(page);
    console.log(await saveScreenshot(page, 'aoi-uploaded'));

    await page.setInputFiles('#aoi-file', { name: 'cassé.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type": "Feature') });
    await page.waitForSelector('.aoi-status[data-kind="error"]');
    expect(await page.textContent('.aoi-status')).toContain('« cassé.geojson » : fichier illisible');
    expect(await rowNames(page)).toHaveLength(2); // existing areas are never lost
    expect(app.pageErrors).toEqual([]);
  });
});
