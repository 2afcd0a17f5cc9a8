// Measure: a line and a polygon drawn with clicks; the numbers shown match turf on the clicked
// positions (a 1 km square at 46.8 °N is about 100 ha); Escape cancels; the result can be copied.
import { destination, distance, point } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, pointOnPage, saveScreenshot, waitForIdle, type AppPage, clickTool, type GeoveilleWindow } from './harness';

const HASH = 'map=13/46.8/-71.2&lang=fr&layers=';

/** The part of the map not covered by the layer panel or the side sheet, in page pixels. */
async function openArea(page: Page): Promise<{ left: number; right: number; top: number; bottom: number }> {
  return page.evaluate(() => {
    const map = document.getElementById('map')!.getBoundingClientRect();
    const panel = document.getElementById('panel-host')?.getBoundingClientRect();
    const sheet = document.getElementById('side-sheet');
    const sheetBox = sheet && !sheet.hidden ? sheet.getBoundingClientRect() : null;
    const left = Math.max(map.left, panel && panel.width > 0 && panel.right < map.right ? panel.right : map.left);
    const right = sheetBox && sheetBox.width > 0 ? Math.min(map.right, sheetBox.left) : map.right;
    return { left, right, top: map.top, bottom: map.bottom };
  });
}

async function lonLatAt(page: Page, x: number, y: number): Promise<[number, number]> {
  return page.evaluate(([px, py]) => {
    const map = (window as unknown as { __geoveille: { map: { unproject(p: [number, number]): { lng: number; lat: number }; getContainer(): HTMLElement } } }).__geoveille.map;
    const box = map.getContainer().getBoundingClientRect();
    const ll = map.unproject([px - box.left, py - box.top]);
    return [ll.lng, ll.lat] as [number, number];
  }, [x, y] as const);
}

/** "12,35 km" / "100,12 ha (1,00 km²)" → metres / square metres. */
function parseFrench(text: string, unit: 'm' | 'km' | 'ha'): number {
  const match = new RegExp(`([\\d\\s\\u202f\\u00a0]+(?:,\\d+)?)\\s?${unit}\\b`).exec(text);
  if (!match) throw new Error(`no "${unit}" value in "${text}"`);
  const value = Number(match[1]!.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
  return unit === 'km' ? value * 1000 : unit === 'ha' ? value * 10_000 : value;
}

async function result(page: Page): Promise<string> {
  return (await page.textContent('.measure-result')) ?? '';
}

async function recordModes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const modes: string[] = [];
    Object.assign(window, { __modes: modes });
    (window as GeoveilleWindow).__geoveille!.context.events.on('map-mode', ({ mode }) => modes.push(mode));
  });
}

const modes = (page: Page) => page.evaluate(() => (window as unknown as { __modes: string[] }).__modes);

describe('measure', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, HASH);
    await recordModes(app.page);
    await clickTool(app.page, 'measure-button');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should measure a line clicked on the map, finished with a double-click', async () => {
    const { page } = app;
    await page.click('.measure-distance');
    const area = await openArea(page);
    const middle = (area.top + area.bottom) / 2;
    const a = { x: area.left + 40, y: middle + 80 };
    const b = { x: area.right - 40, y: middle - 60 };
    await page.mouse.click(a.x, a.y);
    await page.mouse.move(b.x, b.y, { steps: 4 });
    expect(await page.textContent('.measure-label')).toMatch(/km|m$/); // the live value on the map
    await page.mouse.dblclick(b.x, b.y);
    const text = await result(page);
    expect(text).toMatch(/^Distance : /);
    const from = await lonLatAt(page, a.x, a.y);
    const to = await lonLatAt(page, b.x, b.y);
    const expected = distance(from, to, { units: 'meters' });
    expect(parseFrench(text, 'km')).toBeCloseTo(expected, -1); // shown with 10 m precision (2 decimals of km)
    expect(await modes(page)).toEqual(['measure', 'browse']);
    expect(await page.isEnabled('.measure-copy')).toBe(true);
    // the zoom did not change on the finishing double-click
    expect(await page.evaluate(() => location.hash)).toContain('map=13/');
  });

  it('should measure a 1 km square at 46.8 °N as about 100 ha, finished with Enter', async () => {
    const { page } = app;
    await page.click('.measure-area');
    const area = await openArea(page);
    const sw = point(await lonLatAt(page, area.left + 60, (area.top + area.bottom) / 2 + 60));
    const se = destination(sw, 1, 90);
    const ne = destination(se, 1, 0);
    const nw = destination(sw, 1, 0);
    for (const corner of [sw, se, ne, nw]) {
      const [lon, lat] = corner.geometry.coordinates as [number, number];
      const at = await pointOnPage(page, lon, lat);
      await page.mouse.click(at.x, at.y); // clickCount 1: chromium makes no dblclick of two of them
    }
    await page.keyboard.press('Enter');
    const text = await result(page);
    expect(text).toMatch(/^Surface : .* ha \(.* km²\)\nPérimètre : .* km$/);
    expect(parseFrench(text, 'ha') / 10_000).toBeGreaterThan(97);
    expect(parseFrench(text, 'ha') / 10_000).toBeLessThan(103);
    expect(parseFrench(text.split('\n')[1]!, 'km')).toBeCloseTo(4000, -2);
    expect(await page.evaluate(() => document.querySelector('#side-sheet')?.textContent ?? '')).toContain('Mesurer');
    await waitForIdle(page);
    console.log(await saveScreenshot(page, 'measure-area'));
  });

  it('should copy the result (or select it where the clipboard is refused)', async () => {
    const { page, context } = app;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
    const text = await result(page);
    await page.click('.measure-copy');
    await page.waitForFunction(() => document.querySelector('.measure-copied')?.textContent);
    const copied = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    expect([copied, selected]).toContain(text);
  });

  it('should cancel with Escape and give the map back to identify', async () => {
    const { page } = app;
    await page.click('.measure-distance');
    const a = await pointOnPage(page, -71.21, 46.8);
    await page.mouse.click(a.x, a.y);
    await page.keyboard.press('Escape');
    expect(await result(page)).toBe('');
    expect((await modes(page)).slice(-2)).toEqual(['measure', 'browse']);
  });

  it('should have logged no errors', () => {
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
