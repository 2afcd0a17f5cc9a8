// A 375×667 touch phone: the header fits, the layer panel is a sheet toggled by ☰, targets are
// ≥ 40 px, nothing overflows sideways, and the map stays visible. Screenshots go to
// tests/e2e/screenshots/mobile-*.png for a person to look at.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, saveScreenshot, waitForIdle, waitForLayers, waitForReady } from './harness';

const PHONE = { width: 375, height: 667 };
const MIN_TARGET = 40;

/** Visible interactive elements smaller than the minimum target, inside `scope`. */
async function smallTargets(page: Page, scope: string): Promise<string[]> {
  return page.$$eval(`${scope} button, ${scope} input:not([type=file]), ${scope} select, ${scope} summary, ${scope} [role=option]`,
    (nodes, min) => nodes.flatMap((node) => {
      const box = node.getBoundingClientRect();
      const style = getComputedStyle(node);
      if (box.width === 0 || style.visibility === 'hidden' || (node as HTMLElement).offsetParent === null) return [];
      // A checkbox is reached through its label: measure the label when it wraps or names it.
      const label = (node as HTMLInputElement).labels?.[0]?.getBoundingClientRect();
      const height = Math.max(box.height, label?.height ?? 0);
      const width = Math.max(box.width, label?.width ?? 0);
      return height + 0.5 < min || width + 0.5 < min
        ? [`${node.localName}#${node.id}.${[...node.classList].join('.')} ${Math.round(width)}×${Math.round(height)}`] : [];
    }), MIN_TARGET);
}

async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const wide = [...document.querySelectorAll('body *')].filter((node) => {
      const box = node.getBoundingClientRect();
      return box.width > 0 && box.right > width + 1 && (node as HTMLElement).offsetParent !== null &&
        !node.closest('.maplibregl-canvas-container');
    });
    const page = document.documentElement.scrollWidth > width ? [`document ${document.documentElement.scrollWidth}px`] : [];
    return [...page, ...wide.slice(0, 10).map((node) => `${node.localName}#${node.id}.${[...node.classList].join('.')} right=${Math.round(node.getBoundingClientRect().right)}`)];
  }, PHONE.width);
}

async function visibleMapShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const map = document.getElementById('map')!.getBoundingClientRect();
    const panel = document.getElementById('panel-host')!;
    const cover = panel.hidden ? 0 : Math.max(0, map.bottom - Math.max(map.top, panel.getBoundingClientRect().top));
    return ((map.height - cover) * map.width) / (window.innerWidth * window.innerHeight);
  });
}

describe('mobile 375×667', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
    page = await context.newPage();
    await page.goto(`${baseUrl()}#map=11/46.35/-72.55&lang=fr&layers=zones-inondables`);
    await waitForReady(page);
    await waitForLayers(page);
    await waitForIdle(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('should open on the map with the panel closed, a fitting header and big enough targets', async () => {
    await saveScreenshot(page, 'mobile-map');
    expect(await page.isHidden('#panel-host')).toBe(true);
    expect(await page.getAttribute('#panel-toggle', 'aria-expanded')).toBe('false');
    expect(await visibleMapShare(page)).toBeGreaterThan(0.6);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await smallTargets(page, 'header')).toEqual([]);
  });

  it('should show the layer panel as a sheet over part of the map when ☰ is tapped', async () => {
    await page.tap('#panel-toggle');
    await page.waitForSelector('#panel-host:not([hidden])');
    await saveScreenshot(page, 'mobile-panel');
    expect(await page.getAttribute('#panel-toggle', 'aria-expanded')).toBe('true');
    expect(await visibleMapShare(page)).toBeGreaterThan(0.25);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await smallTargets(page, '#panel-host')).toEqual([]);
    await page.tap('#layer-panel li.layer[data-layer-id="zones-inondables"] input.layer-toggle');
    expect(await page.isChecked('#layer-panel li.layer[data-layer-id="zones-inondables"] input.layer-toggle')).toBe(false);
    await page.tap('#panel-toggle');
    expect(await page.isHidden('#panel-host')).toBe(true);
  });

  it('should show a side-sheet tool (AOI) as a bottom sheet that fits the width', async () => {
    await page.tap('#aoi-toolbar-button');
    await page.waitForSelector('#side-sheet:not([hidden])');
    await saveScreenshot(page, 'mobile-aoi');
    const sheet = await page.$eval('#side-sheet', (node) => node.getBoundingClientRect().toJSON() as DOMRect);
    expect(sheet.left).toBeGreaterThanOrEqual(0);
    expect(sheet.right).toBeLessThanOrEqual(PHONE.width + 1);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await smallTargets(page, '#side-sheet')).toEqual([]);
  });
});
