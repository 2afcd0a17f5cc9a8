// Shared steps of the basemap browser tests: wait for a basemap, measure edges in a screenshot,
// serve a replacement basemap catalogue, a Protomaps-schema fixture and raster tiles.
import type { Page } from 'playwright-core';
import { decode, encode } from 'fast-png';
import { buildVectorArchive } from '../../src/cli/demo/vector_tiles';
import { pointOnPage, waitForIdle } from './harness';

/** Waits until the map holds basemap `id` ("none" for no basemap), then for an idle frame. */
export async function waitForBasemap(page: Page, id: string): Promise<void> {
  await page.waitForFunction((wanted) => document.getElementById('map')?.dataset.basemap === wanted, id, { timeout: 30_000 });
  await waitForIdle(page);
}

/**
 * Share of pixels in a square of `half` CSS px around (x, y) whose colour differs from the pixel
 * to the right or below by more than 24 in a channel: ~0 on a flat fill, high on streets and houses.
 */
export function edgeDensity(png: Uint8Array, x: number, y: number, half = 150): number {
  const image = decode(png);
  const at = (px: number, py: number, c: number) => image.data[(py * image.width + px) * image.channels + c] ?? 0;
  let edges = 0;
  let total = 0;
  for (let py = Math.round(y - half); py < y + half; py++) {
    for (let px = Math.round(x - half); px < x + half; px++) {
      if (px < 0 || py < 0 || px + 1 >= image.width || py + 1 >= image.height) continue;
      total++;
      for (let c = 0; c < 3; c++) {
        if (Math.abs(at(px, py, c) - at(px + 1, py, c)) > 24 || Math.abs(at(px, py, c) - at(px, py + 1, c)) > 24) {
          edges++;
          break;
        }
      }
    }
  }
  return edges / total;
}

export async function edgeDensityAt(page: Page, lon: number, lat: number): Promise<number> {
  const { x, y } = await pointOnPage(page, lon, lat);
  return edgeDensity(new Uint8Array(await page.screenshot({ type: 'png' })), x, y);
}

/**
 * Answers the app's basemap catalogue request with `json` (route before opening the page): the
 * build's checked list (catalogue/basemaps_checked.ts) is made absent, so the app reads this one.
 */
export async function serveBasemapCatalogue(page: Page, json: unknown): Promise<void> {
  await page.route('**/layers/basemaps/basemaps.checked.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.route('**/layers/basemaps/basemaps.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(json) }));
}

/** One 256² PNG tile of a single colour. */
export function solidTile([r, g, b]: [number, number, number]): Buffer {
  const data = new Uint8Array(256 * 256 * 4);
  for (let i = 0; i < data.length; i += 4) data.set([r, g, b, 255], i);
  return Buffer.from(encode({ width: 256, height: 256, data, channels: 4, depth: 8 }));
}

/** Where the fixture draws each kind of feature (lon, lat). */
export const FIXTURE_POINTS = {
  earth: [-69.985, 46.995] as [number, number],
  water: [-70.012, 47.0] as [number, number],
  building: [-69.99, 47.0] as [number, number],
};

/**
 * A small Protomaps-schema archive: earth over a 3 km box, water on its western third, a major
 * road, and one 75 m building — enough to check each flavour's fills.
 */
export function protomapsFixture(): Buffer {
  const box = (w: number, s: number, e: number, n: number) => ({
    type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
  });
  const fc = (features: Array<{ geometry: unknown; properties: Record<string, unknown> }>) => ({
    type: 'FeatureCollection' as const, features: features.map((f) => ({ type: 'Feature' as const, ...f })),
  });
  const [bx, by] = FIXTURE_POINTS.building;
  return buildVectorArchive(
    [
      { name: 'earth', features: fc([{ geometry: box(-70.02, 46.99, -69.98, 47.01), properties: { kind: 'earth' } }]) as never },
      { name: 'water', features: fc([{ geometry: box(-70.02, 46.99, -70.005, 47.01), properties: { kind: 'water' } }]) as never },
      { name: 'roads', features: fc([{ geometry: { type: 'LineString', coordinates: [[-70.0, 47.006], [-69.98, 47.006]] }, properties: { kind: 'major_road', name: 'Route test' } }]) as never },
      { name: 'buildings', features: fc([{ geometry: box(bx - 0.0005, by - 0.0005, bx + 0.0005, by + 0.0005), properties: { kind: 'building' } }]) as never },
    ],
    { name: 'fixture', description: 'Protomaps-schema test fixture', attribution: 'fixture', minZoom: 0, maxZoom: 15 },
  );
}
