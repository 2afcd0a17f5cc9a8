// Shared by the offline browser tests: the demo spots they probe, waiting for a view to settle,
// and colours "the same" within a tolerance (online vs offline drawing of the same tiles).
import type { Page } from 'playwright-core';
import { waitForIdle, waitForLayers, waitForReady } from './harness';
import type { Rgb } from './pixels';

/** A flood zone and a LiDAR hillshade spot inside the demo's saved area. */
export const ZONE = { lon: -72.55, lat: 46.35 };
export const LIDAR = { lon: -72.566, lat: 46.368 };

export async function settle(page: Page): Promise<void> {
  await waitForReady(page);
  await waitForLayers(page);
  await waitForIdle(page);
}

export function close(a: Rgb, b: Rgb, tolerance = 10): boolean {
  return a.every((value, i) => Math.abs(value - (b[i] as number)) <= tolerance);
}
