// Compare two dates of one layer: the demo 2019 flood extent on its first date left of the
// divider, at the peak right of it. The point is found in the demo data with the project's COG
// reader (dry on the first date, water at the peak, dry on the last); the pixel there must show
// the side's date, as the divider moves with the keyboard, as the right date changes in the
// panel, and after a reload of the permalink. The "same layer, another date" preset builds
// such a comparison in one click. An attribute-time layer (the demo historical floods, by year)
// gets its own filter on the right map: one year, then a range, from the panel's selects.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatTime } from '../../src/ui/time_format';
import { readLayer } from './app_data';
import { colorAt, launchBrowser, openApp, pointOnPage, saveScreenshot, waitForIdle, type AppPage, clickTool, colorWhen, waitForSettled } from './harness';
import { colorDistance, formatRgb, type Rgb } from './pixels';
import { FLOOD_LAYER, findFloodPoint, type FloodPoint } from './series_fixture';

/** A water pixel vs the basemap alone: far apart; two looks of one state: close. */
const CHANGED = 40;

const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));
const swipeOf = (page: Page) => page.$eval('.compare-divider', (divider) => Number(divider.getAttribute('aria-valuenow')));
const badge = (page: Page, side: 'left' | 'right') => page.textContent(`.compare-badge-${side} .compare-badge-time`);
const frDate = (value: string) => formatTime('date', value, 'fr');

type Flood = Feature<Polygon, { annee: number }>;

/** A point inside the `year` flood polygon and no other (nor are points ~100 m around it). */
function pointOnlyIn(floods: Flood[], year: number): { lon: number; lat: number } {
  const own = floods.find((f) => f.properties.annee === year)!;
  const others = floods.filter((f) => f !== own);
  const [west, south, east, north] = bbox(own);
  const step = 0.001;
  for (let lat = south + step; lat < north; lat += (north - south) / 30) {
    for (let lon = west + step; lon < east; lon += (east - west) / 30) {
      const near: Array<[number, number]> = [[lon, lat], [lon + step, lat], [lon - step, lat], [lon, lat + step], [lon, lat - step]];
      if (near.every((p) => booleanPointInPolygon(p, own) && !others.some((f) => booleanPointInPolygon(p, f)))) return { lon, lat };
    }
  }
  throw new Error(`no point inside the ${year} flood only: regenerate the demo data (npm run data:demo)`);
}

/** Where the point lies across the map, in divider percent. */
async function pointPercent(page: Page, point: FloodPoint): Promise<number> {
  const { x } = await pointOnPage(page, point.lon, point.lat);
  const box = (await page.locator('#map').boundingBox())!;
  return ((x - box.x) / box.width) * 100;
}

describe('compare two dates of the demo flood extent', () => {
  let browser: Browser;
  let app: AppPage;
  let point: FloodPoint;
  let dates: string[];
  let wetDate: string;
  let dry: Rgb;
  let wet: Rgb;

  beforeAll(async () => {
    dates = readLayer(FLOOD_LAYER).source.series!.map((entry) => entry.date);
    point = await findFloodPoint((values) => values[0] === 0 && values.includes(1) && values.at(-1) === 0, 'is dry first, water later, dry at the end');
    wetDate = point.series.find((entry) => entry.value === 1)!.date;
    browser = await launchBrowser();
    app = await openApp(browser, `map=16/${point.lat}/${point.lon}&lang=fr&layers=${FLOOD_LAYER}&time=${dates[0]}`
      + `&compare=${FLOOD_LAYER}|${FLOOD_LAYER}&swipe=0.5&rtime=${wetDate}`);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should label each half with its date', async () => {
    expect(await badge(app.page, 'left')).toBe(frDate(dates[0]!));
    expect(await badge(app.page, 'right')).toBe(frDate(wetDate));
  });

  it('should draw the left date left of the divider and the right date right of it', async () => {
    const { page } = app;
    const divider = page.locator('.compare-divider');
    await divider.focus();
    await page.keyboard.press('End'); // all left: the first date, dry here
    await waitForSettled(page);
    dry = await colorAt(page, point.lon, point.lat);
    await page.keyboard.press('Home'); // all right: the wet date
    wet = await colorWhen(page, point.lon, point.lat, (c) => colorDistance(c, dry) > CHANGED, `right of the divider on ${wetDate}`);
    expect(await swipeOf(page)).toBe(0);
  });

  it('should move the divider across the point with the keyboard', async () => {
    const { page } = app;
    const at = await pointPercent(page, point);
    await page.locator('.compare-divider').focus();
    let presses = 0;
    while ((await swipeOf(page)) <= at + 1) {
      await page.keyboard.press('ArrowRight');
      presses++;
    }
    expect(await swipeOf(page)).toBe(Math.min(100, presses * 2));
    await colorWhen(page, point.lon, point.lat, (c) => colorDistance(c, dry) < colorDistance(c, wet), 'left of the divider (first date)');
    while ((await swipeOf(page)) >= at - 1) await page.keyboard.press('ArrowLeft');
    await colorWhen(page, point.lon, point.lat, (c) => colorDistance(c, wet) < colorDistance(c, dry), 'right of the divider again');
    await page.waitForFunction((value) => location.hash.includes(`swipe=${value / 100}`), await swipeOf(page), { timeout: 20_000 });
  });

  it('should change the right date from the panel, and the pixel follows the data', async () => {
    const { page } = app;
    await clickTool(page, 'compare-button');
    const select = page.locator('.compare-right-time');
    expect(await select.inputValue()).toBe(wetDate);
    expect(await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(dates);
    const last = dates.at(-1)!;
    await select.focus(); // as a keyboard user: the redrawn panel must keep the focus there
    await select.selectOption(last);
    await page.waitForFunction((value) => location.hash.includes(`rtime=${value}`), last, { timeout: 20_000 });
    expect(await badge(page, 'right')).toBe(frDate(last));
    // dry on the last date, like the left's first date
    await colorWhen(page, point.lon, point.lat, (c) => colorDistance(c, dry) < colorDistance(c, wet), `right side on ${last}`);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('compare-right-time');
    await page.locator('.compare-right-time').selectOption(wetDate);
    await colorWhen(page, point.lon, point.lat, (c) => colorDistance(c, wet) < colorDistance(c, dry), `right side back on ${wetDate}`);
    console.log(await saveScreenshot(page, 'compare-dates'));
  });

  it('should come back from its permalink', async () => {
    await app.page.waitForFunction((value) => location.hash.includes(`rtime=${value}`), wetDate, { timeout: 20_000 });
    const hash = (await app.page.evaluate(() => location.hash.slice(1)));
    const fresh = await openApp(browser, hash);
    try {
      expect(await swipeOf(fresh.page)).toBe(await swipeOf(app.page));
      expect(await badge(fresh.page, 'left')).toBe(frDate(dates[0]!));
      expect(await badge(fresh.page, 'right')).toBe(frDate(wetDate));
      await colorWhen(fresh.page, point.lon, point.lat, (c) => colorDistance(c, wet) < colorDistance(c, dry), 'reloaded: right of the divider');
      await fresh.page.locator('.compare-divider').focus();
      await fresh.page.keyboard.press('End');
      await colorWhen(fresh.page, point.lon, point.lat, (c) => colorDistance(c, dry) < colorDistance(c, wet), 'reloaded: left of the divider');
      expect(fresh.pageErrors).toEqual([]);
      expect(fresh.consoleErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('should build "same layer, another date" in one click, and follow the left again', async () => {
    const plain = await openApp(browser, `map=16/${point.lat}/${point.lon}&lang=fr&layers=${FLOOD_LAYER}&time=${dates[0]}`);
    try {
      const { page } = plain;
      await clickTool(page, 'compare-button');
      await page.click('.compare-same-layer');
      await page.waitForFunction((id) => decodeURIComponent(location.hash).includes(`compare=${id}|${id}`), FLOOD_LAYER, { timeout: 20_000 });
      // the left shows the first date: the preset picks the last
      expect(await hashOf(page)).toContain(`rtime=${dates.at(-1)}`);
      expect(await badge(page, 'right')).toBe(frDate(dates.at(-1)!));
      await page.click('.compare-follow');
      await page.waitForFunction(() => !location.hash.includes('rtime='), undefined, { timeout: 20_000 });
      expect(await badge(page, 'right')).toBe(frDate(dates[0]!));
      expect(plain.pageErrors).toEqual([]);
      expect(plain.consoleErrors).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('should have logged no errors', () => {
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('compare two years of an attribute-time layer (demo historical floods)', () => {
  const LAYER = 'crues-historiques';
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should filter the right map to its own year, then to a range', async () => {
    const file = path.join(inject('distDir'), readLayer(LAYER).source.url.replace(/\.pmtiles$/, '.geojson'));
    const floods = (JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon, { annee: number }>).features as Flood[];
    const years = floods.map((f) => f.properties.annee).sort((a, b) => a - b);
    const [first, last] = [years[0]!, years.at(-1)!];
    const point = pointOnlyIn(floods, last);
    app = await openApp(browser, `map=14/${point.lat}/${point.lon}&lang=fr&layers=${LAYER}&time=${first}`
      + `&compare=${LAYER}|${LAYER}&swipe=0.5&rtime=${last}`);
    const { page } = app;
    expect(await badge(page, 'left')).toBe(String(first));
    expect(await badge(page, 'right')).toBe(String(last));
    await page.locator('.compare-divider').focus();
    await page.keyboard.press('End'); // all left: the first year's flood does not reach the point
    await waitForSettled(page);
    const outside = await colorAt(page, point.lon, point.lat);
    await page.keyboard.press('Home'); // all right: the last year's flood covers it
    const inside = await colorWhen(page, point.lon, point.lat, (c) => colorDistance(c, outside) > CHANGED, `right map on ${last}`);
    // A range without the last year: the right map no longer shows the flood there.
    await clickTool(page, 'compare-button');
    expect(await page.locator('.compare-right-from').inputValue()).toBe(String(last));
    await page.locator('.compare-right-from').selectOption(String(first));
    await page.locator('.compare-right-to').selectOption(String(years.at(-2)));
    await page.waitForFunction(([a, b]) => location.hash.includes(`rfrom=${a}`) && location.hash.includes(`rto=${b}`), [first, years.at(-2)], { timeout: 20_000 });
    await colorWhen(page, point.lon, point.lat, (c) => colorDistance(c, outside) < colorDistance(c, inside), `right map on ${first}–${years.at(-2)}`);
    expect(await badge(page, 'right')).toBe(`${first}–${years.at(-2)}`);
    // and back to a range that holds it
    await page.locator('.compare-right-to').selectOption(String(last));
    await colorWhen(page, point.lon, point.lat, (c) => colorDistance(c, inside) < colorDistance(c, outside), `right map on ${first}–${last}`);
    console.log(await saveScreenshot(page, 'compare-years'));
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
