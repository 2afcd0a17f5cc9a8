// An http:// URL on another site, which the page's Content-Security-Policy blocks, is refused with
// the reason and what would work — in French in the French UI, naming no developer command — and
// no request is attempted for it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickTool, launchBrowser, openApp, saveScreenshot } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('Add data: a URL the CSP blocks', () => {
  it('says the security policy blocks it and that HTTPS, the same site and CORS work', async () => {
    const app = await openApp(browser, 'map=5/46.9/-71.8&lang=fr');
    try {
      const asked: string[] = [];
      app.page.on('request', (request) => { if (request.url().includes('ortho.example')) asked.push(request.url()); });
      await clickTool(app.page, 'add-data-button');
      await app.page.fill('#add-data-url', 'http://ortho.example/mosaique.tif');
      await app.page.click('#add-data-submit');
      await app.page.waitForSelector('.add-data-message[data-kind="error"]', { timeout: 30_000 });
      const message = (await app.page.textContent('.add-data-message')) ?? '';
      expect(message).toContain('mosaique.tif');
      expect(message).toContain('politique de sécurité');
      expect(message).toContain('https://');
      expect(message).toContain('CORS');
      expect(message).not.toMatch(/npm|network error|attempts/i);
      expect(asked).toEqual([]);
      await saveScreenshot(app.page, 'add_data_blocked');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
