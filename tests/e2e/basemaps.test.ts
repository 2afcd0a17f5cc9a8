// Basemaps in the built app: the demo street basemap shows the street and the house of a searched
// address at zoom 16 (real pixels, both languages); the switcher works with the keyboard and the
// choice survives a reload of the permalink and the session; overlays stay above any basemap.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedFlavor } from '@protomaps/basemaps';
import { colorAt, launchBrowser, openApp, saveScreenshot, seenNotices, waitForIdle, waitForReady, type GeoveilleWindow } from './harness';
import { colorDistance, formatRgb, parseColor } from './pixels';
import { edgeDensityAt, waitForBasemap } from './basemap_steps';
import { axeViolations } from './axe';

const ADDRESS = '123, rue des Érables';
type PickWindow = GeoveilleWindow & { __picks: Array<{ lon: number; lat: number; label: string }> };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Types the address in the search box, picks it, and returns where it is. */
async function searchAddress(page: Page): Promise<[number, number]> {
  await page.evaluate(() => {
    (window as unknown as PickWindow).__picks = [];
    (window as GeoveilleWindow).__geoveille!.context.events.on('place-picked', (picked) => (window as unknown as PickWindow).__picks.push(picked));
  });
  await page.focus('#search-input');
  await page.keyboard.type('123 rue des Érables', { delay: 10 });
  const option = page.locator('#search-listbox [role="option"]', { hasText: ADDRESS }).first();
  await option.click({ timeout: 30_000 });
  const pick = await page.waitForFunction(() => (window as unknown as PickWindow).__picks.at(-1), undefined, { timeout: 20_000 });
  const { lon, lat, label } = (await pick.jsonValue()) as { lon: number; lat: number; label: string };
  expect(label).toContain(ADDRESS);
  return [lon, lat];
}

/**
 * Closes the verdict card the pick opened, hides its point marker (it sits on the house) and puts
 * the address in the middle of the map at `zoom`.
 */
async function centreOn(page: Page, [lon, lat]: [number, number], zoom: number): Promise<void> {
  // the pick opens the verdict card, maybe only once its (deferred) code is there: wait for it
  await page.waitForSelector('#side-sheet[data-content="verdict"] .side-sheet-close', { state: 'visible' });
  await page.click('#side-sheet .side-sheet-close');
  await page.waitForSelector('#side-sheet .side-sheet-close', { state: 'hidden' });
  await page.$$eval('[data-testid="point-marker"]', (markers) => markers.forEach((marker) => { (marker as HTMLElement).style.visibility = 'hidden'; }));
  await page.evaluate(([x, y, z]) => (window as GeoveilleWindow).__geoveille!.map.jumpTo({ center: [x, y], zoom: z }), [lon, lat, zoom] as const);
  await waitForIdle(page);
}

describe('demo street basemap at a searched address', () => {
  it.each(['fr', 'en'] as const)('should show streets and the house at the address at zoom 16 with every data layer off (%s)', async (lang) => {
    const app = await openApp(browser, `lang=${lang}&layers=&base=rues-demo`);
    try {
      const { page } = app;
      await waitForBasemap(page, 'rues-demo');
      const address = await searchAddress(page);
      await centreOn(page, address, 16);
      expect(await page.$$eval('#layer-panel input.layer-toggle:checked', (boxes) => boxes.length)).toBe(0);
      const streets = await edgeDensityAt(page, ...address);
      const house = await colorAt(page, ...address);
      await saveScreenshot(page, `basemap-streets-${lang}`);
      const light = namedFlavor('light');
      expect(colorDistance(house, parseColor(light.buildings)), `house ${formatRgb(house)}`).toBeLessThan(12);
      expect(colorDistance(house, parseColor(light.earth)), 'the house stands out from the land').toBeGreaterThan(20);

      // the same view over the offline basemap: no streets, no houses
      await page.evaluate(() => { location.hash = location.hash.replace(/base=[^&]*/, 'base=hors-ligne'); });
      await waitForBasemap(page, 'hors-ligne');
      // the hash edit may carry a view the throttled hash writer had not yet updated: same view again
      await page.evaluate(([x, y]) => (window as GeoveilleWindow).__geoveille!.map.jumpTo({ center: [x, y], zoom: 16 }), address);
      await waitForIdle(page);
      const bare = await edgeDensityAt(page, ...address);
      await saveScreenshot(page, `basemap-offline-${lang}`);
      expect(streets, `edge density ${streets.toFixed(4)} over streets vs ${bare.toFixed(4)} over the offline basemap`).toBeGreaterThan(0.008);
      expect(streets).toBeGreaterThan(bare * 5);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('basemap switcher', () => {
  it('should switch with the keyboard, keep the choice in the link, a reload and the session, and offer no basemap', async () => {
    const app = await openApp(browser, 'map=13/46.38/-72.58&lang=fr&layers=zones-inondables');
    try {
      const { page } = app;
      await waitForBasemap(page, 'hors-ligne');
      await page.click('#basemap-switcher .basemap-switcher-button');
      expect(await page.getAttribute('#basemap-switcher .basemap-switcher-button', 'aria-expanded')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-basemap-id'))).toBe('hors-ligne');
      const labels = await page.$$eval('#basemap-options [role="radio"]', (radios) => radios.map((r) => r.textContent ?? ''));
      expect(labels.at(-1)).toBe('Aucun fond');
      expect(await page.$$eval('#basemap-options svg.basemap-thumb', (thumbs) => thumbs.length)).toBe(labels.length);
      expect(await axeViolations(page, ['#basemap-switcher'], { seriousOnly: true })).toEqual([]);

      await page.keyboard.press('ArrowDown');
      await waitForBasemap(page, 'rues-demo');
      await page.waitForFunction(() => /(^#|&)base=rues-demo(&|$)/.test(location.hash), undefined, { timeout: 10_000 });
      expect(await page.getAttribute('[data-basemap-id="rues-demo"]', 'aria-checked')).toBe('true');
      expect(await overlaysAboveBasemap(page)).toEqual({ fillsBelow: true, labelsAbove: true });

      await page.reload();
      await waitForReady(page);
      await waitForBasemap(page, 'rues-demo');
      expect(await overlaysAboveBasemap(page)).toEqual({ fillsBelow: true, labelsAbove: true });

      await page.click('#basemap-switcher .basemap-switcher-button');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await waitForBasemap(page, 'none');
      await page.waitForFunction(() => /(^#|&)base=none(&|$)/.test(location.hash), undefined, { timeout: 10_000 });
      expect(await page.textContent('#attribution')).not.toContain('Fond de carte');

      // the bare address reopens the last session (localStorage), basemap included
      await page.keyboard.press('ArrowDown');
      await waitForBasemap(page, 'hors-ligne');
      await page.keyboard.press('ArrowDown');
      await waitForBasemap(page, 'rues-demo');
      await page.waitForFunction(() => /base=rues-demo/.test(location.hash) && /base=rues-demo/.test(localStorage.getItem('geoveille.session.hash') ?? ''), undefined, { timeout: 10_000 });
      await page.keyboard.press('Escape');
      expect(await page.isVisible('#basemap-options')).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('basemap-switcher-button'))).toBe(true);
      await page.goto(page.url().split('#')[0]!);
      await waitForReady(page);
      await waitForBasemap(page, 'rues-demo');

      // an id no basemap has: a notice, and the default basemap
      await page.evaluate(() => { location.hash = location.hash.replace(/base=[^&]*/, 'base=inconnu'); });
      await waitForBasemap(page, 'hors-ligne');
      expect(await seenNotices(page)).toContainEqual(expect.stringContaining('Fond de carte « inconnu » inconnu : le fond par défaut est affiché.'));
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

/** Basemap fills lie below the first overlay style layer, basemap labels above the last one. */
async function overlaysAboveBasemap(page: Page): Promise<{ fillsBelow: boolean; labelsAbove: boolean }> {
  return page.evaluate(() => {
    const map = (window as GeoveilleWindow).__geoveille!.map;
    const ids = map.getStyle().layers.map((layer) => layer.id);
    const overlays = ids.map((id, index) => ({ id, index })).filter(({ id }) => id.startsWith('zones-inondables'));
    const basemap = map.getStyle().layers.map((layer, index) => ({ layer, index })).filter(({ layer }) => layer.id.startsWith('basemap'));
    const first = Math.min(...overlays.map(({ index }) => index));
    const last = Math.max(...overlays.map(({ index }) => index));
    return {
      fillsBelow: overlays.length > 0 && basemap.filter(({ layer }) => layer.type !== 'symbol').every(({ index }) => index < first),
      labelsAbove: basemap.filter(({ layer }) => layer.type === 'symbol').every(({ index }) => index > last),
    };
  });
}
