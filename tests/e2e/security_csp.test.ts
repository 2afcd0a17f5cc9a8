// The built app under its Content-Security-Policy (sent by `vite preview` and in the <meta>):
// it reaches ready, draws vector and COG layers (MapLibre's worker and the COG workers load),
// opens its panels, and the browser reports no violation. eval and inline scripts are refused.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, readLayers } from './app_data';
import { baseUrl, launchBrowser, openApp, waitForIdle, waitForLayers, type AppPage, clickTool } from './harness';

/** Runs in the page before its scripts: keeps every CSP violation the browser reports. */
function recordViolations(): void {
  const seen: string[] = [];
  Object.assign(window, { __cspViolations: seen });
  document.addEventListener('securitypolicyviolation', (event) => {
    seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as Window & { __cspViolations?: string[] }).__cspViolations ?? [])]);
}

describe('Content-Security-Policy', () => {
  let browser: Browser;
  let app: AppPage;
  const cog = readLayers().find((def) => def.source.kind === 'cog' && def.bounds);
  const vector = readLayers().filter((def) => def.source.kind === 'pmtiles-vector').map((def) => def.id);

  beforeAll(async () => {
    browser = await launchBrowser();
    const layers = [...(cog ? [cog.id] : []), ...vector].join(',');
    const [w, s, e, n] = cog?.bounds ?? [-72.6, 46.3, -72.5, 46.4];
    const zoom = Math.max(12, cog?.minzoom ?? 0);
    app = await openApp(browser, `map=${zoom}/${(s + n) / 2}/${(w + e) / 2}&layers=${layers}`, {
      beforeGoto: (page) => page.addInitScript(recordViolations),
    });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should be sent by the server with no unsafe-eval and no inline script', async () => {
    const response = await fetch(baseUrl());
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    const html = await response.text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy"/);
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [], 'inline <script> in index.html').toEqual([]);
  });

  it('should draw every catalogue layer it was asked for with no violation reported', async () => {
    expect(cog, 'the catalogue needs a COG layer').toBeDefined();
    const rows = await app.page.$$eval('#layer-panel li.layer', (items) => items.map((li) => ({
      id: (li as HTMLElement).dataset.layerId, state: (li as HTMLElement).dataset.state,
    })));
    expect(rows.length).toBe(readCatalogue().layers.length);
    expect(rows.filter((row) => row.state === 'error')).toEqual([]);
    const workers = [...app.requests, ...app.page.workers().map((worker) => worker.url())].filter((url) => /worker/i.test(url));
    expect(workers.some((url) => /maplibre-gl-worker/.test(url)), 'MapLibre worker loaded').toBe(true);
    expect(workers.some((url) => /tile_worker/.test(url)), 'COG worker loaded').toBe(true);
    expect(await violations(app.page)).toEqual([]);
    expect(app.consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });

  it('should keep working through the panels, search and a move, still with no violation', async () => {
    const { page } = app;
    await page.click('#layer-panel li.layer button.layer-info');
    await page.keyboard.press('Escape');
    for (const button of ['aoi-toolbar-button', 'add-data-button']) {
      if (await page.$(`#${button}`)) await clickTool(page, button);
    }
    await page.fill('#search-input', 'Trois');
    await page.evaluate(() => (window as unknown as { __geoveille: { map: { panBy(p: [number, number]): void } } }).__geoveille.map.panBy([200, 100]));
    await waitForLayers(page);
    await waitForIdle(page);
    expect(await violations(page)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  // (eval is checked on the header above: DevTools' own evaluate is exempt from the policy.)
  it('should refuse inline scripts added at run time, and report them', async () => {
    const outcome = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { inlineRan: (window as Window & { __inlineRan?: boolean }).__inlineRan === true };
    });
    expect(outcome).toEqual({ inlineRan: false });
    const reported = await violations(app.page);
    expect(reported.some((line) => line.startsWith('script-src'))).toBe(true);
  });
});
