// A catalogue layer whose file is on another site over plain http://, which the page's
// Content-Security-Policy blocks: its row says, in the UI language, that the page's security
// policy blocked it and what would work (https://, the same site, CORS) — not "network error
// (3 attempts)" — and the browser sends no request for it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLayer } from './app_data';
import { launchBrowser, openApp, perFileCatalogue, saveScreenshot } from './harness';

const BLOCKED_URL = 'http://tuiles.example/hydrographie.pmtiles';

describe('a layer on an http:// address of another site', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('should say the page security policy blocked it, in French then in English', async () => {
    const def = readLayer('hydrographie');
    const asked: string[] = [];
    const app = await openApp(browser, `lang=fr&layers=${def.id}`, {
      beforeGoto: async (page) => {
        await perFileCatalogue(page);
        page.on('request', (request) => { if (request.url().includes('tuiles.example')) asked.push(request.url()); });
        await page.route(`**/layers/${def.id}.json`, (route) => route.fulfill({
          status: 200, contentType: 'application/json', body: JSON.stringify({ ...def, source: { ...def.source, url: BLOCKED_URL } }),
        }));
      },
    });
    try {
      const error = `#layer-panel li.layer[data-layer-id="${def.id}"] .layer-error`;
      await app.page.waitForSelector(`${error}:not([hidden])`, { timeout: 30_000 });
      const fr = (await app.page.textContent(error)) ?? '';
      expect(fr).toContain(`Couche « ${def.title.fr} »`);
      expect(fr).toContain('politique de sécurité');
      expect(fr).toContain(BLOCKED_URL);
      expect(fr).toContain('https://');
      expect(fr).toContain('CORS');
      expect(fr).not.toMatch(/npm|network error|erreur réseau|tentative|attempt/i);
      await app.page.locator(error).scrollIntoViewIfNeeded();
      await saveScreenshot(app.page, 'layer_error_blocked');
      await app.page.click('button#lang-toggle');
      await app.page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = (await app.page.textContent(error)) ?? '';
      expect(en).toContain(`Layer “${def.title.en}”`);
      expect(en).toContain('security policy');
      expect(asked).toEqual([]);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
