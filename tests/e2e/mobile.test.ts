// A 375×667 touch phone: a one-row header ≤ 56 px (menu, search, the flood tool, "More"), the
// layer panel a sheet toggled by ☰, every interactive element ≥ 44 × 44 px (MapLibre's zoom
// buttons included), nothing overflowing sideways, and at least half the screen showing the map
// with the flood answer open. Screenshots go to tests/e2e/screenshots/mobile-*.png for a person to look at.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickTool, launchBrowser, saveScreenshot, openApp, PHONE_CONTEXT } from './harness';

const PHONE = { width: 375, height: 667 };
const MIN_TARGET = 44;

/** Visible interactive elements smaller than the minimum target, inside `scope`. */
async function smallTargets(page: Page, scope: string): Promise<string[]> {
  return page.$$eval(`${scope} button, ${scope} a[href], ${scope} input:not([type=file]), ${scope} select, ${scope} summary, ${scope} [role=option]`,
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

/** Share of the viewport where the map shows: the map's box minus what the panel or a bottom sheet covers. */
async function visibleMapShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const map = document.getElementById('map')!.getBoundingClientRect();
    const covers = ['panel-host', 'side-sheet'].map((id) => document.getElementById(id))
      .filter((node): node is HTMLElement => node !== null && !node.hidden)
      .map((node) => Math.max(0, map.bottom - Math.max(map.top, node.getBoundingClientRect().top)));
    const cover = Math.max(0, ...covers);
    return ((map.height - cover) * map.width) / (window.innerWidth * window.innerHeight);
  });
}

async function headerHeight(page: Page): Promise<number> {
  return page.$eval('header.app-header', (node) => node.getBoundingClientRect().height);
}

describe('mobile 375×667', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, context } = await openApp(browser, 'map=11/46.35/-72.55&lang=fr&layers=zones-inondables', { context: PHONE_CONTEXT }));
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
    expect(await headerHeight(page)).toBeLessThanOrEqual(56);
    // Everything on the page a finger can reach: header, map controls, attribution.
    expect(await smallTargets(page, 'body')).toEqual([]);
    expect(await page.$eval('.maplibregl-ctrl-zoom-in', (node) => node.getBoundingClientRect().height)).toBeGreaterThanOrEqual(44);
  });

  it('should keep every tool one tap away in the "More" menu, each ≥ 44 px', async () => {
    await page.tap('#tools-more-button');
    await page.waitForSelector('#tools-more-list:not([hidden])');
    await saveScreenshot(page, 'mobile-more');
    const tools = await page.$$eval('#tools-more-list button', (nodes) => nodes.map((node) => node.id));
    expect(tools).toEqual(expect.arrayContaining(['aoi-toolbar-button', 'add-data-button', 'measure-button', 'compare-button', 'series-button']));
    expect(await smallTargets(page, '#tools-more-list')).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.tap('#tools-more-button');
    expect(await page.isHidden('#tools-more-list')).toBe(true);
  });

  it('should open the flood answer as a half-open bottom sheet leaving at least half the screen to the map', async () => {
    await page.tap('#verdict-button');
    await page.tap('.verdict-use-centre');
    await page.waitForSelector('#side-sheet[data-content="verdict"] .verdict-headline', { timeout: 30_000 });
    await saveScreenshot(page, 'mobile-verdict');
    expect(await headerHeight(page)).toBeLessThanOrEqual(56);
    expect(await visibleMapShare(page)).toBeGreaterThanOrEqual(0.5);
    expect(await page.isVisible('#time-control')).toBe(false);
    expect(await smallTargets(page, '#side-sheet')).toEqual([]);
    // The grip drags the sheet up (to read on) and a tap brings it back to half.
    const grip = (await page.$eval('#side-sheet .sheet-grip', (node) => node.getBoundingClientRect().toJSON())) as DOMRect;
    const before = await page.$eval('#side-sheet', (node) => node.getBoundingClientRect().height);
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + grip.width / 2, grip.y - 150, { steps: 5 });
    await page.mouse.up();
    const dragged = await page.$eval('#side-sheet', (node) => node.getBoundingClientRect().height);
    expect(dragged).toBeGreaterThan(before + 100);
    await saveScreenshot(page, 'mobile-verdict-dragged');
    await page.click('#side-sheet .side-sheet-close');
  });

  it('should show the layer panel as a sheet over part of the map when ☰ is tapped', async () => {
    await page.tap('#panel-toggle');
    await page.waitForSelector('#panel-host:not([hidden])');
    await saveScreenshot(page, 'mobile-panel');
    expect(await page.getAttribute('#panel-toggle', 'aria-expanded')).toBe('true');
    expect(await visibleMapShare(page)).toBeGreaterThanOrEqual(0.5);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await smallTargets(page, '#panel-host')).toEqual([]);
    await page.tap('#layer-panel li.layer[data-layer-id="zones-inondables"] input.layer-toggle');
    expect(await page.isChecked('#layer-panel li.layer[data-layer-id="zones-inondables"] input.layer-toggle')).toBe(false);
    await page.tap('#panel-toggle');
    expect(await page.isHidden('#panel-host')).toBe(true);
  });

  it('should show a side-sheet tool (AOI) as a bottom sheet that fits the width', async () => {
    await clickTool(page, 'aoi-toolbar-button', { tap: true });
    await page.waitForSelector('#side-sheet:not([hidden])');
    await saveScreenshot(page, 'mobile-aoi');
    const sheet = await page.$eval('#side-sheet', (node) => node.getBoundingClientRect().toJSON() as DOMRect);
    expect(sheet.left).toBeGreaterThanOrEqual(0);
    expect(sheet.right).toBeLessThanOrEqual(PHONE.width + 1);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await smallTargets(page, '#side-sheet')).toEqual([]);
  });
});
