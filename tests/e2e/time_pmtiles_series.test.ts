// A series of PMTiles sources (not COGs): one vector archive per date, swapped by the time
// control with setUrl. Two archives are built here from the demo disturbances (before 2000 /
// from 2000 on, same source layer) with the demo generator's PMTiles writer, in a temp dir,
// and served to the app as a user layer; a perturbation of the first date is drawn on that
// date, gone on the second, back on the first, and each date's file is what the app reads.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import { buildVectorArchive } from '../../src/cli/demo/vector_tiles';
import { colorAt, launchBrowser, openApp, saveScreenshot, waitForIdle, waitForSettled } from './harness';
import { colorDistance, formatRgb } from './pixels';
import { serveFile } from './serve_file';

const ID = 'test-serie-perturbations';
const DATES = ['2000', '2025'] as const;
const fileOf = (date: string) => `data/${ID}-${date}.pmtiles`;
/** A filled polygon vs the basemap alone: far apart; two looks of one state: close. */
const CHANGED = 25;
type Disturbance = Feature<Polygon | MultiPolygon, { annee: number }>;

/** The two archives, the layer that lists them as a series, and a point inside one early disturbance only. */
function buildSeries(dir: string): { layer: LayerDefinition; files: Record<string, string>; point: [number, number] } {
  const all = (JSON.parse(readFileSync(path.join(inject('distDir'), 'data/perturbations.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { annee: number }>).features as Disturbance[];
  const parts: Record<string, Disturbance[]> = { 2000: all.filter((f) => f.properties.annee < 2000), 2025: all.filter((f) => f.properties.annee >= 2000) };
  const files: Record<string, string> = {};
  for (const date of DATES) {
    files[date] = path.join(dir, `${date}.pmtiles`);
    writeFileSync(files[date]!, buildVectorArchive([{ name: 'perturbations', features: { type: 'FeatureCollection', features: parts[date]! } }], {
      name: `${ID}-${date}`, description: 'test', attribution: 'test', minZoom: 0, maxZoom: 9,
    }));
  }
  const point = parts[2000]!.map((f) => pointOnFeature(f).geometry.coordinates as [number, number]).find(([lon, lat]) =>
    [[lon, lat], [lon + 0.01, lat], [lon, lat + 0.01]].every((p) => all.filter((f) => booleanPointInPolygon(p, f)).length === 1));
  if (!point) throw new Error('no point inside a single pre-2000 disturbance');
  const base = JSON.parse(readFileSync(path.join(inject('distDir'), 'layers/perturbations-naturelles.json'), 'utf8')) as LayerDefinition;
  const layer: LayerDefinition = {
    ...base, id: ID, title: { fr: 'Série de tuiles', en: 'Tile series' }, visible: undefined, opacity: 1,
    source: { kind: 'pmtiles-vector', url: fileOf(DATES[0]), sourceLayer: 'perturbations', series: DATES.map((date) => ({ date, url: fileOf(date) })) },
    time: { kind: 'year' },
    style: [{ type: 'fill', paint: { 'fill-color': '#d7301f', 'fill-opacity': 0.9 } }],
  };
  return { layer, files, point };
}

async function route(page: Page, layer: LayerDefinition, files: Record<string, string>): Promise<void> {
  await page.route('**/layers/local/catalogue.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ layers: [ID] }) }));
  await page.route(`**/layers/local/${ID}.json`, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(layer) }));
  for (const date of DATES) await page.route(`**/${fileOf(date)}`, (r) => serveFile(r, files[date]!));
}

describe('a series of PMTiles archives', () => {
  let browser: Browser;
  let series: ReturnType<typeof buildSeries>;
  beforeAll(async () => {
    browser = await launchBrowser();
    series = buildSeries(mkdtempSync(path.join(tmpdir(), 'time-pmtiles-series-')));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('should swap archives with the time: a pre-2000 disturbance on 2000, gone on 2025, back on 2000', { timeout: 180_000 }, async () => {
    const [lon, lat] = series.point;
    const app = await openApp(browser, `map=9/${lat}/${lon}&layers=${ID}&time=2000`, { beforeGoto: (page) => route(page, series.layer, series.files) });
    try {
      await waitForSettled(app.page);
      expect(await app.page.textContent('#time-label .time-map-label-time')).toBe('2000');
      const on = await colorAt(app.page, lon, lat);
      expect(app.requests.some((url) => url.includes(fileOf('2000')))).toBe(true);
      const slider = app.page.locator('#time-control input.time-slider');
      await slider.focus();
      await app.page.keyboard.press('ArrowRight');
      await waitForSettled(app.page);
      expect(await app.page.textContent('#time-label .time-map-label-time')).toBe('2025');
      expect(app.requests.some((url) => url.includes(fileOf('2025')))).toBe(true);
      const off = await colorAt(app.page, lon, lat);
      await saveScreenshot(app.page, 'time-pmtiles-series-2025');
      expect(colorDistance(on, off), `${lon},${lat}: ${formatRgb(on)} on 2000, ${formatRgb(off)} on 2025`).toBeGreaterThan(CHANGED);
      await app.page.keyboard.press('ArrowLeft');
      await waitForSettled(app.page);
      const back = await colorAt(app.page, lon, lat);
      expect(colorDistance(on, back), `back on 2000: ${formatRgb(back)}`).toBeLessThan(CHANGED);
      expect(await app.page.evaluate(() => window.location.hash)).toContain('time=2000');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
