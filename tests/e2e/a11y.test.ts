// Accessibility in both languages: axe-core on the main views (map + layer panel, layer info,
// flood verdict, AOI panel and report, search suggestions) finds no serious or critical
// violation; the flood verdict is announced; every header and panel control shows its focus.
// axe is evaluated through DevTools (page.evaluate), which the app's CSP does not block.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot, type AppPage, clickTool, waitForReady, waitForReportDone } from './harness';
import { showReport, showVerdict } from './app_hook';
import { axeViolations } from './axe';

const FLOOD_POINT = { lon: -72.55, lat: 46.35 };
const SQUARE = [[-72.57, 46.34], [-72.53, 46.34], [-72.53, 46.36], [-72.57, 46.36], [-72.57, 46.34]];

async function sheetText(page: Page): Promise<string> {
  return (await page.textContent('#side-sheet')) ?? '';
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const lang of ['fr', 'en'] as const) {
  describe(`accessibility (${lang})`, () => {
    let app: AppPage;

    beforeAll(async () => {
      app = await openApp(browser, `map=12/${FLOOD_POINT.lat}/${FLOOD_POINT.lon}&lang=${lang}&layers=zones-inondables,perturbations-naturelles`);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('should pass axe on the map and layer panel', async () => {
      expect(await app.page.getAttribute('html', 'lang')).toBe(lang);
      expect(await axeViolations(app.page, [], { seriousOnly: true })).toEqual([]);
    });

    it('should pass axe with a layer info dialog open', async () => {
      await app.page.click('#layer-panel li.layer[data-layer-id="zones-inondables"] button.layer-info');
      await app.page.waitForSelector('#layer-info[open]');
      expect(await axeViolations(app.page, [], { seriousOnly: true })).toEqual([]);
      await app.page.keyboard.press('Escape');
    });

    it('should announce the flood verdict and pass axe on its card', async () => {
      const { page } = app;
      await showVerdict(page, { lon: FLOOD_POINT.lon, lat: FLOOD_POINT.lat, label: 'Test' });
      await page.waitForFunction(() => {
        const live = document.querySelector('#side-sheet .verdict-summary');
        return (live?.textContent ?? '').trim().length > 0;
      }, undefined, { timeout: 30_000 });
      const announced = await page.$eval('#side-sheet .verdict-summary', (node) => ({
        role: node.getAttribute('role'), live: node.getAttribute('aria-live'), text: node.textContent ?? '',
      }));
      expect(announced.role === 'status' || announced.live === 'polite' || announced.live === 'assertive').toBe(true);
      expect(announced.text.length).toBeGreaterThan(10);
      await saveScreenshot(page, `a11y-verdict-${lang}`);
      expect(await axeViolations(page, [], { seriousOnly: true })).toEqual([]);
    });

    it('should pass axe on the AOI panel and on an AOI report', async () => {
      const { page } = app;
      await page.click('#aoi-toolbar-button');
      await page.waitForFunction(() => !document.querySelector('#side-sheet')?.hasAttribute('hidden'));
      expect(await axeViolations(page, [], { seriousOnly: true })).toEqual([]);
      await showReport(page, {
        id: 'a11y', name: 'Zone test',
        feature: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [SQUARE] } },
      });
      await page.waitForFunction(() => (document.querySelector('#side-sheet')?.textContent ?? '').includes('Zone test'));
      await waitForReportDone(page);
      await saveScreenshot(page, `a11y-report-${lang}`);
      expect(await sheetText(page)).toContain('Zone test');
      expect(await axeViolations(page, [], { seriousOnly: true })).toEqual([]);
    });

    it('should pass axe on a comparison of two dates, its panel and the time control', async () => {
      const dated = await openApp(browser, `map=14/${FLOOD_POINT.lat}/${FLOOD_POINT.lon}&lang=${lang}`
        + '&layers=etendue-crue-2019,perturbations-naturelles&time=2019-04-20'
        + '&compare=etendue-crue-2019,perturbations-naturelles|etendue-crue-2019&swipe=0.5&rtime=2019-05-04');
      try {
        await clickTool(dated.page, 'compare-button');
        await dated.page.waitForSelector('#side-sheet .compare-dates select');
        await dated.page.waitForSelector('#time-control .time-layer-select');
        expect(await axeViolations(dated.page, [], { seriousOnly: true })).toEqual([]);
      } finally {
        await dated.close();
      }
    });

    it('should pass axe with the "More" tools menu open and the floating legend unfolded', async () => {
      const { page } = app;
      await page.click('#tools-more-button');
      await page.waitForSelector('#tools-more-list:not([hidden])');
      expect(await axeViolations(page, [], { seriousOnly: true })).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await page.getAttribute('#map-legend', 'open')).toBeNull();
      await page.click('#map-legend summary');
      expect(await page.getAttribute('#map-legend', 'open')).toBe('');
      expect(await page.$$eval('#map-legend .map-legend-layer', (nodes) => nodes.length)).toBeGreaterThan(0);
      expect(await axeViolations(page, [], { seriousOnly: true })).toEqual([]);
      await page.click('#map-legend summary');
    });

    it('should pass axe on the phone layout: header, tools menu, layer sheet and the flood answer', async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 1, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      try {
        await page.goto(`${app.page.url().split('#')[0]}#map=12/${FLOOD_POINT.lat}/${FLOOD_POINT.lon}&lang=${lang}&layers=zones-inondables`);
        await waitForReady(page);
        expect(await axeViolations(page, [], { seriousOnly: true })).toEqual([]);
        await page.tap('#tools-more-button');
        await page.waitForSelector('#tools-more-list:not([hidden])');
        expect(await axeViolations(page, [], { seriousOnly: true })).toEqual([]);
        await page.tap('#tools-more-button');
        await page.tap('#panel-toggle');
        await page.waitForSelector('#panel-host:not([hidden])');
        expect(await axeViolations(page, [], { seriousOnly: true })).toEqual([]);
        await page.tap('#panel-toggle');
        await page.tap('#verdict-button');
        await page.tap('.verdict-use-centre');
        await page.waitForFunction(() => (document.querySelector('#side-sheet .verdict-summary')?.textContent ?? '') !== '', undefined, { timeout: 30_000 });
        await saveScreenshot(page, `a11y-phone-verdict-${lang}`);
        expect(await axeViolations(page, [], { seriousOnly: true })).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('should pass axe with search suggestions open', async () => {
      const { page } = app;
      await page.fill('#search-input', 'Trois');
      await page.waitForSelector('#search-listbox:not([hidden]) [role=option]', { timeout: 20_000 });
      expect(await axeViolations(page, [], { seriousOnly: true })).toEqual([]);
      await page.keyboard.press('Escape');
    });
  });
}

describe('keyboard', () => {
  let app: AppPage;

  beforeAll(async () => {
    app = await openApp(browser, 'lang=fr');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('should reach every header and panel control with Tab and show a visible focus on each', async () => {
    const { page } = app;
    const expected = await page.$$eval('header button, header input, header select, header a[href], #panel-host button, #panel-host input, #panel-host select, #panel-host summary',
      (nodes) => nodes.filter((node) => (node as HTMLElement).offsetParent !== null && !(node as HTMLButtonElement).disabled).length);
    const seen = new Map<string, boolean>();
    await page.locator('body').focus();
    for (let step = 0; step < expected + 40 && seen.size < expected; step++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const node = document.activeElement as HTMLElement | null;
        if (!node || node === document.body || !node.closest('header, #panel-host')) return null;
        const style = getComputedStyle(node);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
        const ring = style.boxShadow !== 'none';
        const name = `${node.localName}#${node.id || ''}.${[...node.classList].join('.')}[${node.closest('[data-layer-id]')?.getAttribute('data-layer-id') ?? ''}]`;
        return { name, visible: node.matches(':focus-visible') && (outline || ring) };
      });
      if (focus) seen.set(focus.name, focus.visible);
    }
    expect(seen.size).toBeGreaterThanOrEqual(expected);
    expect([...seen].filter(([, visible]) => !visible).map(([name]) => name)).toEqual([]);
  });
});
