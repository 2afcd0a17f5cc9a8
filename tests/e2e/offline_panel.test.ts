// The "Take offline" and "My location" panels on a 375 px phone, in French then English:
// no axe violation inside the side sheet, nothing wider than the screen, a clear message when
// the location is refused.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fr from '../../src/i18n/fr.json';
import en from '../../src/i18n/en.json';
import { clickTool, launchBrowser, saveScreenshot, openApp, PHONE_CONTEXT } from './harness';
import { axeViolations } from './axe';

const PHONE = { width: 375, height: 667 };

/** Elements of the side sheet that stick out of the screen. */
async function outside(page: Page): Promise<string[]> {
  return page.$$eval('#side-sheet *', (nodes) => nodes.flatMap((node) => {
    const box = node.getBoundingClientRect();
    return box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1) ? [`${node.tagName}#${node.id}.${node.className}`] : [];
  }));
}

async function openTool(page: Page, button: string): Promise<void> {
  // the tool buttons sit in the header's "More" menu
  await clickTool(page, button.slice(1));
  await page.waitForSelector('#side-sheet:not([hidden])');
}

describe('offline and GPS panels on a 375 px phone', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    // no geolocation permission granted: the browser refuses the position
    ({ page, context } = await openApp(browser, 'map=12/46.35/-72.55&lang=fr&layers=zones-inondables', { context: PHONE_CONTEXT }));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('should show the offline panel in French, axe clean and inside the screen', async () => {
    await openTool(page, '#offline-button');
    expect(await page.textContent('#side-sheet-title')).toBe(fr.offline.title);
    expect(await page.textContent('#offline-estimate')).toBe(fr.offline.estimate);
    expect(await page.isDisabled('#offline-download')).toBe(true);
    await page.click('#offline-estimate');
    await page.waitForSelector('.offline-estimate[data-bytes]', { timeout: 60_000 });
    expect(await page.isEnabled('#offline-download')).toBe(true);
    await saveScreenshot(page, 'offline-panel-375-fr');
    expect(await axeViolations(page, ['#side-sheet'])).toEqual([]);
    expect(await outside(page)).toEqual([]);
  });

  it('should say plainly that the location was refused', async () => {
    await openTool(page, '#gps-button');
    await page.click('#gps-locate');
    await page.waitForFunction(() => document.documentElement.dataset.gps === 'denied', undefined, { timeout: 30_000 });
    expect(await page.textContent('#gps-status')).toBe(fr.gps.denied);
    expect(await axeViolations(page, ['#side-sheet'])).toEqual([]);
    expect(await outside(page)).toEqual([]);
  });

  it('should show both panels in English, axe clean', async () => {
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await openTool(page, '#offline-button');
    expect(await page.textContent('#side-sheet-title')).toBe(en.offline.title);
    expect(await page.textContent('#offline-estimate')).toBe(en.offline.estimate);
    await saveScreenshot(page, 'offline-panel-375-en');
    expect(await axeViolations(page, ['#side-sheet'])).toEqual([]);
    expect(await outside(page)).toEqual([]);
    await openTool(page, '#gps-button');
    expect(await page.textContent('#side-sheet-title')).toBe(en.gps.title);
    expect(await page.textContent('#gps-status')).toBe(en.gps.denied);
    expect(await axeViolations(page, ['#side-sheet'])).toEqual([]);
  });
});
