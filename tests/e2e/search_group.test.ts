// The same address in many municipalities, typed without one, in the built app: one grouped
// suggestion ("300, rue Principale — 7 municipalités"); picking it lists every municipality, nearest
// to the map centre first; picking one of them moves the map there and opens the flood verdict card.
// The address index is a small one built here and served in place of the demo's (page.route).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddressIndex } from '../../src/cli/import/address_index_build';
import type { AddressRecord } from '../../src/queries/search/address_format';
import { launchBrowser, openApp, saveScreenshot, type AppPage, type GeoveilleWindow } from './harness';

/** Seven towns; Rivière-Grise's 300 rue Principale lies in the demo's 0–20 yr flood zone (-72.55, 46.35). */
const TOWNS: Array<[name: string, lon: number, lat: number]> = [
  ['Rivière-Grise', -72.55, 46.35], ['Bromont', -72.65, 45.32], ['Chibougamau', -74.35, 49.91], ['Dolbeau', -72.23, 48.88],
  ['Granby', -72.73, 45.4], ['Farnham', -72.98, 45.28], ['Gaspé', -64.48, 48.83],
];

function records(): AddressRecord[] {
  return TOWNS.flatMap(([town, lon, lat]) => [2, 4, 300].map((n) => ({ address: `${n}, rue Principale`, municipality: town, lon, lat })));
}

/** Serves the index folder under data/addresses/grouped/, and an index list naming it. */
async function serveIndex(page: Page, dir: string): Promise<void> {
  const list = { indexes: [{ id: 'grouped', title: { fr: 'Adresses test', en: 'Test addresses' }, count: 21, synthetic: true, manifest: 'grouped/manifest.json' }] };
  await page.route('**/data/addresses/**', (route) => {
    const file = new URL(route.request().url()).pathname.split('/data/addresses/')[1]!;
    if (file === 'index.json') return route.fulfill({ json: list });
    const local = path.join(dir, file.replace(/^grouped\//, ''));
    return route.fulfill({ contentType: 'application/json', body: readFileSync(local) });
  });
}

const optionTexts = (page: Page) => page.$$eval('#search-listbox [role="option"]', (options) => options.map((o) => o.textContent ?? ''));

describe('grouped address suggestion', () => {
  let browser: Browser;
  let app: AppPage;
  let root: string;
  let dir: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'search-group-'));
    dir = path.join(root, 'grouped');
    await buildAddressIndex(records(), { id: 'grouped', dir });
    browser = await launchBrowser();
    app = await openApp(browser, '', { beforeGoto: (page) => serveIndex(page, dir) });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('should offer one grouped suggestion, then every municipality, then open the verdict card for the one picked', async () => {
    const { page } = app;
    await page.focus('#search-input');
    await page.keyboard.type('300 rue Principale', { delay: 10 });
    await page.waitForFunction(() => [...document.querySelectorAll('#search-listbox:not([hidden]) [role="option"]')]
      .some((o) => /7 municipalités/.test(o.textContent ?? '')), undefined, { timeout: 30_000 });
    const options = await optionTexts(page);
    const grouped = options.findIndex((text) => /300, rue Principale/.test(text) && /7 municipalités/.test(text));
    expect(options.filter((text) => /rue Principale/.test(text))).toHaveLength(1); // one line, not seven
    await saveScreenshot(page, 'search-address-group');

    await page.click(`#search-option-${grouped}`);
    await page.waitForFunction(() => document.querySelectorAll('#search-listbox:not([hidden]) [role="option"]').length === 7, undefined, { timeout: 10_000 });
    const towns = (await optionTexts(page)).map((text) => TOWNS.find(([name]) => text.includes(name))?.[0]);
    const centre = await page.evaluate(() => (window as GeoveilleWindow).__geoveille!.map.getCenter().toArray());
    const distance = ([, lon, lat]: [string, number, number]) => ((lon - centre[0]) * Math.cos((centre[1] * Math.PI) / 180)) ** 2 + (lat - centre[1]) ** 2;
    expect(towns).toEqual([...TOWNS].sort((a, b) => distance(a) - distance(b)).map(([name]) => name));
    expect(await page.inputValue('#search-input')).toBe('300, rue Principale');
    expect(await page.textContent('#search-status')).toBe('« 300, rue Principale » existe dans 7 municipalités : choisissez-en une.');
    await saveScreenshot(page, 'search-address-group-open');

    await page.click(`#search-option-${towns.indexOf('Rivière-Grise')}`);
    await page.waitForFunction(
      () => /0.20 ans/.test(document.querySelector('#side-sheet[data-content="verdict"] .verdict-headline')?.textContent ?? ''),
      undefined, { timeout: 30_000 });
    expect(await page.inputValue('#search-input')).toBe('300, rue Principale, Rivière-Grise');
    expect(app.pageErrors).toEqual([]);
  });

  it('should keep the opened municipalities when the language changes, relabelled in the new language', async () => {
    const other = await openApp(browser, 'lang=fr', { beforeGoto: (page) => serveIndex(page, dir) });
    const { page } = other;
    try {
      await page.focus('#search-input');
      await page.keyboard.type('300 rue Principale', { delay: 10 });
      await page.waitForFunction(() => [...document.querySelectorAll('#search-listbox:not([hidden]) [role="option"]')]
        .some((o) => /7 municipalités/.test(o.textContent ?? '')), undefined, { timeout: 30_000 });
      const grouped = (await optionTexts(page)).findIndex((text) => /7 municipalités/.test(text));
      await page.click(`#search-option-${grouped}`);
      await page.waitForFunction(() => document.querySelectorAll('#search-listbox:not([hidden]) [role="option"]').length === 7, undefined, { timeout: 10_000 });
      const townsOf = async () => (await optionTexts(page)).map((text) => TOWNS.find(([name]) => text.includes(name))?.[0]);
      const before = await townsOf();
      expect(before.every(Boolean)).toBe(true);

      await page.click('#lang-toggle');
      // the search box relabels itself (placeholder) in the same step as its list
      await page.waitForFunction(() => (document.getElementById('search-input') as HTMLInputElement).placeholder.startsWith('Place'));
      expect(await page.textContent('#search-status')).toBe('“300, rue Principale” exists in 7 municipalities: choose one.');
      expect(await townsOf()).toEqual(before);
      expect(await page.$$eval('#search-listbox .search-kind', (kinds) => [...new Set(kinds.map((k) => k.textContent))])).toEqual(['Address']);
      expect(await page.inputValue('#search-input')).toBe('300, rue Principale');

      // back in the box, the same towns open again (no new search replaced them)
      await page.focus('#search-input');
      await page.keyboard.press('ArrowDown');
      await page.waitForSelector('#search-listbox:not([hidden])');
      expect(await townsOf()).toEqual(before);
      expect(await page.textContent('#search-status')).toBe('“300, rue Principale” exists in 7 municipalities: choose one.');
      await saveScreenshot(page, 'search-address-group-english');
      expect(other.pageErrors).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
