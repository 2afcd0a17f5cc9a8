// The search box in the built app: places, coordinates, addresses and layers; keyboard only;
// the combobox is named and passes axe; picking moves the map and tells the app ('place-picked').
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot, type AppPage, type GeoveilleWindow } from './harness';
import { REPO_ROOT as repoRoot } from '../support/shared_data';
import { axeViolations } from './axe';


interface Picked { lon: number; lat: number; label: string; zoom?: number }
type TestWindow = GeoveilleWindow & { __picked: Picked[] };

function placeFromData(name: string): [number, number] {
  const data = JSON.parse(readFileSync(path.join(repoRoot, 'public/data/places.geojson'), 'utf8'));
  const feature = data.features.find((f: { properties: { name: string } }) => f.properties.name === name);
  if (!feature) throw new Error(`${name} is not in public/data/places.geojson`);
  return feature.geometry.coordinates;
}

function km([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const dy = (lat2 - lat1) * 110.57;
  const dx = (lon2 - lon1) * 111.32 * Math.cos((lat1 * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

async function typeQuery(page: Page, text: string): Promise<void> {
  await page.fill('#search-input', '');
  await page.focus('#search-input');
  await page.keyboard.type(text, { delay: 10 });
}

async function optionTexts(page: Page, minimum = 1): Promise<string[]> {
  await page.waitForFunction((n) => document.querySelectorAll('#search-listbox:not([hidden]) [role="option"]').length >= n, minimum, { timeout: 30_000 });
  return page.$$eval('#search-listbox [role="option"]', (options) => options.map((o) => o.textContent ?? ''));
}

/**
 * Waits until the map has stopped with the target near the centre of the part of the map the side
 * sheet (the verdict card a pick opens) leaves visible, and returns that centre.
 */
async function settledCentre(page: Page, target: [number, number], withinKm: number): Promise<[number, number]> {
  const visibleCentre = () => {
    const map = (window as GeoveilleWindow).__geoveille!.map;
    const box = map.getContainer().getBoundingClientRect();
    const sheet = document.getElementById('side-sheet');
    const right = sheet && !sheet.hidden ? Math.min(box.right, sheet.getBoundingClientRect().left) : box.right;
    const c = map.unproject([(right - box.left) / 2, box.height / 2]);
    return [c.lng, c.lat] as [number, number];
  };
  // Checked in the page on every frame: stopped, sheet open, target near the visible centre.
  await page.waitForFunction(([[lon, lat], within]) => {
    const map = (window as GeoveilleWindow).__geoveille!.map;
    const sheet = document.getElementById('side-sheet')!;
    if (map.isMoving() || sheet.hidden) return false;
    const box = map.getContainer().getBoundingClientRect();
    const c = map.unproject([(Math.min(box.right, sheet.getBoundingClientRect().left) - box.left) / 2, box.height / 2]);
    return Math.hypot((lon - c.lng) * 111.32 * Math.cos((c.lat * Math.PI) / 180), (lat - c.lat) * 110.57) < within;
  }, [target, withinKm] as const, { timeout: 15_000 }).catch(() => undefined); // the caller's expect says how far
  return page.evaluate(visibleCentre);
}

describe('search box', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
    await app.page.evaluate(() => {
      const w = window as unknown as TestWindow;
      w.__picked = [];
      w.__geoveille!.context.events.on('place-picked', (picked) => w.__picked.push(picked));
    });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should be a labelled combobox that passes axe with the list open', async () => {
    const { page } = app;
    expect(app.requests.filter((url) => url.includes('places.geojson'))).toEqual([]); // loaded on first focus only
    await typeQuery(page, 'Trois-Rivières');
    await optionTexts(page);
    expect(app.requests.filter((url) => url.includes('places.geojson'))).toHaveLength(1);
    const attrs = await page.$eval('#search-input', (input) => ({
      role: input.getAttribute('role'), expanded: input.getAttribute('aria-expanded'),
      controls: input.getAttribute('aria-controls'), label: (input as HTMLInputElement).labels?.[0]?.textContent ?? '',
    }));
    expect(attrs).toEqual({ role: 'combobox', expanded: 'true', controls: 'search-listbox', label: expect.stringMatching(/Rechercher/) });
    const screenshot = await saveScreenshot(page, 'search-suggestions');
    expect(screenshot).toMatch(/search-suggestions\.png$/);
    const violations = await axeViolations(page, ['#search']);
    expect(violations).toEqual([]);
  });

  it('should move the map to Trois-Rivières on Enter and announce the place', async () => {
    const { page } = app;
    const target = placeFromData('Trois-Rivières');
    await typeQuery(page, 'Trois-Rivières');
    expect((await optionTexts(page))[0]).toContain('Trois-Rivières');
    await page.keyboard.press('Enter');
    const centre = await settledCentre(page, target, 5);
    expect(km(centre, target)).toBeLessThan(5);
    const picked = await page.evaluate(() => (window as unknown as TestWindow).__picked.at(-1));
    expect(picked).toMatchObject({ label: 'Trois-Rivières', zoom: 11 });
    expect(await page.getAttribute('#search-input', 'aria-expanded')).toBe('false');
  });

  it('should move the map to typed coordinates and show which order was assumed', async () => {
    const { page } = app;
    await typeQuery(page, '46.35, -72.55');
    const [option] = await optionTexts(page);
    expect(option).toMatch(/46,35000 N, 72,55000 O/);
    expect(option).toMatch(/Ordre supposé : latitude/);
    await saveScreenshot(page, 'search-coordinates');
    await page.keyboard.press('Enter');
    const centre = await settledCentre(page, [-72.55, 46.35], 0.01);
    expect(km(centre, [-72.55, 46.35])).toBeLessThan(0.01);
    expect(await page.evaluate(() => (window as GeoveilleWindow).__geoveille!.map.getZoom())).toBeCloseTo(14, 0);
    // The pick opens the flood verdict card for that point: the demo 0–20 yr zone is there.
    await page.waitForFunction(
      () => /0.20 ans/.test(document.querySelector('#side-sheet[data-content="verdict"] .verdict-headline')?.textContent ?? ''),
      undefined, { timeout: 30_000 });
    await page.click('#side-sheet .side-sheet-close');
  });

  it('should explain coordinates out of range instead of suggesting', async () => {
    const { page } = app;
    await typeQuery(page, '95, -200');
    await page.waitForFunction(() => /hors limites/.test(document.getElementById('search-status')?.textContent ?? ''), undefined, { timeout: 20_000 });
    expect(await page.isVisible('#search-status')).toBe(true);
    await saveScreenshot(page, 'search-out-of-range');
    expect(await page.getAttribute('#search-input', 'aria-expanded')).toBe('false');
  });

  it('should pick with the keyboard only (Tab, type, Down, Down, Enter)', async () => {
    const { page } = app;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.fill('#search-input', '');
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.id === 'search-input')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('montr', { delay: 10 });
    const options = await optionTexts(page, 2);
    expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBeNull();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBe('search-option-1');
    expect(await page.getAttribute('#search-option-1', 'aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    const picked = await page.waitForFunction(() => (window as unknown as TestWindow).__picked.at(-1)?.label, undefined, { timeout: 20_000 });
    const label = (await picked.jsonValue()) as string;
    expect(options[1]).toContain(label);
    expect(options[0]).toContain('Montréal');
  });

  it('should find a demo address from the static index with at most three index files', async () => {
    const { page } = app;
    const before = app.requests.length;
    await typeQuery(page, '123 rue des Érables');
    await page.waitForFunction(() => [...document.querySelectorAll('#search-listbox [role="option"]')].some((o) => /123, rue des Érables/.test(o.textContent ?? '')), undefined, { timeout: 30_000 });
    const files = app.requests.slice(before).filter((url) => url.includes('/data/addresses/'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((url) => !url.endsWith('index.json')).length).toBeLessThanOrEqual(3);
    await saveScreenshot(page, 'search-address');
    const index = await page.$$eval('#search-listbox [role="option"]', (o) => o.findIndex((x) => /123, rue des Érables/.test(x.textContent ?? '')));
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const picked = await page.evaluate(() => (window as unknown as TestWindow).__picked.at(-1));
    expect(picked?.label).toMatch(/^123, rue des Érables, .*\(démo\)$/);
    // the demo streets lie 6.5 km upstream of the river anchor, on the basemap's land (src/cli/demo/addresses.ts)
    expect(km([picked!.lon, picked!.lat], [-72.55, 46.35])).toBeLessThan(15);
  });

  it('should find an address typed with its municipality, and the municipality by its name, from the index', async () => {
    const { page } = app;
    const before = app.requests.length;
    await typeQuery(page, '300 rue Principale, Rivière-Claire');
    await page.waitForFunction(() => [...document.querySelectorAll('#search-listbox [role="option"]')]
      .some((o) => /300, rue Principale/.test(o.textContent ?? '') && /Rivière-Claire/.test(o.textContent ?? '')), undefined, { timeout: 30_000 });
    const options = await optionTexts(page);
    expect(options.filter((text) => /rue Principale/.test(text))).toHaveLength(1); // its town only, number exact
    const files = app.requests.slice(before).filter((url) => url.includes('/data/addresses/demo/'));
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(files).size).toBe(files.length); // every index file is read once, then kept
    await typeQuery(page, 'Rivière-Cla');
    await page.waitForFunction(() => [...document.querySelectorAll('#search-listbox [role="option"]')]
      .some((o) => /Rivière-Claire \(démo\)/.test(o.textContent ?? '')), undefined, { timeout: 30_000 });
  });

  it('should turn a layer on and fit the map to it when its title is picked', async () => {
    const { page } = app;
    await typeQuery(page, 'zones inond');
    const options = await optionTexts(page);
    const index = options.findIndex((text) => /Couche/.test(text) && /Zones inondables/.test(text));
    expect(index).toBeGreaterThanOrEqual(0);
    await page.click(`#search-option-${index}`);
    await page.waitForFunction(() => /(^#|&)layers=[^&]*zones-inondables/.test(location.hash), undefined, { timeout: 30_000 });
    expect(app.pageErrors).toEqual([]);
  });
});
