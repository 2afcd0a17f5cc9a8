// Identify in the browser: a click at a manifest point lists the feature there with its
// code decoded in the UI language; Enter on the focused map identifies the map centre;
// clicks are left alone while another tool owns the map.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLayer, readManifest } from './app_data';
import { launchBrowser, openApp, pointOnPage, saveScreenshot, waitForIdle, type AppPage, type GeoveilleWindow, nextFrame } from './harness';
import { axeViolations } from './axe';

const LAYER = 'peuplements-ecoforestiers';

function sample() {
  const point = readManifest().find((p) => p.layer === LAYER && p.expect.gr_ess === 'SB');
  if (!point) throw new Error(`demo-manifest.json has no ${LAYER} sample with gr_ess SB`);
  return point;
}

/** The text of the gr_ess value listed for the layer, once the sheet shows identify results. */
async function listedSpeciesGroup(page: Page): Promise<string> {
  const selector = `#side-sheet[data-content="identify"] .identify-layer[data-layer="${LAYER}"] dd[data-field="gr_ess"]`;
  await page.waitForSelector(selector, { timeout: 30_000 });
  return page.$eval(selector, (dd) => dd.textContent ?? '');
}


describe('identify', () => {
  let browser: Browser;
  let app: AppPage;
  const point = sample();
  const codes = readLayer(LAYER).fields!.find((f) => f.name === 'gr_ess')!.codes!;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, `map=12/${point.lat}/${point.lon}&layers=${LAYER}`);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should list the clicked feature with its species group decoded, and mark the point', async () => {
    const { x, y } = await pointOnPage(app.page, point.lon + 0.0004, point.lat);
    await app.page.mouse.click(x, y);
    const text = await listedSpeciesGroup(app.page);
    expect(text).toBe(codes.SB!.fr);
    expect(text).not.toBe('SB');
    const marker = await app.page.$eval('[data-testid="point-marker"]', (m) => {
      const box = m.getBoundingClientRect();
      return { hidden: (m as HTMLElement).hidden, x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    expect(marker.hidden).toBe(false);
    expect(Math.hypot(marker.x - x, marker.y - y)).toBeLessThan(3);
    await saveScreenshot(app.page, 'identify-fr');
    expect(await axeViolations(app.page, ['#side-sheet'])).toEqual([]);
  });

  it('should relabel the results in English', async () => {
    await app.page.click('button#lang-toggle');
    await app.page.waitForFunction(() => document.documentElement.lang === 'en');
    await app.page.waitForFunction((label) => document.querySelector('dd[data-field="gr_ess"]')?.textContent === label, codes.SB!.en, { timeout: 30_000 });
    const area = await app.page.$eval('dd[data-field="superficie_ha"]', (dd) => dd.textContent ?? '');
    expect(area).toMatch(/^[\d,.]+\u00a0ha$/);
    await saveScreenshot(app.page, 'identify-en');
  });

  it('should identify the map centre on Enter when the map has keyboard focus', async () => {
    await app.page.click('.side-sheet-close');
    await app.page.focus('#map canvas');
    await app.page.keyboard.press('Enter');
    expect(await listedSpeciesGroup(app.page)).toBe(codes.SB!.en);
  });

  it('should ignore clicks while another tool owns the map', async () => {
    await app.page.click('.side-sheet-close');
    // another tool takes the map (as AOI drawing does), then gives it back
    await app.page.evaluate(() => {
      const { mapInput } = (window as GeoveilleWindow).__geoveille!.context;
      const tool = { mode: 'draw', point: () => {} };
      Object.assign(window, { __tool: tool });
      mapInput.request(tool);
    });
    const { x, y } = await pointOnPage(app.page, point.lon, point.lat);
    await app.page.mouse.click(x, y);
    // Identify opens its sheet (loading) in the click's own handler: after the next frame and
    // the map's idle, an identify would show.
    await nextFrame(app.page);
    await waitForIdle(app.page);
    expect(await app.page.$eval('#side-sheet', (s) => (s as HTMLElement).hidden)).toBe(true);
    await app.page.evaluate(() => {
      const { mapInput } = (window as GeoveilleWindow).__geoveille!.context;
      mapInput.release((window as unknown as { __tool: Parameters<typeof mapInput.release>[0] }).__tool);
    });
    await app.page.mouse.click(x, y);
    expect(await listedSpeciesGroup(app.page)).toBe(codes.SB!.en);
    await waitForIdle(app.page);
    expect(app.pageErrors).toEqual([]);
  });
});
