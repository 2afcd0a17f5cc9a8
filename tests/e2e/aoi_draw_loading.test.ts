// The drawing tool (terra-draw) loads on the first drawing: while its code is on its way the
// shape's button says so (busy, disabled, "Chargement de l'outil de dessin…"), then drawing starts;
// when the code cannot be fetched the panel says so in the user's language and the button works
// again. The chunk is held (or refused) with page.route: no timing is assumed.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot } from './harness';
import { openAoiPanel, startDrawing } from './aoi_steps';
import { chunksWith } from './built_chunks';

const RECTANGLE = '.aoi-draw-button[data-shape="rectangle"]';

/** What a user (or a screen reader) can tell of the rectangle button and the words under the buttons. */
function drawState(page: Page) {
  return page.$eval(RECTANGLE, (button) => ({
    busy: button.getAttribute('aria-busy'), disabled: (button as HTMLButtonElement).disabled,
    pressed: button.getAttribute('aria-pressed'), hint: document.querySelector('.aoi-hint')?.textContent,
  }));
}

/** Holds every request for these files until `release` is called; `requested` resolves on the first. */
async function holdFiles(page: Page, files: string[]) {
  let release!: () => void;
  let seen!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  const requested = new Promise<void>((resolve) => { seen = resolve; });
  const hold = async (route: Route) => {
    seen();
    await held;
    await route.continue();
  };
  for (const file of files) await page.route(`**/${file}`, hold);
  return { release, requested };
}

describe('drawing tool loading', () => {
  let browser: Browser;
  let draw: string[];

  beforeAll(async () => {
    draw = chunksWith(/\/node_modules\/terra-draw\//);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should show the button busy while terra-draw loads, then start drawing', async () => {
    const app = await openApp(browser, 'map=10/46.35/-72.55&lang=fr');
    const { page } = app;
    try {
      const chunk = await holdFiles(page, draw);
      await openAoiPanel(page);
      expect(await drawState(page)).toEqual({ busy: null, disabled: false, pressed: 'false', hint: 'Choisissez une forme, puis dessinez sur la carte.' });
      await page.click(RECTANGLE);
      await chunk.requested;
      await page.waitForSelector(`${RECTANGLE}[aria-busy="true"]`);
      // the code is still held: this is the state a user sees while it travels
      expect(await drawState(page)).toEqual({ busy: 'true', disabled: true, pressed: 'false', hint: 'Chargement de l’outil de dessin…' });
      await saveScreenshot(page, 'aoi-draw-loading');

      chunk.release();
      await page.waitForSelector(`${RECTANGLE}[aria-pressed="true"]`);
      const drawing = await drawState(page);
      expect(drawing).toMatchObject({ busy: 'false', disabled: false, pressed: 'true' });
      expect(drawing.hint).not.toBe('Chargement de l’outil de dessin…');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should say in English that the tool could not load, keep the button usable, and draw on the next click', async () => {
    const app = await openApp(browser, 'map=10/46.35/-72.55&lang=en');
    const { page } = app;
    try {
      let refused = 0;
      for (const file of draw) {
        await page.route(`**/${file}`, (route) => {
          refused++;
          return route.abort('internetdisconnected');
        });
      }
      await openAoiPanel(page);
      await page.click(RECTANGLE);
      await page.waitForSelector('.aoi-status[data-kind="error"]');
      expect(refused).toBeGreaterThan(0);
      expect(await page.textContent('.aoi-status')).toBe('The drawing tool could not be loaded (connection lost?). Try again.');
      expect(await drawState(page)).toEqual({ busy: 'false', disabled: false, pressed: 'false', hint: 'Pick a shape, then draw on the map.' });
      await saveScreenshot(page, 'aoi-draw-load-failed');

      for (const file of draw) await page.unroute(`**/${file}`);
      await startDrawing(page, 'rectangle');
      expect(await page.textContent('.aoi-status')).toBe(''); // the failure no longer holds
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
