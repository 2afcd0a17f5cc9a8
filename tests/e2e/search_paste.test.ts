// An address pasted into the search box, in the built app with the demo index: the index's manifest
// comes with the box's first-focus files, so the paste itself reads exactly one directory and one
// shard; picking the suggestion opens the flood verdict card for that address.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot, type AppPage } from './harness';

const ADDRESS = /300, rue Principale/;
const TOWN = /Rivière-Claire/;
const indexFiles = (requests: string[]) => requests.filter((url) => url.includes('/data/addresses/demo/')).map((url) => url.replace(/^.*\/data\/addresses\/demo\//, ''));

describe('address pasted into the search box', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should read the manifest on first focus, then one directory and one shard, and open the verdict card', async () => {
    const { page } = app;
    expect(indexFiles(app.requests)).toEqual([]); // nothing of the index before the box is used
    const manifest = page.waitForResponse(/\/data\/addresses\/demo\/manifest\.json$/);
    await page.focus('#search-input');
    await manifest;
    expect(indexFiles(app.requests)).toEqual(['manifest.json']);

    const before = app.requests.length;
    await page.fill('#search-input', '300 rue Principale, Rivière-Claire'); // one input event, as a paste
    await page.waitForFunction(([address, town]) => [...document.querySelectorAll('#search-listbox:not([hidden]) [role="option"]')]
      .some((o) => new RegExp(address!).test(o.textContent ?? '') && new RegExp(town!).test(o.textContent ?? '')), [ADDRESS.source, TOWN.source], { timeout: 30_000 });
    const read = indexFiles(app.requests.slice(before));
    expect(read).toHaveLength(2);
    expect(read[0]).toMatch(/^towns\/\d+\.json$/);
    expect(read[1]).toMatch(/^by-town\/\d+\.json$/);
    await saveScreenshot(page, 'search-address-paste');

    const options = await page.$$eval('#search-listbox [role="option"]', (list) => list.map((o) => o.textContent ?? ''));
    const index = options.findIndex((text) => ADDRESS.test(text) && TOWN.test(text));
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#side-sheet[data-content="verdict"] .verdict-headline') !== null, undefined, { timeout: 30_000 });
    expect(await page.textContent('#side-sheet')).toMatch(/300, rue Principale, Rivière-Claire/);
    expect(indexFiles(app.requests).filter((file) => file === 'manifest.json')).toHaveLength(1);
    expect(app.pageErrors).toEqual([]);
  });
});
