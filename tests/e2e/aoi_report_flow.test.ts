// The whole researcher's path in the browser: draw a rectangle with the AOI tool, ask for its
// report, and get the flood-zone numbers that `cli stats` prints for the same polygon.
import type { Browser } from 'playwright-core';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawRectangle } from './aoi_steps';
import { launchBrowser, openApp, saveScreenshot, type AppPage, type GeoveilleWindow } from './harness';
import { reportValues } from './report_tables';
import { expectFloodNumbersOfCli } from './report_vs_cli';

describe('draw an AOI, then its report', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, 'map=12/46.36/-72.56&lang=fr&layers=zones-inondables');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('shows for a drawn rectangle the flood-zone numbers that the CLI prints', { timeout: 180_000 }, async () => {
    const { page } = app;
    await page.evaluate(() => {
      // The AOI the panel's Report asks the report for (commands.showReport, through the test hook).
      const { commands, events: _events } = (window as GeoveilleWindow).__geoveille!.context;
      const context = { events: _events };
      const showReport = commands.showReport.bind(commands);
      commands.showReport = (aoi) => {
        Object.assign(window, { __selectedAoi: aoi.feature });
        showReport(aoi);
      };
      context.events.on('map-mode', ({ mode }) => Object.assign(window, { __mapMode: mode }));
    });
    await drawRectangle(page, [-72.6, 46.37], [-72.565, 46.345]);
    // The drawing tool releases the map a moment after the last click.
    await page.waitForFunction(() => (window as unknown as { __mapMode?: string }).__mapMode === 'browse');
    await page.click('.aoi-row .aoi-report');
    const shown = await reportValues(page, 'zones-inondables');
    await saveScreenshot(page, 'aoi-report-flow');

    const feature = await page.evaluate(() => (window as unknown as { __selectedAoi: Feature }).__selectedAoi);
    await expectFloodNumbersOfCli(shown, feature);
    expect(app.pageErrors).toEqual([]);
  });
});
