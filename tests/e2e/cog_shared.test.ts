// Every COG in ../shared/data renders in the right place: the app shows each one as a user layer
// (served from ../shared/data, never copied), and at known pixel centres the drawn colour is the
// test's colour table applied to the value identify reads there; outside the raster and on nodata
// the basemap shows through.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CogRendering } from '../../src/catalogue/types';
import { identify } from '../../src/sources/cog/identify';
import type { Cog } from '../../src/sources/cog/open';
import { cogLayer, expectedColour, hasSharedData, openLocalCog, pixelCentre, routeLocalLayers, sharedData, zoomForPixel } from './cog_fixture';
import { colorAt, launchBrowser, openApp, saveScreenshot, waitForIdle, type GeoveilleWindow } from './harness';
import { colorDistance, formatRgb, type Rgb } from './pixels';

/** RGB distance allowed between drawn and expected colour (rounding, SwiftShader dithering). */
const TOLERANCE = 12;
/** Screen pixels per source pixel: the 3×3 sampled patch stays well inside one source pixel. */
const SCREEN_PX = 24;

interface Probe { lon: number; lat: number; values: Array<number | null> }

const PALETTE = ['#e41a1c', '#377eb8', '#4daf4a', '#984ea3', '#ff7f00', '#ffff33', '#a65628', '#f781bf', '#00ced1', '#222222'];

/** How each file is coloured in the test, from the values found at the probes. */
function renderingFor(file: string, probes: Probe[]): CogRendering {
  const valid = probes.flatMap((p) => p.values.filter((v): v is number => v !== null));
  if (file.includes('species_group')) return { mode: 'categorical', categories: Object.fromEntries(PALETTE.map((c, i) => [String(i + 1), c])), resampling: 'nearest' };
  if (file.includes('landsat8')) {
    return { mode: 'rgb', bands: [1, 2, 3], stretch: [0, 1, 2].map((b) => [0, Math.max(...probes.map((p) => p.values[b] ?? 0)) * 1.5] as [number, number]), resampling: 'nearest' };
  }
  const [lo, hi] = [Math.min(...valid), Math.max(...valid)];
  const pad = (hi - lo) * 0.2 || 1;
  return { mode: 'continuous', bands: [1], ramp: [[lo - pad, '#2c7bb6'], [(lo + hi) / 2, '#ffffbf'], [hi + pad, '#d7191c']], resampling: 'nearest' };
}

/** Pixel centres on a 7×7 grid across the raster with their values (identify reads full resolution). */
async function probesOf(cog: Cog): Promise<Probe[]> {
  const out: Probe[] = [];
  for (let j = 1; j < 8; j++) {
    for (let i = 1; i < 8; i++) {
      const [lon, lat] = pixelCentre(cog, Math.floor((cog.width * i) / 8), Math.floor((cog.height * j) / 8));
      out.push({ lon, lat, values: await identify(cog, lon, lat) });
    }
  }
  return out;
}

/** Two valid probes with clearly different values, and a nodata one if the grid met any. */
function chooseProbes(probes: Probe[]): { valid: Probe[]; nodata: Probe | undefined } {
  const valid = probes.filter((p) => p.values.every((v) => v !== null));
  const sorted = [...valid].sort((a, b) => a.values[0]! - b.values[0]!);
  const picks = sorted.length > 1 ? [sorted[Math.floor(sorted.length * 0.25)]!, sorted[Math.floor(sorted.length * 0.75)]!] : sorted;
  return { valid: picks, nodata: probes.find((p) => p.values.every((v) => v === null)) };
}

async function jump(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  await page.evaluate(([lng, lt, z]) => (window as GeoveilleWindow).__geoveille!.map.jumpTo({ center: [lng, lt], zoom: z }), [lon, lat, zoom] as const);
  await waitForIdle(page);
}

const FILES = [
  'quebec/forest/qldm_species_group_2020_2km.tif',
  'quebec/forest/qldm_stand_age_2020_2km.tif',
  'quebec/imagery/landsat8_montreal_lac_saint_pierre_utm18.tif',
  'quebec/imagery/landsat8_outaouais_utm18.tif',
  'fixtures/cog/mcp_kriging_3857.tif',
  'fixtures/cog/ol_elevation-f32.tif',
  'fixtures/cog/ol_elevation-i16.tif',
  'fixtures/cog/ol_sentinel-b04.tif',
];

describe.skipIf(!hasSharedData)('shared COGs render in the right place (../shared/data)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(FILES)('%s: colour table applied to the value at known pixels; basemap outside and on nodata', async (file) => {
    const cog = await openLocalCog(path.join(sharedData, file));
    const { valid, nodata } = chooseProbes(await probesOf(cog));
    expect(valid.length, `${file}: no valid pixel found on the probe grid`).toBe(2);
    const rendering = renderingFor(file, valid);
    const id = `test-${path.basename(file, '.tif').replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    const layer = cogLayer(id, `shared/${file}`, rendering);
    const first = valid[0]!;
    const zoom = zoomForPixel(cog, first.lat, SCREEN_PX);
    const app = await openApp(browser, `map=${zoom.toFixed(2)}/${first.lat}/${first.lon}&layers=${id}`, { beforeGoto: (page) => routeLocalLayers(page, [layer]) });
    try {
      expect(await app.page.getAttribute(`#layer-panel li.layer[data-layer-id="${id}"]`, 'data-state')).not.toBe('error');
      for (const probe of valid) {
        await jump(app.page, probe.lon, probe.lat, zoomForPixel(cog, probe.lat, SCREEN_PX));
        const drawn = await colorAt(app.page, probe.lon, probe.lat);
        const want = expectedColour(rendering, probe.values as number[]);
        expect(want, `${file}: value ${probe.values.join(',')} has no colour`).not.toBeNull();
        expect(colorDistance(drawn, want!), `${file} at ${probe.lon},${probe.lat} = ${probe.values.join(',')}: drawn ${formatRgb(drawn)}, want ${formatRgb(want!)}`).toBeLessThan(TOLERANCE);
      }
      await saveScreenshot(app.page, `cog-shared-${id}`);
      const [outLon, outLat] = pixelCentre(cog, -3, Math.floor(cog.height / 2));
      const transparent = [{ lon: outLon, lat: outLat, what: 'outside' }, ...(nodata ? [{ ...nodata, what: 'nodata' }] : [])];
      const on: Rgb[] = [];
      for (const p of transparent) {
        await jump(app.page, p.lon, p.lat, zoomForPixel(cog, p.lat, SCREEN_PX));
        on.push(await colorAt(app.page, p.lon, p.lat));
      }
      await app.page.click(`#layer-panel li.layer[data-layer-id="${id}"] input.layer-toggle`);
      for (const [k, p] of transparent.entries()) {
        await jump(app.page, p.lon, p.lat, zoomForPixel(cog, p.lat, SCREEN_PX) + 0.001);
        const off = await colorAt(app.page, p.lon, p.lat);
        expect(colorDistance(on[k]!, off), `${file} ${p.what} at ${p.lon},${p.lat}: layer on ${formatRgb(on[k]!)} vs basemap ${formatRgb(off)}`).toBeLessThan(TOLERANCE);
      }
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
      await cog.close();
    }
  });
});
