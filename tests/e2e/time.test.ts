// The time control in the browser. The real MRNF fire perimeters by decade are imported with the
// project's pipeline (runImport) into a temp dir and served by intercepting the user catalogue
// and the data URL (never copied into the repo); the app steps through their decades (pixels
// at a known perimeter change), a range keeps only the chosen decades, play animates, and the
// time round-trips through the permalink. The demo 2019 flood series plays through its dates
// and the pixel at a flood-plain point changes.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LayerDefinition } from '../../src/catalogue/types';
import { runImport } from '../../src/cli/import/run';
import { serveFile } from './serve_file';
import { pointOnlyIn, type Decade } from './fire_points';
import { colorAt, launchBrowser, openApp, pointOnPage, saveScreenshot, waitForIdle, type AppPage, type GeoveilleWindow, waitForSettled } from './harness';
import { colorDistance, formatRgb, type Rgb } from './pixels';
import { axeViolations, FLOOD_LAYER, findFloodPlainPoint, findFloodPoint } from './series_fixture';
import { hasSharedFiles, sharedPath, skipReason, REPO_ROOT as repoRoot } from '../support/shared_data';

const FIRES = 'quebec/fires/mrnf_fires_by_decade_1880-2029.geojson';
const firesFile = sharedPath(FIRES);
const hasFires = hasSharedFiles(FIRES);
const FIRES_ID = 'test-feux-decennies';
/** A filled perimeter vs the basemap alone: far apart; two looks of one state: close. */
const CHANGED = 25;

async function routeImported(page: Page, layer: LayerDefinition, dataFile: string): Promise<void> {
  await page.route('**/layers/local/catalogue.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ layers: [layer.id] }) }));
  await page.route(`**/layers/local/${layer.id}.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(layer) }));
  await page.route(`**/${layer.source.url}`, (route) => serveFile(route, dataFile));
}

const timeText = (page: Page) => page.textContent('#time-label .time-map-label-time');
const hashOf = (page: Page) => page.evaluate(() => window.location.hash);
describe.skipIf(!hasFires)('time control on the real fire perimeters by decade', () => {
  let browser: Browser;
  let layer: LayerDefinition;
  let dataFile: string;
  let fires: Decade[];
  beforeAll(async () => {
    browser = await launchBrowser();
    const work = mkdtempSync(path.join(tmpdir(), 'time-e2e-'));
    const report = await runImport({ input: firesFile, id: FIRES_ID, group: 'fires', outDir: path.join(work, 'data'), layersDir: path.join(work, 'layers') });
    dataFile = report.dataFile;
    layer = { ...report.layer, time: { field: 'Periode', kind: 'period' }, opacity: 1 };
    // An opaque fill, so a perimeter on or off is plain in the pixels.
    layer.style = layer.style.map((s) => (s.type === 'fill' ? { ...s, paint: { ...s.paint, 'fill-color': '#d7301f', 'fill-opacity': 0.9 } } : s));
    fires = (JSON.parse(readFileSync(firesFile, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { Periode: string }>).features;
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
  });

  const open = (hash: string): Promise<AppPage> =>
    openApp(browser, hash, { beforeGoto: (page) => routeImported(page, layer, dataFile) });

  it('should step through the decades with the keyboard: the pixels at a 1990s perimeter change', async () => {
    const [lon, lat] = pointOnlyIn(fires, '1990-1999');
    const app = await open(`map=8/${lat}/${lon}&layers=${FIRES_ID}&time=1990-1999`);
    try {
      await waitForSettled(app.page);
      expect(await timeText(app.page)).toBe('1990–1999');
      const on = await colorAt(app.page, lon, lat);
      await saveScreenshot(app.page, 'time-fires-1990s');
      const slider = app.page.locator('#time-control input.time-slider');
      expect(await slider.getAttribute('aria-valuetext')).toBe('1990–1999');
      expect(await axeViolations(app.page, ['#time-control', '#time-label'])).toEqual([]);
      await slider.focus();
      await app.page.keyboard.press('ArrowRight');
      await waitForSettled(app.page);
      expect(await slider.getAttribute('aria-valuetext')).toBe('2000–2009');
      expect(await timeText(app.page)).toBe('2000–2009');
      const off = await colorAt(app.page, lon, lat);
      expect(colorDistance(on, off), `1990s perimeter at ${lon},${lat}: ${formatRgb(on)} then ${formatRgb(off)}`).toBeGreaterThan(CHANGED);
      await app.page.keyboard.press('ArrowLeft');
      await waitForSettled(app.page);
      const back = await colorAt(app.page, lon, lat);
      expect(colorDistance(on, back)).toBeLessThan(CHANGED);
      await app.page.keyboard.press('Home');
      await waitForSettled(app.page);
      expect(await slider.getAttribute('aria-valuetext')).toBe('1880–1889');
      await app.page.keyboard.press('End');
      await waitForSettled(app.page);
      expect(await slider.getAttribute('aria-valuetext')).toBe('2020–2029');
      expect(await hashOf(app.page)).toContain('time=2020-2029');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should show only the decades of a range (1990–2019)', async () => {
    const inside = pointOnlyIn(fires, '2000-2009');
    const outside = pointOnlyIn(fires, '1950-1959');
    // Each point read at the map centre, clear of the time control and the time label.
    const coloursAt = async (app: AppPage): Promise<Rgb[]> => {
      const colours: Rgb[] = [];
      for (const [lon, lat] of [inside, outside]) {
        await app.page.evaluate(([lng, lt]) => (window as GeoveilleWindow).__geoveille!.map.jumpTo({ center: [lng, lt], zoom: 7 }), [lon, lat] as const);
        await waitForSettled(app.page);
        colours.push(await colorAt(app.page, lon, lat));
      }
      return colours;
    };
    const view = `map=7/${inside[1]}/${inside[0]}&layers=${FIRES_ID}`;
    const all = await open(view);
    let allColours: Rgb[];
    try {
      allColours = await coloursAt(all);
      expect(await timeText(all.page)).toBe('1880–2029');
    } finally {
      await all.close();
    }
    const ranged = await open(`${view}&from=1990-1999&to=2010-2019`);
    try {
      const [inColour, outColour] = await coloursAt(ranged);
      expect(await timeText(ranged.page)).toBe('1990–2019');
      await saveScreenshot(ranged.page, 'time-fires-range-1990-2019');
      expect(colorDistance(inColour!, allColours[0]!), `2000s perimeter kept: ${formatRgb(inColour!)}`).toBeLessThan(CHANGED);
      expect(colorDistance(outColour!, allColours[1]!), `1950s perimeter hidden: ${formatRgb(outColour!)} (all times: ${formatRgb(allColours[1]!)})`).toBeGreaterThan(CHANGED);
      const sliders = ranged.page.locator('#time-control input.time-slider');
      expect(await sliders.count()).toBe(2);
      expect(await ranged.page.getAttribute('#time-control .time-mode', 'aria-pressed')).toBe('true');
      // Back to a single date keeps the range's end, not the first period of the layer.
      await ranged.page.click('#time-control .time-mode');
      await ranged.page.waitForFunction(() => /time=2010-2019/.test(location.hash), undefined, { timeout: 10_000 });
      expect(await ranged.page.getAttribute('#time-control .time-mode', 'aria-pressed')).toBe('false');
    } finally {
      await ranged.close();
    }
  });

  it('should animate through the periods with play, and keep the time in the permalink', async () => {
    const app = await open(`map=5/50/-70&layers=${FIRES_ID}&time=1950-1959`);
    let hash: string;
    try {
      await waitForSettled(app.page);
      await app.page.selectOption('#time-control .time-speed', '4');
      await app.page.click('#time-control .time-play');
      // Playing shows period after period: wait for three labels not seen before.
      const seen = [(await timeText(app.page)) ?? ''];
      while (seen.length < 4) {
        const next = await app.page.waitForFunction((known) => {
          const text = document.querySelector('#time-label .time-map-label-time')?.textContent ?? '';
          return text && !known.includes(text) ? text : null;
        }, seen, { timeout: 30_000 });
        seen.push(String(await next.jsonValue()));
      }
      expect(new Set(seen).size).toBe(4);
      await app.page.click('#time-control .time-play');
      expect(await app.page.getAttribute('#time-control .time-play', 'aria-pressed')).toBe('false');
      await waitForSettled(app.page);
      hash = await hashOf(app.page);
      expect(hash).toMatch(/time=(19[6-9]|20[0-2])\d-\d{4}/);
      await saveScreenshot(app.page, 'time-control-desktop');
    } finally {
      await app.close();
    }
    const again = await open(hash.slice(1));
    try {
      const value = /time=([^&]+)/.exec(hash)![1]!;
      expect(await again.page.getAttribute('#time-control input.time-slider', 'aria-valuetext')).toBe(value.replace('-', '–'));
      expect(await timeText(again.page)).toBe(value.replace('-', '–'));
    } finally {
      await again.close();
    }
  });
});
if (!hasFires) it.skip(`the fire-perimeter time tests: ${skipReason(FIRES)}`, () => undefined);

describe('time control on the demo 2019 flood series', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should play through the dates, and the pixel at a flood-plain point changes', async () => {
    const point = await findFloodPlainPoint();
    const tiles = (page: Page) => page.evaluate((id) =>
      ((window as GeoveilleWindow).__geoveille!.map.getSource(`cog:${id}`) as unknown as { tiles: string[] }).tiles[0], FLOOD_LAYER);
    const app = await openApp(browser, `map=16/${point.lat}/${point.lon}&layers=${FLOOD_LAYER}&time=2019-04-20`);
    try {
      await waitForSettled(app.page);
      expect(await timeText(app.page)).toBe('20 avril 2019');
      expect(await tiles(app.page)).toContain('2019-04-20');
      const dry = await colorAt(app.page, point.lon, point.lat);
      // Identify reads the date on screen, not the layer's default file (4 May).
      const identifyText = async () => {
        await app.page.evaluate(() => (document.querySelector('#side-sheet .side-sheet-close') as HTMLButtonElement | null)?.click());
        const { x, y } = await pointOnPage(app.page, point.lon, point.lat);
        await app.page.mouse.click(x, y);
        await app.page.waitForFunction(() => {
          const sheet = document.querySelector<HTMLElement>('#side-sheet');
          return sheet && !sheet.hidden && sheet.dataset.content === 'identify' && !sheet.querySelector('[aria-busy="true"]');
        }, undefined, { timeout: 30_000 });
        // The COG answer lists the pixel value, named through the layer's categories (1 → "Eau observée").
        return app.page.$$eval(`#side-sheet .identify-layer[data-layer="${FLOOD_LAYER}"] dd`, (dds) => dds.map((dd) => dd.textContent?.trim()));
      };
      const named = (value: number | null) => (value === 1 ? 'Eau observée' : String(value));
      expect(await identifyText()).toEqual([named(point.series[0]!.value)]);
      await app.page.click('#time-control .time-play');
      await app.page.waitForFunction(() => document.querySelector('#time-label .time-map-label-time')?.textContent === '4 mai 2019', undefined, { timeout: 60_000 });
      await app.page.click('#time-control .time-play');
      await waitForSettled(app.page);
      await saveScreenshot(app.page, 'time-flood-2019-05-04');
      const wet = await colorAt(app.page, point.lon, point.lat);
      expect(await identifyText()).toEqual([named(point.series.find((p) => p.date === '2019-05-04')!.value)]);
      expect(colorDistance(dry, wet), `flood plain ${point.lon},${point.lat}: ${formatRgb(dry)} on 04-20, ${formatRgb(wet)} on 05-04`).toBeGreaterThan(CHANGED);
      // 4 May is the layer's own source.url: back on the catalogue's tile id.
      expect(await tiles(app.page)).toBe(`cog://${FLOOD_LAYER}/{z}/{x}/{y}`);
      expect(await hashOf(app.page)).toContain('time=2019-05-04');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should swap dates without a frame of bare basemap where the water stays', async () => {
    // A channel point, water on every date: each frame drawn during a swap must show water.
    const point = await findFloodPoint((values) => values.every((v) => v === 1), 'is water on every date');
    const app = await openApp(browser, `map=16/${point.lat}/${point.lon}&layers=${FLOOD_LAYER}&time=2019-04-20`);
    try {
      await waitForSettled(app.page);
      const water = await colorAt(app.page, point.lon, point.lat);
      const { x, y } = await app.page.evaluate(([lng, lt]) => (window as GeoveilleWindow).__geoveille!.map.project([lng, lt]), [point.lon, point.lat] as const);
      // Read the pixel inside every 'render' event, while the frame is still in the drawing buffer.
      await app.page.evaluate(([px, py]) => {
        const map = (window as GeoveilleWindow).__geoveille!.map;
        const canvas = map.getCanvas();
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
        const frames: number[][] = [];
        (window as unknown as { frames: number[][] }).frames = frames;
        const pixel = new Uint8Array(4);
        map.on('render', () => {
          gl.readPixels(Math.round(px), Math.round(canvas.height - py), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
          frames.push([pixel[0]!, pixel[1]!, pixel[2]!]);
        });
      }, [x, y] as const);
      const slider = app.page.locator('#time-control input.time-slider');
      await slider.focus();
      for (let i = 0; i < 3; i++) {
        await app.page.keyboard.press('ArrowRight');
        await waitForSettled(app.page);
      }
      expect(await timeText(app.page)).toBe('11 mai 2019');
      const frames = await app.page.evaluate(() => (window as unknown as { frames: Array<[number, number, number]> }).frames);
      expect(frames.length).toBeGreaterThan(3);
      const worst = Math.max(...frames.map((rgb) => colorDistance(rgb, water)));
      expect(worst, `${frames.length} frames; water ${formatRgb(water)}; worst frame ${worst.toFixed(1)} away`).toBeLessThan(CHANGED);
    } finally {
      await app.close();
    }
  });
});
