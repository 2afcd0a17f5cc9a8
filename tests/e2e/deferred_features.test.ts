// Deferred features (src/app/features.ts, issue 15): the first view fetches none of their code
// before it says ready (`data-ready`); it comes right after (`data-features="mounted"`), and a
// click on the map made before identify's code is there still opens identify's results.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLayer, readManifest } from './app_data';
import { launchBrowser, openApp, pointOnPage, saveScreenshot, waitForFirstView, waitForReady, type AppPage } from './harness';

const DEFERRED = ['search', 'identify', 'verdict', 'refresh', 'time', 'offline', 'pwa', 'gps', 'bands'];
const LAYER = 'peuplements-ecoforestiers';

/** Before the app's scripts: the moment `data-ready` is set, on the page's clock; room for every resource entry. */
function recordReadyTime(): void {
  performance.setResourceTimingBufferSize(100_000);
  new MutationObserver(() => {
    const holder = window as Window & { __readyAt?: number };
    if (document.documentElement?.dataset.ready === 'true' && holder.__readyAt === undefined) holder.__readyAt = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] }); // no <html> yet at this point
}

/** Each feature chunk fetched (`assets/feature_<name>-<hash>.js`) with when its request started. */
async function featureChunks(page: Page): Promise<{ readyAt: number; started: Map<string, number> }> {
  const { readyAt, entries } = await page.evaluate(() => ({
    readyAt: (window as Window & { __readyAt?: number }).__readyAt ?? Number.NaN,
    entries: performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, start: entry.startTime })),
  }));
  const started = new Map<string, number>();
  for (const { name, start } of entries) {
    const feature = /\/assets\/feature_([a-z_]+)-[\w-]+\.js$/.exec(new URL(name).pathname)?.[1];
    if (feature) started.set(feature, start);
  }
  return { readyAt, started };
}

/** Holds a feature's chunk until `release()`: what the user does meanwhile lands before the feature is mounted. */
function holdChunk(feature: string): { hold: (page: Page) => Promise<unknown>; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  const pattern = new RegExp(`/assets/feature_${feature}-[\\w-]+\\.js$`);
  return {
    hold: (page) => page.route(pattern, async (route) => {
      await released;
      await route.continue();
    }),
    release: () => release(),
  };
}

async function isMounted(page: Page, feature: string): Promise<boolean> {
  return page.evaluate((name) => (window as unknown as { __geoveille: { features: { get(name: string): unknown } } }).__geoveille.features.get(name) !== undefined, feature);
}

describe('deferred features', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('first view', () => {
    let app: AppPage;
    beforeAll(async () => {
      app = await openApp(browser, '', { noWait: true, beforeGoto: (page) => page.addInitScript(recordReadyTime) });
      await waitForReady(app.page);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('should fetch no deferred feature\'s code before data-ready, and each of them right after', async () => {
      const { readyAt, started } = await featureChunks(app.page);
      expect(readyAt).toBeGreaterThan(0);
      const before = [...started].filter(([, start]) => start < readyAt).map(([name]) => name);
      expect(before).toEqual([]);
      expect(DEFERRED.filter((name) => !started.has(name))).toEqual([]);
    });

    it('should leave the tools used on demand unfetched', async () => {
      const { started } = await featureChunks(app.page);
      for (const tool of ['print', 'compare', 'measure', 'series', 'report', 'add_data']) expect(started.has(tool), tool).toBe(false);
    });

    it('should show the search box and the deferred tools\' buttons on the first view', async () => {
      await app.page.waitForSelector('#search-input');
      for (const id of ['verdict-button', 'offline-button', 'gps-button']) expect(await app.page.$(`#${id}`), id).not.toBeNull();
    });
  });

  describe('a map click at ready', () => {
    let app: AppPage;
    let releaseIdentify!: () => void;
    const point = readManifest().find((p) => p.layer === LAYER && p.expect.gr_ess === 'SB')!;

    beforeAll(async () => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => { release = resolve; });
      releaseIdentify = release;
      app = await openApp(browser, `map=12/${point.lat}/${point.lon}&layers=${LAYER}`, {
        noWait: true,
        // identify's code waits until the click is made: the click lands before identify is mounted
        beforeGoto: (page) => page.route(/\/assets\/feature_identify-[\w-]+\.js$/, async (route) => {
          await released;
          await route.continue();
        }),
      });
      await waitForFirstView(app.page);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('should open identify\'s results for a click made before identify was loaded', async () => {
      const mountedAtClick = await app.page.evaluate(() => (window as unknown as { __geoveille: { features: { get(name: string): unknown } } }).__geoveille.features.get('identify') !== undefined);
      expect(mountedAtClick).toBe(false);
      await saveScreenshot(app.page, 'deferred-first-view');
      const { x, y } = await pointOnPage(app.page, point.lon + 0.0004, point.lat);
      await app.page.mouse.click(x, y);
      releaseIdentify();
      const selector = `#side-sheet[data-content="identify"] .identify-layer[data-layer="${LAYER}"] dd[data-field="gr_ess"]`;
      await app.page.waitForSelector(selector, { timeout: 30_000 });
      const codes = readLayer(LAYER).fields!.find((field) => field.name === 'gr_ess')!.codes!;
      expect(await app.page.$eval(selector, (dd) => dd.textContent)).toBe(codes.SB!.fr);
      await saveScreenshot(app.page, 'deferred-identify-click');
    });
  });

  describe('typing in the search box before the search code is there', () => {
    let app: AppPage;
    const search = holdChunk('search');

    beforeAll(async () => {
      app = await openApp(browser, '', { noWait: true, beforeGoto: search.hold });
      await waitForFirstView(app.page);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('should keep the typed text and the focus, and suggest for it once the search code is mounted', async () => {
      await app.page.focus('#search-input');
      await app.page.keyboard.type('Trois-Riv');
      expect(await isMounted(app.page, 'search')).toBe(false);
      search.release();
      await app.page.waitForFunction(() => document.querySelectorAll('#search-listbox:not([hidden]) [role="option"]').length > 0, undefined, { timeout: 30_000 });
      const options = await app.page.$$eval('#search-listbox [role="option"]', (items) => items.map((item) => item.textContent ?? ''));
      expect(options[0]).toContain('Trois-Rivières');
      expect(await app.page.evaluate(() => [(document.activeElement as HTMLInputElement).id, (document.activeElement as HTMLInputElement).value])).toEqual(['search-input', 'Trois-Riv']);
      expect(await app.page.$$('#search')).toHaveLength(1);
    });
  });
});
