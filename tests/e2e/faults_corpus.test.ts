// The bad-input corpus in the browser: every bad COG and PMTiles file of tests/corpus becomes a user
// layer (named after the file, on one page, in English); each row shows its own error naming the
// file and what is wrong, while the control layer still draws and answers identify. Then garbage, overlong and script-like hashes.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusCases, type CorpusCase } from '../corpus/cases';
import { CLEAR_MESSAGES } from '../corpus/clear_messages';
import { readLayers } from './app_data';
import type { LayerDefinition } from '../../src/catalogue/types';
import { routeLocalLayers } from './cog_fixture';
import { launchBrowser, nextFrame, openApp, pointOnPage, seenNotices, waitForReady, type AppPage } from './harness';

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

/** One user layer per bad corpus file (every bad COG and PMTiles), made from a catalogue layer of its kind. */
function corpusLayers(): Array<{ def: LayerDefinition; item: CorpusCase }> {
  const templates = readLayers().filter((def) => def.id !== CONTROL && !def.source.series);
  const template = (kind: string) => templates.find((def) => def.source.kind === kind)!;
  return corpusCases().filter((item) => item.expect && item.kind !== 'aoi').map((item) => {
    const base = template(item.kind === 'cog' ? 'cog' : 'pmtiles-vector');
    const id = `corpus-${item.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    const title = { fr: item.name, en: item.name };
    return { item, def: { ...base, id, title, source: { ...base.source, url: `data/corpus/${item.name}` } } as LayerDefinition };
  });
}

/** The panel row of a layer: its state, title and error text. */
async function rowOf(page: Page, id: string): Promise<{ state: string; title: string; error: string }> {
  return page.$eval(`#layer-panel li.layer[data-layer-id="${id}"]`, (li) => ({
    state: (li as HTMLElement).dataset.state ?? '',
    title: li.querySelector('.layer-title')?.textContent ?? '',
    error: li.querySelector('.layer-error')?.textContent ?? '',
  }));
}

describe('bad files as layers, in the browser', () => {
  let browser: Browser;
  let app: AppPage;
  const layers = corpusLayers();

  beforeAll(async () => {
    browser = await launchBrowser();
    const shown = [CONTROL, ...layers.map(({ def }) => def.id)].join(',');
    app = await openApp(browser, `map=12/46.35/-72.55&lang=en&layers=${shown}`, {
      beforeGoto: async (page) => {
        await routeLocalLayers(page, layers.map(({ def }) => def));
        for (const { item } of layers) await page.route(`**/data/corpus/${item.name}`, (route) => serve(item.bytes, route));
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should load every bad COG and PMTiles file of the corpus', () => {
    const count = (kind: string) => corpusCases().filter((item) => item.expect && item.kind === kind).length;
    expect(layers.filter(({ item }) => item.kind === 'cog')).toHaveLength(count('cog'));
    expect(layers.filter(({ item }) => item.kind === 'pmtiles')).toHaveLength(count('pmtiles'));
  });

  // Known gaps of the app, each one failing its test until fixed (it.fails flips red once it is).
  const KNOWN_GAPS: Record<string, string> = {};
  const cases = layers.map(({ def, item }) => [item.name, def.id, item] as const);
  const named = (name: string) => (KNOWN_GAPS[name] ? `${name} (known gap: ${KNOWN_GAPS[name]})` : name);
  for (const [name, id, item] of cases) {
    (KNOWN_GAPS[name] ? it.fails : it)(`${named(name)}: an English error naming the file and what is wrong`, () => expectClearError(name, id, item));
  }

  async function expectClearError(name: string, id: string, item: CorpusCase): Promise<void> {
    const row = await rowOf(app.page, id);
    expect(row.state, `${id} ← ${name}`).toBe('error');
    expect(row.title).toBe(name);
    expect(row.error).toContain(name);
    expect(row.error).toMatch(/^Layer|cannot|could not|can't/i);
    // The reason in brackets, in the wording the in-process read gives (tests/unit/corpus_files).
    expect(row.error).toMatch(/\(.{6,}\)/);
    // What is wrong, said without the file's name (which alone could match the case's pattern).
    const reason = row.error.replaceAll(name, '');
    expect(reason).toMatch(item.expect!);
    const clear = CLEAR_MESSAGES[name];
    if (clear) {
      expect(reason).toMatch(clear.must);
      expect(reason).not.toMatch(clear.mustNot);
    }
    console.log(`${name}: ${row.error}`);
  }

  it('should still draw the control layer and answer a click on it', async () => {
    expect((await rowOf(app.page, CONTROL)).state).not.toBe('error');
    const { x, y } = await pointOnPage(app.page, -72.55, 46.35);
    await app.page.mouse.click(x, y);
    await app.page.waitForSelector(`#side-sheet[data-content="identify"] .identify-layer[data-layer="${CONTROL}"]`, { timeout: 30_000 });
  });

  it('should keep drawing frames, free of page errors', async () => {
    await nextFrame(app.page); // a frozen tab would hang here (the test timeout is the guard)
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
    const app = await openApp(browser, hash);
    try {
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

