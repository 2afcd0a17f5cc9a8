// What a user does with the AOI tool, shared by the AOI browser tests.
import type { Page } from 'playwright-core';
import { pointOnPage } from './harness';

export async function openAoiPanel(page: Page): Promise<void> {
  if (await page.$('#side-sheet:not([hidden]) .aoi-panel')) return;
  await page.click('#aoi-toolbar-button');
  await page.waitForSelector('#side-sheet:not([hidden]) .aoi-panel');
}

/** Clicks a shape's button; waits until it shows pressed (terra-draw, loaded on the first drawing, then listens to the map). */
export async function startDrawing(page: Page, shape: 'polygon' | 'rectangle' | 'circle'): Promise<void> {
  await page.click(`.aoi-draw-button[data-shape="${shape}"]`);
  await page.waitForSelector(`.aoi-draw-button[data-shape="${shape}"][aria-pressed="true"]`);
}

/** Draws a rectangle from one corner to the other (lon, lat) with the mouse; waits until it is listed. */
export async function drawRectangle(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await openAoiPanel(page);
  await startDrawing(page, 'rectangle');
  const a = await pointOnPage(page, ...from);
  const b = await pointOnPage(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await page.waitForSelector('.aoi-row', { timeout: 30_000 });
}
