// Measures what one layer draws at a sample point: the colour with the layer on, then with
// it switched off in the panel (the basemap underneath), and checks it against the colour
// the layer's style gives that feature, blended over the basemap with the style's opacity.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { legendColors, readLayer, type SamplePoint } from './app_data';
import { expectedPaint, type ExpectedPaint } from './expected_paint';
import { colorAt, waitForIdle } from './harness';
import { colorDistance, formatRgb, type Rgb } from './pixels';

/** Zoom of the sample-point views (map=12/lat/lon). */
export const SAMPLE_ZOOM = 12;
/** RGB distance allowed between the drawn pixel and the predicted blend (antialiasing, dithering). */
const BLEND_TOLERANCE = 30;
/** A legend swatch and the style colour it stands for may differ by rounding only. */
const LEGEND_TOLERANCE = 8;

export interface OnOff {
  on: Rgb;
  off: Rgb;
  paint: ExpectedPaint;
}

export function samplePaint(point: SamplePoint): ExpectedPaint {
  const paint = expectedPaint(readLayer(point.layer), point.expect, SAMPLE_ZOOM);
  for (const color of paint.colors) {
    const nearestLegend = Math.min(...legendColors(readLayer(point.layer)).map((c) => colorDistance(c, color)));
    expect(nearestLegend, `${paint.source} = ${formatRgb(color)} is not a legend colour of ${point.layer}`)
      .toBeLessThan(LEGEND_TOLERANCE);
  }
  return paint;
}

export async function measureOnOff(page: Page, point: SamplePoint): Promise<OnOff> {
  const paint = samplePaint(point);
  const on = await colorAt(page, point.lon, point.lat);
  await page.click(`#layer-panel li.layer[data-layer-id="${point.layer}"] input.layer-toggle`);
  await waitForIdle(page);
  const off = await colorAt(page, point.lon, point.lat);
  return { on, off, paint };
}

function blend(top: Rgb, bottom: Rgb, alpha: number): Rgb {
  return top.map((v, i) => alpha * v + (1 - alpha) * (bottom[i] ?? 0)) as Rgb;
}

/** The layer drew its class colour there, and switching it off went back to the basemap. */
export function expectLayerColor(point: SamplePoint, { on, off, paint }: OnOff): void {
  // One candidate when the attributes decide the class; else the legend colour drawn.
  const color = [...paint.colors].sort((a, b) =>
    colorDistance(on, blend(a, off, paint.alpha)) - colorDistance(on, blend(b, off, paint.alpha)))[0]!;
  const predicted = blend(color, off, paint.alpha);
  const where = `${point.layer} at ${point.lon},${point.lat} ${JSON.stringify(point.expect)}: ` +
    `${paint.source} = ${formatRgb(color)} × ${paint.alpha.toFixed(2)} over ${formatRgb(off)} ` +
    `→ predicted ${formatRgb(predicted)}, drawn ${formatRgb(on)}`;
  expect(colorDistance(on, predicted), `${where} — drawn pixel far from the predicted blend`).toBeLessThan(BLEND_TOLERANCE);
  expect(colorDistance(on, color), `${where} — switching on should move towards the class colour`)
    .toBeLessThan(colorDistance(off, color));
  const expectedChange = paint.alpha * colorDistance(color, off);
  expect(colorDistance(on, off), `${where} — switching off should change the pixel`)
    .toBeGreaterThan(Math.max(10, expectedChange / 2));
  if (paint.alpha >= 0.5) {
    expect(colorDistance(on, color), `${where} — should be closer to the class colour than to the basemap`)
      .toBeLessThan(colorDistance(on, off));
  }
}
