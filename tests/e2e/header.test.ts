// The desktop header at 1280×800 and at 1024 px: one row no taller than 56 px, in French and in
// English, with what the site is for, tools with an icon and a label, the less-used tools in
// the "Plus / More" menu, and a skip link to the map. Screenshots in tests/e2e/screenshots/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fr from '../../src/i18n/fr.json';
import { launchBrowser, openApp, saveScreenshot, type AppPage } from './harness';

interface HeaderLayout {
  height: number;
  /** Vertical centre of every visible child of the header row, rounded. */
  centres: number[];
  subtitle: { visible: boolean; truncated: boolean; text: string };
  rowTools: Array<{ id: string; label: string; icon: boolean }>;
}

async function headerLayout(page: Page): Promise<HeaderLayout> {
  return page.evaluate(() => {
    const header = document.querySelector('header.app-header')!;
    const shown = (node: Element) => (node as HTMLElement).offsetParent !== null && node.getBoundingClientRect().width > 2;
    const parts = [...header.querySelectorAll('#panel-toggle, h1, #app-subtitle, #search-input, #tool-row > button, #tools-more-button, #lang-toggle')].filter(shown);
    const subtitle = document.getElementById('app-subtitle')!;
    return {
      height: header.getBoundingClientRect().height,
      centres: parts.map((node) => { const box = node.getBoundingClientRect(); return Math.round(box.top + box.height / 2); }),
      subtitle: { visible: shown(subtitle), truncated: subtitle.scrollWidth > subtitle.clientWidth + 1, text: subtitle.textContent ?? '' },
      rowTools: [...document.querySelectorAll('#tool-row > button')].filter(shown).map((node) => ({
        id: node.id, label: node.querySelector('.tool-label')?.textContent ?? '', icon: node.querySelector('svg.tool-icon') !== null,
      })),
    };
  });
}

describe('desktop header', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, 'map=11/46.35/-72.55&lang=fr');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should be one row ≤ 56 px at 1280×800 in French, saying what the site is for, tools with icon and label', async () => {
    const layout = await headerLayout(app.page);
    await saveScreenshot(app.page, 'header-1280-fr');
    expect(layout.height).toBeLessThanOrEqual(56);
    expect(Math.max(...layout.centres) - Math.min(...layout.centres)).toBeLessThanOrEqual(4);
    expect(layout.subtitle).toEqual({ visible: true, truncated: false, text: fr.app.subtitle });
    expect(layout.rowTools.map((tool) => tool.id)).toEqual(['verdict-button', 'aoi-toolbar-button']);
    expect(layout.rowTools.every((tool) => tool.icon && tool.label.length > 0)).toBe(true);
    expect(layout.rowTools[0]!.label).toBe(fr.verdict.button);
  });

  it('should list the less-used tools, with icons, in the "Plus" menu and close it with Escape', async () => {
    await app.page.click('#tools-more-button');
    const items = await app.page.$$eval('#tools-more-list > button', (nodes) => nodes.map((node) => ({
      id: node.id, label: node.querySelector('.tool-label')?.textContent ?? '', icon: node.querySelector('svg') !== null,
    })));
    await saveScreenshot(app.page, 'header-1280-fr-more');
    expect(items.map((item) => item.id)).toEqual(['add-data-button', 'measure-button', 'compare-button', 'series-button', 'print-button', 'offline-button', 'gps-button']);
    expect(items.map((item) => item.label)).toEqual([fr.add_data.button, fr.measure.button, fr.compare.button, fr.series.button, fr.print.button, fr.offline.button, fr.gps.button]);
    expect(items.every((item) => item.icon)).toBe(true);
    await app.page.keyboard.press('Escape');
    expect(await app.page.isHidden('#tools-more-list')).toBe(true);
    expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('tools-more-button');
  });

  it('should stay one row ≤ 56 px in English and at 1024 px wide', async () => {
    await app.page.click('#lang-toggle');
    await app.page.waitForFunction(() => document.documentElement.lang === 'en');
    let layout = await headerLayout(app.page);
    await saveScreenshot(app.page, 'header-1280-en');
    expect(layout.height).toBeLessThanOrEqual(56);
    expect(Math.max(...layout.centres) - Math.min(...layout.centres)).toBeLessThanOrEqual(4);
    expect(layout.rowTools.map((tool) => tool.label)).toEqual(['Flood zone?', 'Area of interest']);
    await app.page.setViewportSize({ width: 1024, height: 768 });
    layout = await headerLayout(app.page);
    await saveScreenshot(app.page, 'header-1024-en');
    expect(layout.height).toBeLessThanOrEqual(56);
    expect(Math.max(...layout.centres) - Math.min(...layout.centres)).toBeLessThanOrEqual(4);
    await app.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('should offer a skip link to the map as the first Tab stop', async () => {
    const fresh = await openApp(browser, 'map=11/46.35/-72.55&lang=fr');
    try {
      await fresh.page.keyboard.press('Tab');
      expect(await fresh.page.evaluate(() => document.activeElement?.id)).toBe('skip-link');
      expect(await fresh.page.textContent('#skip-link')).toBe(fr.toolbar.skip_to_map);
      expect(await fresh.page.$eval('#skip-link', (node) => node.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
      await fresh.page.keyboard.press('Enter');
      expect(await fresh.page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
      expect([...app.pageErrors, ...fresh.pageErrors]).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
