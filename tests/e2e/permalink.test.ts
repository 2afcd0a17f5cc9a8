// Permalinks: "map=zoom/lat/lon&lang=fr&layers=id1:80,id2" restores view, language, layer
// set, order and opacity; moving the map rewrites the hash; bad values give a notice.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, readLayer } from './app_data';
import { launchBrowser, openApp, seenNotices, waitForIdle, type GeoveilleWindow } from './harness';

interface Restored {
  zoom: number;
  lat: number;
  lon: number;
  lang: string;
  /** Checked rows with their opacity slider value. */
  checked: Record<string, number>;
  /** Catalogue ids in map drawing order, top first (style layers "<id>::<n>"). */
  drawOrder: string[];
  hash: string;
}

async function restored(page: Page): Promise<Restored> {
  return page.evaluate(() => {
    const map = (window as GeoveilleWindow).__geoveille!.map;
    const checked: Record<string, number> = {};
    for (const li of document.querySelectorAll<HTMLElement>('#layer-panel li.layer')) {
      const toggle = li.querySelector<HTMLInputElement>('input.layer-toggle');
      const opacity = li.querySelector<HTMLInputElement>('input.layer-opacity');
      if (toggle?.checked && li.dataset.layerId) checked[li.dataset.layerId] = Number(opacity?.value);
    }
    const order: string[] = [];
    for (const layer of [...(map.getStyle().layers ?? [])].reverse()) {
      const cut = layer.id.indexOf('::');
      const id = cut > 0 ? layer.id.slice(0, cut) : null;
      if (id && !order.includes(id)) order.push(id);
    }
    const center = map.getCenter();
    return {
      zoom: map.getZoom(), lat: center.lat, lon: center.lng, lang: document.documentElement.lang,
      checked, drawOrder: order, hash: location.hash,
    };
  });
}

function hashParam(hash: string, key: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get(key) ?? undefined;
}

describe('permalink', () => {
  let browser: Browser;
  const ids = readCatalogue().layers;
  const [first = '', second = ''] = ids.filter((id) => readLayer(id).source.kind !== 'cog');
  const defaultOpacity = Math.round((readLayer(second || first).opacity ?? 1) * 100);
  const link = `map=9/46.81/-71.21&lang=en&layers=${first}:80,${second}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should restore view, language, layers, order and opacity from a link', async () => {
    expect(second, 'the catalogue needs two layers for this test').not.toBe('');
    const app = await openApp(browser, link);
    const state = await restored(app.page);
    expect(state.zoom).toBeCloseTo(9, 2);
    expect(Math.abs(state.lat - 46.81)).toBeLessThan(0.01);
    expect(Math.abs(state.lon + 71.21)).toBeLessThan(0.01);
    expect(state.lang).toBe('en');
    expect(state.checked).toEqual({ [first]: 80, [second]: defaultOpacity });
    expect(state.drawOrder.slice(0, 2)).toEqual([first, second]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('should round-trip: the hash the app writes restores the same state', async () => {
    const app = await openApp(browser, link);
    const before = await restored(app.page);
    expect(hashParam(before.hash, 'layers')).toMatch(new RegExp(`^${first}:80,${second}(:\\d+)?$`));
    await app.close();
    const again = await openApp(browser, before.hash.replace(/^#/, ''));
    const after = await restored(again.page);
    expect(after.zoom).toBeCloseTo(before.zoom, 2);
    expect(Math.abs(after.lat - before.lat)).toBeLessThan(0.01);
    expect(Math.abs(after.lon - before.lon)).toBeLessThan(0.01);
    expect(after.checked).toEqual(before.checked);
    expect(after.drawOrder).toEqual(before.drawOrder);
    expect(after.lang).toBe(before.lang);
    await again.close();
  });

  it('should update the hash when the view changes', async () => {
    const app = await openApp(browser, link);
    await app.page.evaluate(() => (window as GeoveilleWindow).__geoveille!.map.jumpTo({ center: [-73.57, 45.5], zoom: 7.5 }));
    await waitForIdle(app.page);
    await app.page.waitForFunction(() => {
      const map = new URLSearchParams(location.hash.slice(1)).get('map') ?? '';
      const [zoom, lat, lon] = map.split('/').map(Number);
      return Math.abs(zoom! - 7.5) < 0.01 && Math.abs(lat! - 45.5) < 0.01 && Math.abs(lon! + 73.57) < 0.01;
    }, undefined, { timeout: 20_000 });
    await app.close();
  });

  it('should ignore unknown ids and malformed values with a notice, without crashing', async () => {
    const app = await openApp(browser, `map=abc/1&lang=xx&layers=no-such-layer,${first}:500,Bad_Id`);
    const notices = await seenNotices(app.page);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.some((text) => text.includes('no-such-layer')), notices.join(' | ')).toBe(true);
    expect(await app.page.getAttribute('html', 'lang')).toBe('fr');
    expect(app.pageErrors).toEqual([]);
    const state = await restored(app.page);
    expect(Number.isFinite(state.zoom)).toBe(true);
    expect(Object.keys(state.checked)).not.toContain('no-such-layer');
    await app.close();
  });
});
