// The open basemap list and the "my location" button share the map's top-right corner: at a
// desktop, a tablet and a phone size the list must not cover the button (their boxes do not
// meet), and every basemap in the list must be the element under the pointer at its centre
// (nothing else on the map, such as the time control, lies over it), then pickable by a click.
// An open side sheet (the AOI panel) leaves the basemap button uncovered and clickable too.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickTool, launchBrowser, openApp, saveScreenshot } from './harness';
import { waitForBasemap } from './basemap_steps';

interface Box { left: number; top: number; right: number; bottom: number }

const SIZES = [
  { name: 'desktop', context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } },
  { name: 'phone', context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true } },
  { name: 'tablet', context: { viewport: { width: 768, height: 1024 }, deviceScaleFactor: 1 } },
];

function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

const boxOf = (page: Page, selector: string): Promise<Box> => page.$eval(selector, (node) => {
  const { left, top, right, bottom } = node.getBoundingClientRect();
  return { left, top, right, bottom };
});

/** Ids of the basemap radios that are not the element hit at their own centre (each scrolled into view first). */
function coveredRadios(page: Page): Promise<string[]> {
  return page.$$eval('#basemap-options [role="radio"]', (radios) => radios.filter((radio) => {
    radio.scrollIntoView({ block: 'nearest' });
    const { left, top, width, height } = radio.getBoundingClientRect();
    const hit = document.elementFromPoint(left + width / 2, top + height / 2);
    return hit?.closest('[role="radio"]') !== radio;
  }).map((radio) => (radio as HTMLElement).dataset.basemapId ?? '?'));
}

describe('basemap list and location button', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(SIZES)('should keep the open basemap list clear of the location button, every basemap clickable ($name)', async ({ name, context }) => {
    const app = await openApp(browser, 'map=7/46.8/-71.5&lang=fr', { context });
    const { page } = app;
    try {
      // the location button comes with the features mounted after the first view
      await page.waitForSelector('.maplibregl-ctrl-geolocate');
      await page.click('.basemap-switcher-button');
      await page.waitForSelector('#basemap-options:not([hidden]) [role="radio"]');
      const list = await boxOf(page, '#basemap-options');
      const locate = await boxOf(page, '.maplibregl-ctrl-geolocate');
      expect(intersects(list, locate), `list ${JSON.stringify(list)} vs button ${JSON.stringify(locate)}`).toBe(false);
      expect(await coveredRadios(page)).toEqual([]);
      await saveScreenshot(page, `basemap-gps-${name}`);

      // the last choice (no basemap) is lowest in the list: a real click picks it
      const last = page.locator('#basemap-options [role="radio"]').last();
      await last.scrollIntoViewIfNeeded();
      const id = await last.getAttribute('data-basemap-id');
      await last.click({ timeout: 5_000 });
      await waitForBasemap(page, id!);
      // the location button is still reachable and answers
      expect(await page.$eval('.maplibregl-ctrl-geolocate', (button) => {
        const { left, top, width, height } = button.getBoundingClientRect();
        return button.contains(document.elementFromPoint(left + width / 2, top + height / 2));
      })).toBe(true);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  /** True when the element hit at the centre of `selector`'s box is inside it. */
  const hitAtCentre = (page: Page, selector: string): Promise<boolean> => page.$eval(selector, (node) => {
    const { left, top, width, height } = node.getBoundingClientRect();
    return node.contains(document.elementFromPoint(left + width / 2, top + height / 2));
  });

  it.each(SIZES)('should keep the basemap button clear of an open side sheet and clickable ($name)', async ({ name, context }) => {
    const app = await openApp(browser, 'map=7/46.8/-71.5&lang=fr', { context });
    const { page } = app;
    try {
      await clickTool(page, 'aoi-toolbar-button', { tap: name === 'phone' });
      await page.waitForSelector('#side-sheet:not([hidden]) .aoi-panel');
      await saveScreenshot(page, `basemap-sheet-${name}`);
      const sheet = await boxOf(page, '#side-sheet');
      const button = await boxOf(page, '.basemap-switcher-button');
      expect(intersects(sheet, button), `sheet ${JSON.stringify(sheet)} vs button ${JSON.stringify(button)}`).toBe(false);
      expect(await hitAtCentre(page, '.basemap-switcher-button')).toBe(true);
      // a real click opens the list while the sheet stays open
      await page.click('.basemap-switcher-button', { timeout: 5_000 });
      await page.waitForSelector('#basemap-options:not([hidden]) [role="radio"]');
      expect(await page.$eval('#side-sheet', (node) => (node as HTMLElement).hidden)).toBe(false);
      expect(await coveredRadios(page)).toEqual([]);
      await saveScreenshot(page, `basemap-sheet-list-${name}`);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
