// Measures what one layer draws at a point: the colour with the layer on, then with it
// switched off in the panel (the basemap underneath), against the expected legend colour.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SamplePoint } from './app_data';
import { colorAt, waitForIdle } from './harness';
import { colorDistance, formatRgb, type Rgb } from './pixels';

export interface OnOff {
  on: Rgb;
  off: Rgb;
  expected: Rgb;
}

export async function measureOnOff(page: Page, point: SamplePoint, expected: Rgb): Promise<OnOff> {
  const on = await colorAt(page, point.lon, point.lat);
  await page.click(`#layer-panel li.layer[data-layer-id="${point.layer}"] input.layer-toggle`);
  await waitForIdle(page);
  const off = await colorAt(page, point.lon, point.lat);
  return { on, off, expected };
}

/** Minimal RGB distance for "the pixel changed" (SwiftShader output is deterministic, blending is not subtle). */
export const MIN_CHANGE = 30;

/** The layer drew its legend colour there, and switching it off went back towards the basemap. */
export function expectLayerColor(point: SamplePoint, { on, off, expected }: OnOff): void {
  const where = `${point.layer} at ${point.lon},${point.lat} (expect ${JSON.stringify(point.expect)} = ${formatRgb(expected)}): ` +
    `on ${formatRgb(on)}, off ${formatRgb(off)}`;
  expect(colorDistance(on, expected), `${where} — on should be closer to the legend colour than to the basemap`)
    .toBeLessThan(colorDistance(on, off));
  expect(colorDistance(on, off), `${where} — switching off should change the pixel`).toBeGreaterThan(MIN_CHANGE);
  expect(colorDistance(off, expected), `${where} — off should be further from the legend colour`)
    .toBeGreaterThan(colorDistance(on, expected));
}
