// Network faults: catalogue layers are pointed (by intercepting their JSON) at a misbehaving
// server, one fault per layer, all on one page. Each layer must end in a clear error naming it or
// work in a degraded way; the local control layer keeps drawing; the page reaches ready and has
// no unhandled promise rejection. The fault server is on another origin over http, which the
// app's CSP (connect-src 'self' https:) refuses, so this page runs with the CSP bypassed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { readLayer, readLayers } from './app_data';
import { baseUrl, launchBrowser, saveScreenshot, VIEWPORT, nextFrame, waitForReady, waitForSettled, perFileCatalogue } from './harness';
import { startFaultServer, type FaultMode, type FaultServer } from './fault_server';

const CONTROL = 'zones-inondables';
// One fault per layer: 8 vector and 4 COG layers, so every mode is on at least one layer.
const VECTOR_FAULTS: FaultMode[] = ['404', '500', '403-nocors', 'hang', 'whole-200', 'flaky-500', 'slow', 'etag-change'];
const COG_FAULTS: FaultMode[] = ['flaky-500', 'hang', 'whole-200', 'close-mid-body'];
/**
 * The app's request deadline for this page (localStorage['geoveille.netTimeoutMs'], read by
 * src/sources/http_retry.ts): long enough for the 2 s 'slow' answers, short enough that a hang
 * ends in an error quickly (3 attempts: 3 × 4 s + back-off).
 */
const TIMEOUT_MS = 4000;
const HANG_BOUND_MS = 3 * TIMEOUT_MS + 1000 + 15_000; // + slack for a loaded 2-core machine

/** Layer id → fault, over the catalogue's layers in order (the control stays on the app's server). */
function assignFaults(): Record<string, FaultMode> {
  const faults: Record<string, FaultMode> = {};
  // Series layers (several dated files) are left alone: their URL must be one of the series'.
  const layers = readLayers().filter((def) => def.id !== CONTROL && !('series' in def) && !('series' in def.source));
  const assign = (kind: string, modes: FaultMode[]) => layers.filter((def) => def.source.kind === kind)
    .slice(0, modes.length).forEach((def, index) => { faults[def.id] = modes[index]!; });
  assign('pmtiles-vector', VECTOR_FAULTS);
  assign('cog', COG_FAULTS);
  return faults;
}

const MUST_FAIL: FaultMode[] = ['404', '500', '403-nocors'];
const MUST_WORK: FaultMode[] = ['ok', 'whole-200', 'slow', 'flaky-500'];

interface Row { id: string; state: string; error: string; title: string }

async function rows(page: Page): Promise<Row[]> {
  return page.$$eval('#layer-panel li.layer', (items) => items.map((li) => ({
    id: (li as HTMLElement).dataset.layerId ?? '',
    state: (li as HTMLElement).dataset.state ?? '',
    error: li.querySelector('.layer-error')?.textContent ?? '',
    title: li.querySelector('.layer-title')?.textContent ?? '',
  })));
}

function setTimeoutForTest(ms: number): void {
  window.localStorage.setItem('geoveille.netTimeoutMs', String(ms));
}

function recordRejections(): void {
  const seen: string[] = [];
  Object.assign(window, { __rejections: seen });
  window.addEventListener('unhandledrejection', (event) => seen.push(String(event.reason)));
}

describe('network faults', () => {
  const FAULTS = assignFaults();
  const count = (modes: FaultMode[]) => Object.values(FAULTS).filter((mode) => modes.includes(mode)).length;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: FaultServer;
  const pageErrors: string[] = [];
  let final: Row[] = [];
  let settledMs = 0;

  beforeAll(async () => {
    server = await startFaultServer(path.join(inject('distDir'), 'data'));
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.addInitScript(recordRejections);
    await page.addInitScript(setTimeoutForTest, TIMEOUT_MS);
    await perFileCatalogue(page);
    for (const [id, mode] of Object.entries(FAULTS)) {
      const def = readLayer(id);
      const body = JSON.stringify({ ...def, source: { ...def.source, url: server.url(mode, path.basename(def.source.url)) } });
      await page.route(`**/layers/${id}.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    }
    const layers = [CONTROL, ...Object.keys(FAULTS)].join(',');
    await page.goto(`${baseUrl()}#map=13/46.362/-72.563&lang=fr&layers=${layers}`);
    await waitForReady(page);
    // Slow layers need a few 2 s round trips, retried ones a back-off, hanging ones their deadlines.
    const started = Date.now();
    await page.waitForFunction((ids) => ids.every((id) =>
      document.querySelector(`#layer-panel li.layer[data-layer-id="${id}"]`)?.getAttribute('data-state') !== 'loading'),
    Object.keys(FAULTS), { timeout: 60_000 }).catch(() => undefined);
    settledMs = Date.now() - started;
    final = await rows(page);
    const hungId = Object.entries(FAULTS).find(([, mode]) => mode === 'hang')?.[0];
    await page.locator(`#layer-panel li.layer[data-layer-id="${hungId}"]`).scrollIntoViewIfNeeded().catch(() => undefined);
    await saveScreenshot(page, 'faults-network');
  });
  afterAll(async () => {
    if (process.env.FAULTS_TABLE) writeTable(FAULTS, final, server);
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('should show a clear error naming the layer for 404, 500 and a 403 without CORS', () => {
    const failing = final.filter((row) => MUST_FAIL.includes(FAULTS[row.id]!));
    expect(failing.length).toBe(count(MUST_FAIL));
    expect(failing.length).toBeGreaterThanOrEqual(3);
    for (const row of failing) {
      expect(row.state, `${row.id} (${FAULTS[row.id]})`).toBe('error');
      expect(row.error, row.id).toContain(row.title);
    }
  });

  it('should draw the layers served whole (no Range support, small files) and the slow ones', () => {
    const working = final.filter((row) => MUST_WORK.includes(FAULTS[row.id]!));
    expect(working.length).toBe(count(MUST_WORK));
    expect(working.length).toBeGreaterThanOrEqual(2);
    expect(working.filter((row) => row.state === 'error' || row.state === 'loading').map((row) => `${row.id}: ${row.state} ${row.error}`)).toEqual([]);
  });

  it('should draw the layers whose server failed once (500), after a retry the server saw', () => {
    const flaky = Object.entries(FAULTS).filter(([, mode]) => mode === 'flaky-500').map(([id]) => id);
    expect(flaky.length).toBeGreaterThanOrEqual(2);
    for (const id of flaky) {
      const row = final.find((item) => item.id === id);
      expect(row?.state, `${id}: ${row?.error}`).toBe('ready');
      const seen = server.log.filter((entry) => entry.mode === 'flaky-500' && entry.file === path.basename(readLayer(id).source.url));
      expect(seen[0]?.status, id).toBe(500);
      expect(seen.slice(1).some((entry) => entry.status === 206 || entry.status === 200), id).toBe(true);
    }
  });

  it('should turn a server that never answers into a translated timeout error naming the layer, within the bound', () => {
    const hung = final.filter((row) => FAULTS[row.id] === 'hang');
    expect(hung.length).toBeGreaterThanOrEqual(2);
    for (const row of hung) {
      expect(row.state, row.id).toBe('error');
      expect(row.error, row.id).toContain(row.title);
      expect(row.error, row.id).toContain('le serveur ne répond pas');
      expect(row.error, row.id).toContain(`${TIMEOUT_MS / 1000} s`);
    }
    expect(settledMs).toBeLessThan(HANG_BOUND_MS);
    // Each reader of a hanging file (the layer; the time control or a second COG reader) spends its
    // 3 attempts, each ended by the app's deadline, and then stops.
    for (const row of hung) {
      const file = path.basename(readLayer(row.id).source.url);
      const asked = server.log.filter((entry) => entry.mode === 'hang' && entry.file === file);
      expect(asked.length % 3, `${row.id}: ${asked.length} requests`).toBe(0);
      expect(asked.length, row.id).toBeGreaterThanOrEqual(3);
      expect(asked.length, row.id).toBeLessThanOrEqual(6);
      expect(asked.every((entry) => entry.aborted), row.id).toBe(true);
    }
  });

  it('should end every other fault in a clear error or a working layer, never a silent failure', () => {
    const others = final.filter((row) => FAULTS[row.id] && !MUST_FAIL.includes(FAULTS[row.id]!) && !MUST_WORK.includes(FAULTS[row.id]!));
    for (const row of others) {
      if (row.state === 'error') expect(row.error, row.id).toContain(row.title);
      else expect(row.state, `${row.id} (${FAULTS[row.id]})`).not.toBe('loading');
    }
  });

  it('should keep the control layer, the page and its promises healthy', async () => {
    const control = final.find((row) => row.id === CONTROL);
    expect(control?.state).not.toBe('error');
    expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBe('true');
    expect(await page.evaluate(() => (window as Window & { __rejections?: string[] }).__rejections ?? [])).toEqual([]);
    expect(pageErrors).toEqual([]);
    // The tab still answers: it draws a next frame (a frozen tab would hang here; the test timeout guards).
    await nextFrame(page);
  });

  it('should stop asking a hanging server once its layer is switched off', async () => {
    const hung = Object.entries(FAULTS).filter(([, mode]) => mode === 'hang').map(([id]) => id);
    for (const id of hung) await page.uncheck(`#toggle-${id}`);
    // Switched off, written to the link, and the map has drawn without them.
    await waitForSettled(page);
    const before = server.log.filter((entry) => entry.mode === 'hang').length;
    await page.evaluate(() => (window as unknown as { __geoveille: { map: { panBy(p: [number, number]): void } } }).__geoveille.map.panBy([300, 0]));
    // The pan is over and every tile it needed is loaded: what the app was going to ask, it has asked.
    await waitForSettled(page);
    expect(server.log.filter((entry) => entry.mode === 'hang').slice(before)).toEqual([]);
  });
});

function writeTable(FAULTS: Record<string, FaultMode>, final: Row[], server: FaultServer): void {
  const lines = Object.entries(FAULTS).map(([id, mode]) => {
    const row = final.find((item) => item.id === id);
    const requests = server.log.filter((entry) => entry.file === path.basename(readLayer(id).source.url) && entry.mode === mode);
    const aborted = requests.filter((entry) => entry.aborted).length;
    const outcome = row?.state === 'error' ? `error: ${row.error}` : row?.state ?? 'absent';
    return `| ${mode} | \`${id}\` (${readLayer(id).source.kind}) | ${outcome.replace(/\|/g, '\\|')} | ${requests.length} (${aborted} aborted) |`;
  });
  writeFileSync(path.resolve(import.meta.dirname, '../../docs/robustness_faults.md'), [
    '<!-- generated by `FAULTS_TABLE=1 npx vitest run --config tests/e2e/vitest.config.ts tests/e2e/faults_network.test.ts`; do not edit -->',
    '| fault | layer | what the panel shows | requests |',
    '|---|---|---|---:|',
    ...lines, '',
  ].join('\n'));
}
