// UI strings in two parts (src/i18n/parts.ts, issue 15): the page ships the first view's French
// strings only; the tools' strings come in one chunk with the first tool or deferred feature, in
// the language shown, and a language switch brings that language's tools' strings too. A string
// asked before its part is there logs "missing UI string", which the harness counts as a page error.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fr from '../../src/i18n/fr.json';
import en from '../../src/i18n/en.json';
import { launchBrowser, openApp, waitForFirstView, waitForReady } from './harness';
import { openAoiPanel } from './aoi_steps';

/** The strings chunks fetched so far (`assets/core-….js`, `assets/tools-….js`), with their request start. */
async function stringChunks(page: Page): Promise<Array<{ file: string; start: number }>> {
  return page.evaluate(() => performance.getEntriesByType('resource')
    .map((entry) => ({ file: new URL(entry.name).pathname.split('/').at(-1) ?? '', start: entry.startTime }))
    .filter(({ file }) => /^(core|tools)-[\w-]+\.js$/.test(file)));
}

function recordReadyTime(): void {
  new MutationObserver(() => {
    const holder = window as Window & { __readyAt?: number };
    if (document.documentElement?.dataset.ready === 'true' && holder.__readyAt === undefined) holder.__readyAt = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
}

describe('UI strings in two parts', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the first view fetches no tools\' strings; one chunk of them comes right after, before the deferred features mount', async () => {
    const app = await openApp(browser, 'lang=fr', { noWait: true, beforeGoto: (page) => page.addInitScript(recordReadyTime) });
    try {
      const { page } = app;
      await waitForFirstView(page);
      await waitForReady(page);
      const readyAt = await page.evaluate(() => (window as Window & { __readyAt?: number }).__readyAt ?? Number.NaN);
      const chunks = await stringChunks(page);
      const tools = chunks.filter(({ file }) => file.startsWith('tools-'));
      expect(tools, 'one tools chunk (French), none for English').toHaveLength(1);
      expect(tools[0]!.start).toBeGreaterThan(readyAt);
      // the French core is in the page's own chunk: no strings chunk at all before ready
      expect(chunks.filter(({ start }) => start < readyAt)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.dataset.features)).toBe('mounted');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a tool opened in French then shown in English has its strings in both, none shown as a key', async () => {
    const app = await openApp(browser, 'lang=fr');
    try {
      const { page } = app;
      await openAoiPanel(page);
      const panel = page.locator('#side-sheet .aoi-panel');
      await expect.poll(() => panel.textContent()).toContain(fr.aoi.draw_hint);
      await page.click('button#lang-toggle');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await expect.poll(() => panel.textContent()).toContain(en.aoi.draw_hint);
      const text = (await page.textContent('body')) ?? '';
      expect(text.match(/\b(aoi|add_data|verdict|report|print|compare|measure|offline|gps|series)\.[a-z_]+\b/g) ?? []).toEqual([]);
      // English came with its tools' strings: exactly one English tools chunk on top of the French one
      expect((await stringChunks(page)).filter(({ file }) => file.startsWith('tools-'))).toHaveLength(2);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
