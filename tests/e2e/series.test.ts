// Pixel time series in the browser: the "Série temporelle" button, then a click at a flood-plain
// point of the demo 2019 flood series, charts the values read in Node by the project's reader
// (0 → 1 → 0), lists them with the layer's code labels, downloads them as CSV, follows the UI
// language, and identify leaves that click alone (map-mode 'series').
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, pointOnPage, saveScreenshot, waitForIdle, clickTool, type GeoveilleWindow } from './harness';
import { axeViolations, FLOOD_LAYER, findFloodPlainPoint, type FloodPoint } from './series_fixture';

describe('pixel time series tool', () => {
  let browser: Browser;
  let point: FloodPoint;
  beforeAll(async () => {
    browser = await launchBrowser();
    point = await findFloodPlainPoint();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should chart the flood coming and going at a flood-plain point, and export it as CSV', async () => {
    const app = await openApp(browser, `map=16/${point.lat}/${point.lon}&layers=${FLOOD_LAYER}`);
    const { page } = app;
    try {
      await page.evaluate(() => {
        const modes: string[] = [];
        (window as unknown as { modes: string[] }).modes = modes;
        (window as GeoveilleWindow).__geoveille!.context.events.on('map-mode', ({ mode }) => modes.push(mode));
      });
      await clickTool(page, 'series-button');
      expect(await page.getAttribute('#series-button', 'aria-pressed')).toBe('true');
      const { x, y } = await pointOnPage(page, point.lon, point.lat);
      await page.mouse.click(x, y);
      await page.waitForSelector('#side-sheet .series-result', { timeout: 60_000 });
      expect(await page.getAttribute('#side-sheet', 'data-content')).toBe('series');
      await page.waitForFunction(() => (window as unknown as { modes: string[] }).modes.at(-1) === 'browse');
      expect(await page.evaluate(() => (window as unknown as { modes: string[] }).modes)).toEqual(['series', 'browse']);
      expect(await page.getAttribute('#series-button', 'aria-pressed')).toBe('false');

      const dots = await page.$$eval('#side-sheet circle.series-point', (nodes) =>
        nodes.map((n) => ({ date: n.getAttribute('data-date'), value: Number(n.getAttribute('data-value')) })));
      expect(dots).toEqual(point.series.filter((p) => p.value !== null));
      const values = point.series.map((p) => p.value);
      expect(values[0]).toBe(0);
      expect(values.slice(1, -1)).toContain(1);
      expect(values.at(-1)).toBe(0);
      const cells = await page.$$eval('#side-sheet .series-table tbody tr td:last-child', (tds) => tds.map((td) => td.textContent));
      expect(cells).toEqual(values.map((v) => (v === 1 ? 'Eau observée' : v === 0 ? 'Sec' : 'sans donnée')));
      const axis = await page.textContent('#side-sheet svg.series-chart');
      expect(axis).toContain('avr.');
      expect(axis).toContain('Eau observée');
      await saveScreenshot(page, 'series-flood-plain');
      expect(await axeViolations(page, ['#side-sheet'])).toEqual([]);

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#side-sheet .series-csv')]);
      const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      expect(download.suggestedFilename()).toMatch(/^serie-etendue-crue-2019-.*\.csv$/);
      expect(csv.trim().split(/\r\n/)).toEqual(['date,value', ...point.series.map((p) => `${p.date},${p.value ?? ''}`)]);

      await page.click('#lang-toggle');
      await page.waitForFunction(() => document.querySelector('#side-sheet-title')?.textContent?.startsWith('Time series'));
      expect(await page.textContent('#side-sheet svg.series-chart')).toContain('Water observed');
      expect(await page.textContent('#series-button')).toBe('Time series');
      // The file name follows the UI language, and the y-axis title fits inside the chart.
      const [english] = await Promise.all([page.waitForEvent('download'), page.click('#side-sheet .series-csv')]);
      expect(english.suggestedFilename()).toMatch(/^series-etendue-crue-2019-.*\.csv$/);
      const fits = await page.$eval('#side-sheet svg.series-chart', (chart) => {
        const title = chart.querySelector('text.series-y-title')!.getBoundingClientRect();
        const box = chart.getBoundingClientRect();
        return title.width > 0 && title.left >= box.left && title.right <= box.right && title.top >= box.top;
      });
      expect(fits).toBe(true);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should say which layer to show when no dated raster is visible, and Escape cancels picking', async () => {
    const app = await openApp(browser, `map=16/${point.lat}/${point.lon}&layers=${FLOOD_LAYER}`);
    const { page } = app;
    try {
      await clickTool(page, 'series-button');
      await page.keyboard.press('Escape');
      expect(await page.getAttribute('#series-button', 'aria-pressed')).toBe('false');
      await page.evaluate(() => {
        window.location.hash = window.location.hash.replace(/layers=[^&]*/, 'layers=zones-inondables');
      });
      await waitForIdle(page);
      await clickTool(page, 'series-button');
      await page.waitForFunction(() => [...document.querySelectorAll('.notice')].some((n) => n.textContent?.includes('couche raster datée')));
      expect(await page.getAttribute('#series-button', 'aria-pressed')).toBe('false');
    } finally {
      await app.close();
    }
  });
});
