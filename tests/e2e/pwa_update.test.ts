// The installable app's update: a new service worker on the server is announced ("Nouvelle
// version disponible — Recharger") and waits; the open page keeps running the version it
// started with until the user reloads, then the new one controls the page (never both).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fr from '../../src/i18n/fr.json';
import { baseUrl, launchBrowser, VIEWPORT, waitForReady } from './harness';

describe('new version of the installed app', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const swFile = path.join(inject('distDir'), 'sw.js');
  const original = readFileSync(swFile, 'utf8');

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT });
    page = await context.newPage();
    await page.goto(`${baseUrl()}#map=9/46.35/-72.55&lang=fr`);
    await waitForReady(page);
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true', undefined, { timeout: 60_000 });
    // a second load: now the service worker controls the page
    await page.reload();
    await waitForReady(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });
  afterAll(async () => {
    writeFileSync(swFile, original);
    await context?.close();
    await browser?.close();
  });

  it('should announce a new version, keep the open one until the user reloads, then run the new one', async () => {
    const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    await page.evaluate(() => Object.assign(window, { __samePage: true }));
    writeFileSync(swFile, `${original}\n// next version\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForSelector('#pwa-update', { timeout: 30_000 });
    expect(await page.textContent('#pwa-update')).toContain(fr.pwa.update);
    // still the old worker in control, still the same page
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration?.waiting?.state ?? null, same: (window as unknown as { __samePage?: boolean }).__samePage === true };
    });
    expect(state).toEqual({ waiting: 'installed', same: true });
    await Promise.all([page.waitForEvent('load'), page.click('#pwa-reload')]);
    await waitForReady(page);
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration?.waiting ?? null, same: (window as unknown as { __samePage?: boolean }).__samePage === true, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(after).toEqual({ waiting: null, same: false, controlled: true });
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(before);
  });
});
