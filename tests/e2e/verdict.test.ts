// The flood verdict in the browser: the toolbar button then a map click, the map centre,
// and a place picked in search; demonstration flag, careful wording in both languages,
// the distance choice and the buttons that show layers.
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fr from '../../src/i18n/fr.json';
import en from '../../src/i18n/en.json';
import { launchBrowser, openApp, pointOnPage, saveScreenshot, type AppPage } from './harness';
import { showVerdict } from './app_hook';
import { axeViolations } from './axe';

const FORBIDDEN = /safe|sûr|sans risque/i;

async function card(page: Page): Promise<{ headline: string; text: string; summary: string }> {
  await page.waitForSelector('#side-sheet[data-content="verdict"] .verdict-headline', { timeout: 30_000 });
  await page.waitForFunction(() => (document.querySelector('.verdict-summary')?.textContent ?? '') !== '', undefined, { timeout: 20_000 });
  return page.$eval('#side-sheet', (sheet) => ({
    headline: sheet.querySelector('.verdict-headline')?.textContent ?? '',
    text: sheet.textContent ?? '',
    summary: sheet.querySelector('[role="status"].verdict-summary')?.textContent ?? '',
  }));
}

function placePicked(page: Page, lon: number, lat: number, label: string): Promise<void> {
  return showVerdict(page, { lon, lat, label });
}


describe('flood verdict', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, 'map=12/46.35/-72.55');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should answer 0–20 at -72.55, 46.35 after the button and a map click, flagged as demonstration', async () => {
    await app.page.click('#verdict-button');
    expect(await app.page.getAttribute('#verdict-button', 'aria-pressed')).toBe('true');
    await app.page.waitForSelector('#side-sheet[data-content="verdict-pick"] .verdict-use-centre');
    const { x, y } = await pointOnPage(app.page, -72.55, 46.35);
    await app.page.mouse.click(x, y);
    const result = await card(app.page);
    expect(result.headline).toBe(fr.verdict.in_0_20);
    expect(result.text).toContain(fr.verdict.synthetic);
    expect(result.summary).toContain(fr.verdict.in_0_20);
    expect(result.summary).toContain(fr.verdict.synthetic);
    expect(result.text).not.toMatch(FORBIDDEN);
    expect(await app.page.getAttribute('#verdict-button', 'aria-pressed')).toBe('false');
    // The click went to the verdict, not to identify.
    expect(await app.page.getAttribute('#side-sheet', 'data-content')).toBe('verdict');
    await saveScreenshot(app.page, 'verdict-0-20-fr');
    expect(await axeViolations(app.page, ['#side-sheet'])).toEqual([]);
  });

  it('should explain the answer once: one headline, what the class means, its legend, what to do with the layer\'s links', async () => {
    const seen = await app.page.$eval('#side-sheet', (sheet) => {
      // Visible text only: the status region that announces the answer is for screen readers.
      const visible = [...sheet.querySelectorAll('p, li, h3, a')].filter((node) => !node.closest('.verdict-summary') && node.children.length === 0);
      return {
        texts: visible.map((node) => node.textContent ?? ''),
        legend: [...sheet.querySelectorAll('.verdict-legend li')].map((node) => node.textContent ?? ''),
        links: [...sheet.querySelectorAll<HTMLAnchorElement>('a.verdict-link')].map((node) => node.href),
        all: sheet.textContent ?? '',
      };
    });
    const count = (needle: string) => seen.texts.filter((text) => text.includes(needle)).length;
    expect(count(fr.verdict.in_0_20)).toBe(1);
    expect(count(fr.verdict.synthetic)).toBe(1);
    expect(seen.all).toContain(fr.flood.meaning_0_20);
    expect(fr.flood.meaning_0_20).toMatch(/5 %/);
    expect(seen.legend).toEqual(['Récurrence 0–20 ans (grand courant)', 'Récurrence 20–100 ans (faible courant)']);
    expect(seen.all).toContain(fr.flood.todo_regulations);
    const declared = JSON.parse(readFileSync(new URL('../../layers/zones-inondables.json', import.meta.url), 'utf8')) as { floodZone: { links: Array<{ url: string }> } };
    expect(seen.links).toEqual(declared.floodZone.links.map((link) => link.url));
    // i18next plurals, not "(s)".
    expect(seen.all).not.toContain('(s)');
  });

  it('should count more historical floods within 10 km than within 1 km, and show a layer on request', async () => {
    const total = () => app.page.$eval('.verdict-history-layer[data-layer="crues-historiques"]', (s) => Number((s as HTMLElement).dataset.total));
    await app.page.selectOption('#verdict-radius', '1');
    await app.page.waitForFunction(() => document.querySelector<HTMLSelectElement>('#verdict-radius')?.value === '1' && !document.querySelector('[aria-busy="true"]'));
    const near = await total();
    await app.page.selectOption('#verdict-radius', '10');
    await app.page.waitForFunction(() => document.querySelector<HTMLSelectElement>('#verdict-radius')?.value === '10' && !document.querySelector('[aria-busy="true"]'));
    const far = await total();
    expect(far).toBeGreaterThan(near);
    await app.page.click('.verdict-show-layer[data-layer="crues-historiques"]');
    await app.page.waitForFunction(() => /layers=[^&]*crues-historiques/.test(location.hash), undefined, { timeout: 20_000 });
    expect(await app.page.$('.verdict-show-layer[data-layer="crues-historiques"]')).toBeNull();
  });

  it('should say there is no mapping far from the mapped reach (place picked in search)', async () => {
    await placePicked(app.page, -70, 48.5, 'Lieu éloigné');
    await app.page.waitForFunction(() => document.querySelector('.verdict-place')?.textContent === 'Lieu éloigné');
    const result = await card(app.page);
    expect(result.headline).toBe(fr.verdict.no_mapping);
    expect(result.text).toContain(fr.flood.meaning_no_mapping);
    expect(result.text).not.toMatch(FORBIDDEN);
    await saveScreenshot(app.page, 'verdict-no-mapping-fr');
  });

  it('should word both answers in English without "safe"', async () => {
    await app.page.click('button#lang-toggle');
    await app.page.waitForFunction(() => document.documentElement.lang === 'en');
    await app.page.waitForFunction((text) => document.querySelector('.verdict-headline')?.textContent === text, en.verdict.no_mapping);
    expect((await card(app.page)).text).not.toMatch(FORBIDDEN);
    await app.page.click('#verdict-button');
    await app.page.click('.verdict-use-centre');
    await app.page.waitForFunction(() => !document.querySelector('.verdict-place'));
    const result = await card(app.page);
    expect(result.headline).toBe(en.verdict.in_0_20);
    expect(result.text).toContain(en.verdict.synthetic);
    expect(result.text).not.toMatch(FORBIDDEN);
    await saveScreenshot(app.page, 'verdict-0-20-en');
    expect(app.pageErrors).toEqual([]);
  });
});
