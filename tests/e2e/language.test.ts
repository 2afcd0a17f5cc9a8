// The language switch: French by default, English one click away, and back.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, readLayers } from './app_data';
import { launchBrowser, openApp, type AppPage } from './harness';
import type { Lang } from '../../src/catalogue/types';

/** Group titles (of groups that hold layers) and layer titles, in one language. */
function catalogueTexts(lang: Lang): string[] {
  const layers = readLayers();
  const usedGroups = new Set(layers.map((def) => def.group));
  const groups = readCatalogue().groups.filter((g) => usedGroups.has(g.id)).map((g) => g.title[lang]);
  return [...groups, ...layers.map((def) => def.title[lang])];
}

async function panelText(page: Page): Promise<string> {
  return page.$eval('#layer-panel', (panel) => panel.textContent ?? '');
}

async function switchTo(page: Page, lang: Lang): Promise<void> {
  await page.click('button#lang-toggle');
  await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 30_000 });
}

describe('language switch', () => {
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

  it('should show the panel in French by default', async () => {
    expect(await app.page.getAttribute('html', 'lang')).toBe('fr');
    const text = await panelText(app.page);
    expect(catalogueTexts('fr').filter((t) => !text.includes(t))).toEqual([]);
  });

  it('should switch <html lang>, the panel texts and the link to English', async () => {
    await switchTo(app.page, 'en');
    const text = await panelText(app.page);
    expect(catalogueTexts('en').filter((t) => !text.includes(t))).toEqual([]);
    // Texts that differ between languages must be gone (e.g. "Inondations" → "Floods").
    const english = new Set(catalogueTexts('en'));
    const frenchOnly = catalogueTexts('fr').filter((t) => !english.has(t) && ![...english].some((e) => e.includes(t)));
    expect(frenchOnly.length).toBeGreaterThan(0);
    expect(frenchOnly.filter((t) => text.includes(t))).toEqual([]);
    await app.page.waitForFunction(() => /(^#|&)lang=en(&|$)/.test(location.hash), undefined, { timeout: 20_000 });
  });

  it('should switch back to French', async () => {
    await switchTo(app.page, 'fr');
    const text = await panelText(app.page);
    expect(catalogueTexts('fr').filter((t) => !text.includes(t))).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
