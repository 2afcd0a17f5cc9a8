// A forester opens the app in the field: a fresh page started with the network already off,
// after an area was saved online. The stored ranges must be read from the first tile on — no
// data request goes to the (absent) network, no layer shows an error, the layers draw as online.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, clickTool, colorAt, launchBrowser, saveScreenshot, VIEWPORT } from './harness';
import type { Rgb } from './pixels';
import { close, LIDAR, settle, ZONE } from './offline_steps';

const HASH = 'map=13/46.36/-72.56&lang=fr&layers=zones-inondables,lidar-ombrage';
/** The byte-range files the area stores (PMTiles archives, COGs). */
const DATA_FILE = /\.(pmtiles|tiff?)(\?|$)/;

describe('starting the app offline after saving an area', () => {
  let browser: Browser;
  let context: BrowserContext;
  const online: Record<string, Rgb> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}#${HASH}`);
    await settle(page);
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true', undefined, { timeout: 60_000 });
    online.zone = await colorAt(page, ZONE.lon, ZONE.lat);
    online.lidar = await colorAt(page, LIDAR.lon, LIDAR.lat);
    await clickTool(page, 'offline-button');
    await page.fill('#offline-zoom-from', '12');
    await page.fill('#offline-zoom-to', '14');
    await page.click('#offline-estimate');
    await page.waitForSelector('.offline-estimate[data-bytes]', { timeout: 60_000 });
    await page.click('#offline-download');
    await page.waitForFunction(() => document.documentElement.dataset.offlineAreas === '1', undefined, { timeout: 120_000 });
    await page.close();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('should read every stored range from the device from the first tile on, and draw as online', async () => {
    await context.setOffline(true);
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => { if (DATA_FILE.test(request.url())) failed.push(request.url()); });
    await page.goto(`${baseUrl()}#${HASH}`);
    await settle(page);
    await page.waitForFunction(() => document.documentElement.dataset.offlineAreas === '1');
    await saveScreenshot(page, 'offline-start');
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    const errors = await page.$$eval('#layer-panel li.layer[data-state="error"]', (rows) => rows.map((r) => (r as HTMLElement).dataset.layerId));
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(close(await colorAt(page, ZONE.lon, ZONE.lat), online.zone!)).toBe(true);
    expect(close(await colorAt(page, LIDAR.lon, LIDAR.lat), online.lidar!)).toBe(true);
  });
});
