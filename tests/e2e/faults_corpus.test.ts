// The bad-input corpus in the browser: catalogue layers are pointed at generated bad files (one
// per layer, on one page, in English); each row shows an error naming the layer, the control layer
// still draws and the tab keeps answering. Then garbage, overlong and script-like hashes.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusCases, type CorpusCase } from '../corpus/cases';
import { CLEAR_MESSAGES } from '../corpus/clear_messages';
import { readLayers } from './app_data';
import { launchBrowser, openApp, seenNotices, waitForReady, type AppPage, perFileCatalogue } from './harness';

const CONTROL = 'zones-inondables';

/** Serves bytes with single-range support, like a static host. */
function serve(bytes: Uint8Array, route: Route) {
  const match = /bytes=(\d+)-(\d+)/.exec(route.request().headers().range ?? '');
  if (!match || bytes.length === 0) return route.fulfill({ status: 200, body: Buffer.from(bytes) });
  const start = Number(match[1]);
  const end = Math.min(Number(match[2]), bytes.length - 1);
  if (start >= bytes.length) return route.fulfill({ status: 416, headers: { 'Content-Range': `bytes */${bytes.length}` } });
  return route.fulfill({ status: 206, body: Buffer.from(bytes.subarray(start, end + 1)),
    headers: { 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Accept-Ranges': 'bytes' } });
}

/** Bad corpus files matched to catalogue layers of the same kind. */
function assign(): Array<{ id: string; item: CorpusCase }> {
  const bad = corpusCases().filter((item) => item.expect && item.kind !== 'aoi');
  const layers = readLayers().filter((def) => def.id !== CONTROL && !('series' in def) && !('series' in def.source));
  const pairs: Array<{ id: string; item: CorpusCase }> = [];
  for (const [kind, sourceKind] of [['pmtiles', 'pmtiles-vector'], ['cog', 'cog']] as const) {
    const targets = layers.filter((def) => def.source.kind === sourceKind);
    bad.filter((item) => item.kind === kind).slice(0, targets.length).forEach((item, index) => pairs.push({ id: targets[index]!.id, item }));
  }
  return pairs;
}

async function frameGap(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const started = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
  }));
}

describe('bad files as layers, in the browser', () => {
  let browser: Browser;
  let app: AppPage;
  const pairs = assign();

  beforeAll(async () => {
    browser = await launchBrowser();
    const layers = [CONTROL, ...pairs.map((pair) => pair.id)].join(',');
    app = await openApp(browser, `map=12/46.35/-72.55&lang=en&layers=${layers}`, {
      beforeGoto: async (page) => {
        await perFileCatalogue(page);
        for (const { id, item } of pairs) {
          const def = readLayers().find((layer) => layer.id === id)!;
          const body = JSON.stringify({ ...def, source: { ...def.source, url: `data/corpus/${item.name}` } });
          await page.route(`**/layers/${id}.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
          await page.route(`**/data/corpus/${item.name}`, (route) => serve(item.bytes, route));
        }
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should show an English error naming each layer and saying what is wrong', async () => {
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    const rows = await app.page.$$eval('#layer-panel li.layer', (items) => items.map((li) => ({
      id: (li as HTMLElement).dataset.layerId ?? '', state: (li as HTMLElement).dataset.state ?? '',
      title: li.querySelector('.layer-title')?.textContent ?? '', error: li.querySelector('.layer-error')?.textContent ?? '',
    })));
    const messages: string[] = [];
    for (const { id, item } of pairs) {
      const row = rows.find((candidate) => candidate.id === id)!;
      expect(row.state, `${id} ← ${item.name}`).toBe('error');
      expect(row.error).toContain(row.title);
      expect(row.error).toMatch(/^Layer|cannot|could not|can't/i);
      // The reason in brackets (the in-process wording of each case is checked in corpus_files).
      expect(row.error).toMatch(/\(.{6,}\)/);
      const clear = CLEAR_MESSAGES[item.name];
      if (clear) {
        expect(row.error, item.name).toMatch(clear.must);
        expect(row.error, item.name).not.toMatch(clear.mustNot);
      }
      messages.push(`${item.name} → ${id}: ${row.error}`);
    }
    expect(rows.find((row) => row.id === CONTROL)?.state).not.toBe('error');
    console.log(messages.join('\n'));
  });

  it('should keep the tab responsive and free of page errors', async () => {
    expect(await frameGap(app.page)).toBeLessThan(500);
    expect(app.pageErrors).toEqual([]);
  });
});

describe('bad URL hashes', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('should open the default view with notices for garbage, overlong and script-like values', async () => {
    const hash = ['map=abc/def', 'lang=xx', 'layers=%%%,<script>,zones-inondables:999', `junk=${'A'.repeat(5000)}`,
      'map2=javascript:alert(1)', '%E0%A4%A'].join('&');
    const started = Date.now();
    const app = await openApp(browser, hash);
    try {
      expect(Date.now() - started).toBeLessThan(60_000);
      const notices = await seenNotices(app.page);
      expect(notices.length).toBeGreaterThanOrEqual(2);
      expect(notices.join(' ')).not.toContain('<script>');
      expect(await app.page.getAttribute('html', 'lang')).toBe('fr');
      expect(app.pageErrors).toEqual([]);
      await waitForReady(app.page);
    } finally {
      await app.close();
    }
  });
});

