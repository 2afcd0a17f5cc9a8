// The default view links few shader programs (issue 15): under a software GPU, linking them is
// the largest part of the time to the first view. The basemap's land and the one-colour catalogue
// layers read their colours per feature, so they share the class-coloured layers' programs:
// 8 for the default view (background and tile masks, fill, fill outline, line, dashed border,
// labels), where each kind of layer used to link its own (11).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, waitForFirstView, type AppPage, type GeoveilleWindow } from './harness';

/** Runs in the page before its scripts: counts WebGL programs linked until `data-ready`. */
function countLinkedPrograms(): void {
  const counts = { linked: 0, atReady: -1 };
  Object.assign(window, { __programs: counts });
  const link = WebGL2RenderingContext.prototype.linkProgram;
  WebGL2RenderingContext.prototype.linkProgram = function linkProgram(this: WebGL2RenderingContext, program: WebGLProgram) {
    counts.linked += 1;
    return link.call(this, program);
  };
  new MutationObserver((_changes, observer) => {
    if (document.documentElement?.dataset.ready !== 'true') return;
    counts.atReady = counts.linked;
    observer.disconnect();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
}

describe('first view shader programs', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, '', { noWait: true, beforeGoto: (page) => page.addInitScript(countLinkedPrograms) });
    await waitForFirstView(app.page);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should draw the basemap and three catalogue layers (fills and lines) in the first view', async () => {
    const drawn = await app.page.evaluate(() => {
      const map = (window as GeoveilleWindow).__geoveille!.map;
      return map.getStyle().layers
        .filter((layer) => map.getLayoutProperty(layer.id, 'visibility') !== 'none' && layer.type !== 'background')
        .map((layer) => layer.type);
    });
    expect(drawn.filter((type) => type === 'fill').length).toBeGreaterThanOrEqual(4);
    expect(drawn.filter((type) => type === 'line').length).toBeGreaterThanOrEqual(4);
    expect(drawn).toContain('symbol');
  });

  it('should link at most 8 shader programs before data-ready', async () => {
    const { atReady } = await app.page.evaluate(() => (window as unknown as { __programs: { atReady: number } }).__programs);
    expect(atReady).toBeGreaterThan(0);
    expect(atReady).toBeLessThanOrEqual(8);
  });
});
