// Swipe comparison: the flood zones left of the divider, historical floods and the mapped
// reach right of it. The divider moves with a mouse drag, the keyboard and a finger, the pixel
// at a point shows the side it is on, and the comparison comes back from its permalink.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorAt, launchBrowser, openApp, pointOnPage, saveScreenshot, waitForIdle, type AppPage, VIEWPORT, clickTool, waitForHashWritten, waitForReady } from './harness';
import { colorDistance, formatRgb, type Rgb } from './pixels';

const POINT = { lon: -72.55, lat: 46.35 };
const LEFT = 'zones-inondables';
const RIGHT = 'crues-historiques,zones-inondables-couverture';
const HASH = `map=12/46.35/-72.55&lang=fr&layers=${LEFT}&compare=${LEFT}|${RIGHT}&swipe=0.5`;

async function swipe(page: Page): Promise<number> {
  return page.$eval('.compare-divider', (divider) => Number(divider.getAttribute('aria-valuenow')));
}

async function hashSwipe(page: Page): Promise<number> {
  await waitForHashWritten(page); // the hash is written throttled
  return page.evaluate(() => Number(/swipe=([\d.]+)/.exec(location.hash)?.[1]));
}

/** Which side's colour the point shows now. */
async function sideAt(page: Page, left: Rgb, right: Rgb): Promise<'left' | 'right'> {
  await waitForIdle(page);
  const colour = await colorAt(page, POINT.lon, POINT.lat);
  return colorDistance(colour, left) < colorDistance(colour, right) ? 'left' : 'right';
}

describe('compare', () => {
  let browser: Browser;
  let app: AppPage;
  let left: Rgb;
  let right: Rgb;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, HASH);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should draw different layers on each side of the divider', async () => {
    const { page } = app;
    const divider = page.locator('.compare-divider');
    expect(await divider.getAttribute('role')).toBe('separator');
    expect(await swipe(page)).toBe(50);
    await divider.focus();
    await page.keyboard.press('End');
    await waitForIdle(page);
    left = await colorAt(page, POINT.lon, POINT.lat);
    await page.keyboard.press('Home');
    await waitForIdle(page);
    right = await colorAt(page, POINT.lon, POINT.lat);
    expect(colorDistance(left, right), `left ${formatRgb(left)} right ${formatRgb(right)}`).toBeGreaterThan(40);
    expect(await hashSwipe(page)).toBe(0);
  });

  it('should follow a mouse drag', async () => {
    const { page } = app;
    const box = (await page.locator('.compare-divider').boundingBox())!;
    const point = await pointOnPage(page, POINT.lon, POINT.lat);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(point.x + 100, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(await sideAt(page, left, right)).toBe('left');
    await saveScreenshot(page, 'compare-mouse');
    const mapBox = (await page.locator('#map').boundingBox())!;
    expect(await swipe(page)).toBe(Math.round(((point.x + 100 - mapBox.x) / mapBox.width) * 100));
  });

  it('should move with the arrow keys', async () => {
    const { page } = app;
    await page.locator('.compare-divider').focus();
    const before = await swipe(page);
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await swipe(page)).toBe(before - 12);
    const view = await page.evaluate(() => location.hash.match(/map=[^&]+/)?.[0]);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowLeft');
    expect(await sideAt(page, left, right)).toBe('right');
    // the arrows moved the divider, not the map
    expect(await page.evaluate(() => location.hash.match(/map=[^&]+/)?.[0])).toBe(view);
  });

  it('should follow a finger (touch pointer events)', async () => {
    const touch = await browser.newContext({ viewport: VIEWPORT, hasTouch: true, isMobile: false });
    const page = await touch.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${(await app.page.evaluate(() => location.origin + location.pathname))}#${HASH.replace('swipe=0.5', 'swipe=0.2')}`);
    await waitForReady(page);
    await waitForIdle(page);
    expect(await swipe(page)).toBe(20);
    const box = (await page.locator('.compare-divider').boundingBox())!;
    const target = await pointOnPage(page, POINT.lon, POINT.lat);
    const y = box.y + box.height / 2;
    // a finger drag, as the browser reports it: pointer events of type touch
    const pointer = (type: string, x: number) => page.locator('.compare-divider').dispatchEvent(type, {
      pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x, clientY: y, buttons: type === 'pointerup' ? 0 : 1, bubbles: true,
    });
    await pointer('pointerdown', box.x + box.width / 2);
    for (const x of [300, 600, target.x + 80]) await pointer('pointermove', x);
    await pointer('pointerup', target.x + 80);
    expect(await sideAt(page, left, right)).toBe('left');
    await page.touchscreen.tap(box.x + box.width / 2, y); // a tap on the divider is harmless
    expect(errors).toEqual([]);
    await touch.close();
  });

  it('should come back from its permalink', async () => {
    const { page } = app;
    const hash = await page.evaluate(() => location.hash.slice(1));
    expect(hash).toContain(`compare=${LEFT}|${RIGHT}`);
    const fresh = await openApp(browser, hash);
    const value = await swipe(fresh.page);
    expect(value).toBe(await swipe(page));
    expect(await sideAt(fresh.page, left, right)).toBe(await sideAt(page, left, right));
    await clickTool(fresh.page, 'compare-button');
    const rightBoxes = await fresh.page.$$eval('.compare-right:checked', (boxes) => boxes.map((box) => (box as HTMLElement).dataset.layerId));
    expect(rightBoxes.sort()).toEqual(RIGHT.split(',').sort());
    await fresh.page.locator('.compare-divider').focus();
    await fresh.page.keyboard.press('Home');
    await fresh.page.keyboard.press('ArrowRight');
    await fresh.page.keyboard.press('ArrowRight');
    await fresh.page.keyboard.press('Shift+ArrowRight');
    await fresh.page.keyboard.press('Shift+ArrowRight');
    await fresh.page.keyboard.press('Shift+ArrowRight');
    await fresh.page.keyboard.press('Shift+ArrowRight');
    await waitForIdle(fresh.page);
    console.log(await saveScreenshot(fresh.page, 'compare-permalink'));
    await fresh.page.click('.compare-stop');
    expect(await fresh.page.$('.compare-divider')).toBeNull();
    await fresh.page.waitForFunction(() => !location.hash.includes('compare=') && !location.hash.includes('swipe='), undefined, { timeout: 20_000 });
    expect(fresh.pageErrors).toEqual([]);
    expect(fresh.consoleErrors).toEqual([]);
    await fresh.close();
  });

  it('should have logged no errors', () => {
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
