// Offline areas in the browser: download the demo area (zoom 10–16), reload with the network
// off, and the layers draw from the device (same pixels as online), identify and the flood
// verdict answer, the map says so outside the area, and "My location" shows the dot at the
// emulated position and exports the recorded track as GPX that parses.
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fr from '../../src/i18n/fr.json';
import { baseUrl, clickTool, colorAt, launchBrowser, pointOnPage, saveScreenshot, VIEWPORT, waitForIdle, waitForReady, waitForReportDone } from './harness';
import type { Rgb } from './pixels';
import { close, LIDAR, settle, ZONE } from './offline_steps';
import { showReport } from './app_hook';

/** The demo address of the verdict tests (a 0–20 yr flood zone) and a point of the LiDAR hillshade. */
const HASH = 'map=13/46.36/-72.56&lang=fr&layers=zones-inondables,lidar-ombrage,perturbations-naturelles,territoires-fauniques';
const START = { latitude: 46.3521, longitude: -72.5532, accuracy: 12 };
const SQUARE = [[-72.565, 46.345], [-72.545, 46.345], [-72.545, 46.365], [-72.565, 46.365], [-72.565, 46.345]];
const AOI = { type: 'Feature', id: 'offline-square', properties: { name: 'Carré hors ligne' }, geometry: { type: 'Polygon', coordinates: [SQUARE] } };

/** Every number of the AOI report, per layer section, once the report for the AOI is complete. */
async function reportNumbers(page: Page): Promise<Record<string, Record<string, number>>> {
  await showReport(page, { id: AOI.id, name: AOI.properties.name, feature: AOI });
  await page.waitForSelector('#side-sheet[data-content="report"] section[data-layer="zones-inondables"] table.report-table', { timeout: 90_000 });
  await page.waitForSelector('#side-sheet[data-content="report"] section[data-layer="lidar-ombrage"] table.report-table', { timeout: 90_000 });
  await waitForReportDone(page);
  return page.$$eval('#side-sheet[data-content="report"] section[data-layer]', (sections) => Object.fromEntries(sections.map((section) => [
    section.getAttribute('data-layer') ?? '',
    Object.fromEntries([...section.querySelectorAll('tr[data-stat]')].map((tr) => [tr.getAttribute('data-stat') ?? '', Number(tr.querySelector('td')?.getAttribute('data-value'))])),
  ])));
}

describe('offline areas and GPS', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const online: Record<string, Rgb> = {};
  let onlineReport: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, geolocation: START, permissions: ['geolocation'] });
    page = await context.newPage();
    await page.goto(`${baseUrl()}#${HASH}`);
    await settle(page);
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true', undefined, { timeout: 60_000 });
    online.zone = await colorAt(page, ZONE.lon, ZONE.lat);
    online.lidar = await colorAt(page, LIDAR.lon, LIDAR.lat);
    onlineReport = await reportNumbers(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('should download the demo area at zoom 10–16, its estimate within 20 % of the stored size', async () => {
    await clickTool(page, 'offline-button');
    await page.fill('#offline-zoom-from', '10');
    await page.fill('#offline-zoom-to', '16');
    await page.click('#offline-estimate');
    await page.waitForSelector('.offline-estimate[data-bytes]', { timeout: 60_000 });
    const estimate = Number(await page.getAttribute('.offline-estimate', 'data-bytes'));
    const started = Date.now();
    await page.click('#offline-download');
    await page.waitForFunction(() => document.documentElement.dataset.offlineAreas === '1', undefined, { timeout: 120_000 });
    const seconds = (Date.now() - started) / 1000;
    const stored = Number(await page.getAttribute('#offline-areas .offline-area', 'data-bytes'));
    console.log(`offline area z10–16: estimate ${estimate} B, stored ${stored} B, download ${seconds.toFixed(1)} s`);
    expect(stored).toBeGreaterThan(100_000);
    expect(Math.abs(estimate - stored) / stored).toBeLessThan(0.2);
    expect(await page.textContent('#offline-status')).toContain(fr.offline.done.split(' :')[0]);
    await saveScreenshot(page, 'offline-panel-done');
  });

  it('should start with the network off and draw every downloaded layer from the device', async () => {
    await context.setOffline(true);
    await page.reload();
    await settle(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await page.evaluate(() => document.documentElement.dataset.offlineAreas)).toBe('1');
    const errors = await page.$$eval('#layer-panel li.layer[data-state="error"]', (rows) => rows.map((r) => (r as HTMLElement).dataset.layerId));
    expect(errors).toEqual([]);
    expect(close(await colorAt(page, ZONE.lon, ZONE.lat), online.zone!)).toBe(true);
    expect(close(await colorAt(page, LIDAR.lon, LIDAR.lat), online.lidar!)).toBe(true);
    expect(await page.isHidden('#offline-banner')).toBe(true);
    await saveScreenshot(page, 'offline-reloaded');
  });

  it('should identify and give the flood verdict at the demo address offline', async () => {
    const { x, y } = await pointOnPage(page, ZONE.lon, ZONE.lat);
    await page.mouse.click(x, y);
    const classe = '#side-sheet[data-content="identify"] .identify-layer[data-layer="zones-inondables"] dd[data-field="classe"]';
    await page.waitForSelector(classe, { timeout: 30_000 });
    expect(await page.textContent(classe)).toMatch(/20/);
    // the point in the middle of the map, left of the side sheet
    await page.evaluate(([lon, lat]) => (window as unknown as { __geoveille: { map: { jumpTo(o: unknown): void } } }).__geoveille.map.jumpTo({ center: [lon, lat] }), [ZONE.lon, ZONE.lat]);
    await waitForIdle(page);
    await page.click('#verdict-button');
    await page.waitForSelector('#side-sheet[data-content="verdict-pick"]');
    const centre = await pointOnPage(page, ZONE.lon, ZONE.lat);
    // beside identify's marker (it sits on the point and takes the click), still inside the zone
    await page.mouse.click(centre.x + 6, centre.y);
    await page.waitForSelector('#side-sheet[data-content="verdict"] .verdict-headline', { timeout: 30_000 });
    expect(await page.textContent('.verdict-headline')).toBe(fr.verdict.in_0_20);
  });

  it('should give the same AOI report offline as online', async () => {
    const offline = await reportNumbers(page);
    expect(Object.keys(onlineReport['zones-inondables'] ?? {}).length).toBeGreaterThan(0);
    // Online the vector numbers come from the original GeoJSON beside each archive (whole files,
    // too big to take along in general); offline from the stored max-zoom tiles: equal to 0.1 %.
    expect(Object.keys(offline).sort()).toEqual(Object.keys(onlineReport).sort());
    for (const [layer, numbers] of Object.entries(onlineReport)) {
      for (const [stat, value] of Object.entries(numbers)) {
        const got = offline[layer]?.[stat] ?? NaN;
        expect(Math.abs(got - value), `${layer} ${stat}: ${got} offline, ${value} online`).toBeLessThanOrEqual(Math.abs(value) * 0.001);
      }
    }
  });

  it('should show the GPS dot at the emulated position and export the track as GPX', async () => {
    await clickTool(page, 'gps-button');
    await page.click('#gps-locate');
    await page.waitForFunction(() => document.documentElement.dataset.gps === 'fix', undefined, { timeout: 30_000 });
    await waitForIdle(page);
    // follow mode: the map keeps to the position until the user moves it
    expect(await page.textContent('#gps-locate')).toBe(fr.gps.follow);
    expect(await page.getAttribute('#gps-locate', 'aria-pressed')).toBe('true');
    const dot = await page.$eval('.maplibregl-user-location-dot', (d) => {
      const box = d.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    const expected = await pointOnPage(page, START.longitude, START.latitude);
    expect(Math.hypot(dot.x - expected.x, dot.y - expected.y)).toBeLessThan(3);
    await page.click('#gps-record');
    for (const step of [1, 2, 3]) {
      await context.setGeolocation({ latitude: START.latitude + step * 0.001, longitude: START.longitude + step * 0.001, accuracy: 10 });
      await page.waitForFunction((n) => /(\d+)/.exec(document.querySelector('#gps-track')?.textContent ?? '')?.[1] === String(n), step, { timeout: 20_000 });
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#gps-export')]);
    const gpx = new DOMParser().parseFromString(readFileSync((await download.path())!, 'utf8'), 'text/xml');
    const points = Array.from(gpx.getElementsByTagName('trkpt'));
    expect(points.length).toBe(3);
    expect(Number(points[2]!.getAttribute('lat'))).toBeCloseTo(START.latitude + 0.003, 6);
    expect(Number(points[2]!.getAttribute('lon'))).toBeCloseTo(START.longitude + 0.003, 6);
  });

  it('should say there is no offline data outside the area, and draw nothing once the area is deleted', async () => {
    await page.evaluate(() => (window as unknown as { __geoveille: { map: { jumpTo(o: unknown): void } } }).__geoveille.map.jumpTo({ center: [-75.5, 49.5], zoom: 11 }));
    await page.waitForSelector('#offline-banner:not([hidden])');
    expect(await page.textContent('#offline-banner')).toBe(fr.offline.no_data_here);
    expect(await page.getAttribute('#gps-locate', 'aria-pressed')).toBe('false'); // moved away: no longer following
    await clickTool(page, 'offline-button');
    await page.click('#offline-areas .offline-delete');
    await page.waitForFunction(() => document.documentElement.dataset.offlineAreas === '0');
    await page.evaluate(() => (window as unknown as { __geoveille: { map: { jumpTo(o: unknown): void } } }).__geoveille.map.jumpTo({ center: [-72.56, 46.36], zoom: 13 }));
    await page.reload();
    await waitForReady(page);
    await page.waitForSelector('#offline-banner:not([hidden])', { timeout: 30_000 });
    await page.click('#offline-banner ~ * >> nth=0').catch(() => undefined);
    await saveScreenshot(page, 'offline-deleted');
    expect(close(await colorAt(page, ZONE.lon, ZONE.lat), online.zone!)).toBe(false);
    expect(close(await colorAt(page, LIDAR.lon, LIDAR.lat), online.lidar!)).toBe(false);
    await context.setOffline(false);
  });
});
