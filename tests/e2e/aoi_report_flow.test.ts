// The whole researcher's path in the browser: draw a rectangle with the AOI tool, ask for its
// report, and get the flood-zone numbers that `cli stats` prints for the same polygon.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, pointOnPage, saveScreenshot, type AppPage } from './harness';
import { reportValues } from './report_tables';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

async function drawRectangle(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await page.click('#aoi-toolbar-button');
  await page.waitForSelector('#side-sheet:not([hidden]) .aoi-panel');
  await page.click('.aoi-draw-button[data-shape="rectangle"]');
  const a = await pointOnPage(page, ...from);
  const b = await pointOnPage(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await page.waitForSelector('.aoi-row', { timeout: 30_000 });
}

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
      window.addEventListener('geoveille:aoi-selected', (event) => {
        Object.assign(window, { __selectedAoi: (event as CustomEvent).detail.feature });
      });
    });
    await drawRectangle(page, [-72.6, 46.37], [-72.565, 46.345]);
    // The drawing tool releases the map a moment after the last click.
    await page.waitForTimeout(500);
    await page.click('.aoi-row .aoi-report');
    const shown = await reportValues(page, 'zones-inondables');
    await saveScreenshot(page, 'aoi-report-flow');

    const feature = await page.evaluate(() => (window as unknown as { __selectedAoi: Feature }).__selectedAoi);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'aoi-flow-')), 'aoi.geojson');
    writeFileSync(file, JSON.stringify(feature));
    const { stdout } = await run(path.join(repoRoot, 'node_modules/.bin/tsx'),
      ['src/cli/main.ts', 'stats', '--vector', 'public/data/zones_inondables.geojson', '--aoi', file, '--by', 'classe'], { cwd: repoRoot });
    const cli = JSON.parse(stdout) as { features: number; area_m2: number; by: Record<string, number> };
    expect(cli.features).toBeGreaterThan(0);
    expect(shown.features).toBe(cli.features);
    // Same code in both; only the JavaScript engines differ in the last bits of a float sum.
    const same = (a: number | undefined, b: number) => Math.abs((a ?? NaN) - b) <= 1e-9 * Math.abs(b);
    expect(same(shown.area_m2, cli.area_m2)).toBe(true);
    for (const [key, m2] of Object.entries(cli.by)) expect(same(shown[`class:${key}`], m2), key).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
