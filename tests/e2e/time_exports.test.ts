// Time beyond the map, in the browser, on the demo disturbances (attribute `annee`):
// identify lists only the features of the year shown; the report's map PNG carries a caption
// band with the time, which changes with the time; the report's GeoJSON holds that year only
// and says so in its name; with two time layers visible, a select chooses which one the
// slider drives, and the map label follows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, pointOnPage, saveScreenshot, waitForIdle, type GeoveilleWindow, waitForSettled } from './harness';
import { axeViolations } from './series_fixture';
import { showReport } from './app_hook';

const LAYER = 'perturbations-naturelles';
const FLOOD = 'etendue-crue-2019';
type Disturbance = Feature<Polygon | MultiPolygon, { annee: number }>;

/** A point inside one disturbance and no other (3 nearby points agree), its year, and a neighbouring year. */
function lonelyPoint(): { lon: number; lat: number; own: string; other: string; direction: 'ArrowLeft' | 'ArrowRight' } {
  const file = path.join(inject('distDir'), 'data/perturbations.geojson');
  const all = (JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { annee: number }>).features as Disturbance[];
  const years = [...new Set(all.map((f) => String(f.properties.annee)))].sort();
  for (const feature of all) {
    const [lon, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
    const near: Array<[number, number]> = [[lon, lat], [lon + 0.002, lat], [lon - 0.002, lat], [lon, lat + 0.002]];
    if (!near.every((p) => all.filter((f) => booleanPointInPolygon(p, f)).length === 1 && booleanPointInPolygon(p, feature))) continue;
    const own = String(feature.properties.annee);
    const index = years.indexOf(own);
    // Start on the next year (or the previous one at the end): one key press reaches `own`.
    const other = years[index + 1] ?? years[index - 1]!;
    return { lon, lat, own, other, direction: years[index + 1] ? 'ArrowLeft' : 'ArrowRight' };
  }
  throw new Error(`${file}: no point inside a single disturbance`);
}

async function identifyAt(page: Page, lon: number, lat: number): Promise<{ years: string[]; nothing: boolean; time: string }> {
  await page.evaluate(() => (document.querySelector('#side-sheet .side-sheet-close') as HTMLButtonElement | null)?.click());
  const { x, y } = await pointOnPage(page, lon, lat);
  await page.mouse.click(x, y);
  const section = `#side-sheet[data-content="identify"] .identify-layer[data-layer="${LAYER}"]`;
  await page.waitForSelector(section, { timeout: 30_000 });
  return page.$eval(section, (node) => ({
    years: [...node.querySelectorAll('dd[data-field="annee"]')].map((dd) => dd.textContent?.replace(/\s/g, '') ?? ''),
    nothing: node.querySelector('.identify-nothing') !== null,
    time: node.querySelector('.identify-time')?.textContent ?? '',
  }));
}

/** Clicks a report export button and returns the downloaded file's name and bytes. */
async function exportFile(page: Page, button: ReturnType<Page['locator']>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

describe('time in identify and exports (demo disturbances)', () => {
  let browser: Browser;
  const point = lonelyPoint();
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should identify only the features of the year shown', { timeout: 180_000 }, async () => {
    const app = await openApp(browser, `map=12/${point.lat}/${point.lon}&layers=${LAYER}&time=${point.other}`);
    try {
      await waitForSettled(app.page);
      const hidden = await identifyAt(app.page, point.lon, point.lat);
      expect(hidden.nothing, `a ${point.own} disturbance with the map on ${point.other}`).toBe(true);
      expect(hidden.years).toEqual([]);
      expect(hidden.time).toContain(point.other);
      await app.page.locator('#time-control input.time-slider').focus();
      await app.page.keyboard.press(point.direction);
      await waitForSettled(app.page);
      const shown = await identifyAt(app.page, point.lon, point.lat);
      expect(shown.years).toEqual([point.own]);
      expect(shown.time).toContain(point.own);
      await saveScreenshot(app.page, 'time-identify');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should print the time under the map PNG and export only that year\'s features', { timeout: 240_000 }, async () => {
    const d = 0.05;
    const aoi = { type: 'Feature', id: 'time-aoi', properties: { name: 'Secteur' }, geometry: { type: 'Polygon', coordinates: [[
      [point.lon - d, point.lat - d], [point.lon + d, point.lat - d], [point.lon + d, point.lat + d], [point.lon - d, point.lat + d], [point.lon - d, point.lat - d]]] } };
    const app = await openApp(browser, `map=11/${point.lat}/${point.lon}&layers=${LAYER}&time=${point.own}`);
    const report = async () => {
      await showReport(app.page, { id: aoi.id, name: aoi.properties.name, feature: aoi });
      await app.page.waitForSelector(`#side-sheet section[data-layer="${LAYER}"] .report-body[aria-busy="false"]`, { timeout: 60_000 });
    };
    const png = async () => decode(new Uint8Array((await exportFile(app.page, app.page.getByRole('button', { name: /PNG/ }))).bytes));
    try {
      await waitForSettled(app.page);
      await report();
      const geojson = await exportFile(app.page, app.page.locator(`#side-sheet section[data-layer="${LAYER}"]`).getByRole('button', { name: /GeoJSON/ }));
      expect(geojson.name).toMatch(new RegExp(`^geoveille_Secteur_${LAYER}_${point.own}_\\d{4}-\\d{2}-\\d{2}\\.geojson$`));
      const parsed = JSON.parse(geojson.bytes.toString('utf8')) as FeatureCollection & { time?: string };
      expect(parsed.time).toBe(point.own);
      expect(parsed.features.length).toBeGreaterThan(0);
      expect(parsed.features.every((f) => String(f.properties?.annee) === point.own)).toBe(true);
      const first = await png();
      const canvasHeight = await app.page.evaluate(() => (window as GeoveilleWindow).__geoveille!.map.getCanvas().height);
      // Title and attribution take 48 px; one caption line (18 px) per time layer shown.
      expect(first.height).toBe(canvasHeight + 48 + 18);
      const band = (image: typeof first) => bandPixels(image, canvasHeight + 26, 18);
      expect(tinted(band(first)), 'the caption band is drawn').toBe(true);
      // Another year: same size, other caption text.
      await app.page.locator('#time-control input.time-slider').focus();
      await app.page.keyboard.press(point.direction === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft');
      await waitForSettled(app.page);
      const second = await png();
      expect(second.height).toBe(first.height);
      expect(Buffer.from(band(second)).equals(Buffer.from(band(first))), 'the caption changes with the time').toBe(false);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should let the user choose which visible time layer the slider drives', { timeout: 180_000 }, async () => {
    const app = await openApp(browser, `map=9/46.35/-72.55&layers=${LAYER},${FLOOD}&time=${point.own}`);
    try {
      await waitForSettled(app.page);
      const select = app.page.locator('#time-control select.time-layer-select');
      expect(await select.locator('option').allTextContents()).toHaveLength(2);
      expect(await select.inputValue()).toBe(LAYER);
      expect(await app.page.textContent('#time-label .time-map-label-time')).toBe(point.own);
      expect(await axeViolations(app.page, ['#time-control', '#time-label'])).toEqual([]);
      await select.focus();
      await select.selectOption(FLOOD);
      await app.page.waitForFunction(() => /2019/.test(document.querySelector('#time-label .time-map-label-time')?.textContent ?? '') &&
        document.querySelector('#time-label .time-map-label-time')?.textContent !== '2019', undefined, { timeout: 30_000 });
      await waitForSettled(app.page);
      expect(await app.page.textContent('#time-label small')).toMatch(/crue/i);
      expect(await app.page.evaluate(() => window.location.hash)).toContain(`timelayer=${FLOOD}`);
      expect(await app.page.locator('#time-control select.time-layer-select').inputValue()).toBe(FLOOD);
      await saveScreenshot(app.page, 'time-two-layers');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('report of a series layer (demo 2019 flood extents)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should read the date the map shows, and name it in the exports', { timeout: 240_000 }, async () => {
    const [w, s, e, n] = [-72.5803, 46.3464, -72.5459, 46.3773];
    const aoi = { type: 'Feature', id: 'flood-aoi', properties: { name: 'Plaine' }, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } };
    const waterArea = async (date: string): Promise<{ name: string; m2: number }> => {
      const app = await openApp(browser, `map=13/${(s + n) / 2}/${(w + e) / 2}&layers=${FLOOD}&time=${date}`);
      try {
        await waitForSettled(app.page);
        await showReport(app.page, { id: aoi.id, name: aoi.properties.name, feature: aoi });
        const section = app.page.locator(`#side-sheet section[data-layer="${FLOOD}"]`);
        await section.getByRole('button', { name: 'CSV', exact: true }).waitFor({ timeout: 60_000 });
        const csv = await exportFile(app.page, section.getByRole('button', { name: 'CSV', exact: true }));
        const rows = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
        const header = rows[0]!;
        const water = rows.find((row) => row[header.indexOf('class')]!.startsWith('1'));
        expect(rows.slice(1).every((row) => row[header.indexOf('time')] === date)).toBe(true);
        return { name: csv.name, m2: Number(water?.[header.indexOf('area_m2')] ?? 0) };
      } finally {
        await app.close();
      }
    };
    const early = await waterArea('2019-04-20');
    const peak = await waterArea('2019-05-04');
    expect(early.name).toMatch(new RegExp(`^geoveille_Plaine_${FLOOD}_2019-04-20_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(peak.name).toContain('_2019-05-04_');
    expect(peak.m2, `water on 4 May ${peak.m2} m² vs 20 April ${early.m2} m²`).toBeGreaterThan(early.m2);
  });
});

/** The RGBA rows [top, top + height) of a decoded PNG. */
function bandPixels(image: ReturnType<typeof decode>, top: number, height: number): Uint8Array {
  const row = image.width * image.channels;
  return new Uint8Array(image.data.buffer, image.data.byteOffset + top * row, height * row);
}

/** True when most of a band is the caption tint (#e8eef7), not the white page. */
function tinted(band: Uint8Array): boolean {
  let tint = 0;
  for (let i = 0; i < band.length; i += 4) if (band[i] === 0xe8 && band[i + 1] === 0xee && band[i + 2] === 0xf7) tint++;
  return tint > band.length / 4 / 2;
}
