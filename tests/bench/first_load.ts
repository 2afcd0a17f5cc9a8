// First load (issue 15): the built app vs a bare MapLibre page with the same basemap files, served
// by the same local static server, each run in a fresh browser context (cold caches), A/B
// interleaved, median of BENCH_RUNS (default 5) after one warm-up run of each. Times navigation
// start → <html data-ready> (the app's own signal; the bare page sets it on its first idle frame).
// Also counts the requests and the gzip size of the JavaScript each page fetched before ready.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { measureFirstLoad } from '../../scripts/first_load_size';
import type { BenchModule, BenchRow } from './table';
import { sendFile } from './static_server';

const repoRoot = path.resolve(import.meta.dirname, '../..');
// BENCH_APP_DIST=<folder>: time an app built elsewhere (e.g. an older commit) instead of building
// (per process: several engineers bench on one machine, and a shared folder would be rebuilt under a run)
const appDir = process.env.BENCH_APP_DIST ?? `/tmp/geoveille-firstload-app-${process.pid}`;
const bareDir = `/tmp/geoveille-firstload-bare-${process.pid}`;
const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox', '--disable-background-networking', '--no-first-run'];

/** The app's map canvas at 1280×800, CSS px (1280 − the 340 px panel, 800 − the 56 px header); checked each app load. */
const APP_MAP_SIZE = [940, 744] as const;

interface PageLoad { ms: number; requests: number; jsGz: number; programs: number; linkWaitMs: number }

/** /app/… → the built app; /bare/data/… → the app's data; /bare/… → the bare page. With Range. */
function serve(url: string, range: string | undefined, res: import('node:http').ServerResponse): void {
  const [, side = '', ...rest] = decodeURIComponent(url.split('?')[0] ?? '/').split('/');
  const rel = rest.join('/') || 'index.html';
  const root = side === 'bare' && !rel.startsWith('data/') && !rel.startsWith('layers/') ? bareDir : appDir;
  const file = path.join(root, rel);
  sendFile(root, file, range, res);
}

/**
 * The app; the bare page with a plain basemap style, with the app's basemap style, and with the
 * app's basemap and its layers shown at start (the same map, MapLibre alone).
 */
type Side = 'app' | 'bare' | 'bare-app-style' | 'bare-same-map';

async function load(browser: Browser, origin: string, side: Side): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  try {
    // the moment <html data-ready> is set, on the page's own clock (0 = navigation start)
    await context.addInitScript(() => {
      performance.setResourceTimingBufferSize(100_000);
      // shader programs linked before ready, and the time the page waited on their linking (the
      // first query after linkProgram blocks until the GPU process has linked it)
      const programs = { linked: 0, waitMs: 0 };
      Object.assign(window, { __programs: programs });
      const gl = WebGL2RenderingContext.prototype;
      const link = gl.linkProgram;
      // anonymous functions: tsx would wrap named ones in a helper the page does not have
      gl.linkProgram = function (this: WebGL2RenderingContext, program: WebGLProgram) {
        programs.linked += 1;
        return link.call(this, program);
      };
      for (const name of ['getProgramParameter', 'getUniformBlockIndex'] as const) {
        const query = gl[name] as (...args: unknown[]) => unknown;
        (gl as unknown as Record<string, unknown>)[name] = function (this: WebGL2RenderingContext, ...args: unknown[]) {
          const start = performance.now();
          try { return query.apply(this, args); } finally { programs.waitMs += performance.now() - start; }
        };
      }
      new MutationObserver((_changes, observer) => {
        if (document.documentElement?.dataset.ready !== 'true') return;
        Object.assign(window, { __readyAt: performance.now(), __programsAtReady: { ...(window as unknown as { __programs: object }).__programs } });
        observer.disconnect();
      // the document, not <html>: the init script runs before the parser made <html>
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
    });
    const page = await context.newPage();
    const bareStyle: Partial<Record<Side, string>> = { 'bare-app-style': 'app', 'bare-same-map': 'map' };
    const style = bareStyle[side];
    // the same map also on a canvas of the app's map area (beside its panel), not the whole window
    const size = side === 'bare-same-map' ? `&size=${APP_MAP_SIZE.join('x')}` : '';
    await page.goto(style ? `${origin}/bare/index.html?style=${style}${size}` : `${origin}/${side}/index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 60_000 });
    // Requests started before ready, on the page's clock: the app fetches its deferred features
    // right after ready, sooner than a poll from here would notice.
    const { ms, started, programs } = await page.evaluate(() => {
      const { __readyAt: readyAt, __programsAtReady: programs } = window as unknown as { __readyAt: number; __programsAtReady: { linked: number; waitMs: number } };
      const entries = performance.getEntriesByType('resource').filter((entry) => entry.startTime < readyAt);
      return { ms: readyAt, started: entries.map((entry) => new URL(entry.name).pathname), programs };
    });
    if (side === 'app') {
      const canvas = await page.evaluate(() => { const box = document.querySelector('#map canvas')!.getBoundingClientRect(); return [box.width, box.height]; });
      if (canvas.join() !== APP_MAP_SIZE.join()) throw new Error(`the app's map is ${canvas.join('×')} px, not ${APP_MAP_SIZE.join('×')}: update APP_MAP_SIZE`);
    }
    const requests = 1 + started.length; // and the page itself
    const scripts = new Set(started.filter((pathname) => /\.m?js$/.test(pathname)));
    const jsGz = [...scripts].reduce((sum, pathname) => {
      const [, where = '', ...rest] = pathname.split('/');
      const file = path.join(where === 'bare' ? bareDir : appDir, rest.join('/'));
      return sum + (existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
    }, 0);
    return { ms, requests, jsGz, programs: programs.linked, linkWaitMs: programs.waitMs };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function buildPages(): Promise<void> {
  if (!process.env.BENCH_APP_DIST) await build({ root: repoRoot, logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
  await build({ root: path.join(repoRoot, 'tests/bench/pages_bare'), base: './', logLevel: 'warn', configFile: false,
    optimizeDeps: { exclude: ['maplibre-gl'] }, build: { outDir: bareDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 } });
}

const bench: BenchModule = {
  name: 'firstload',
  async run(): Promise<BenchRow[]> {
    await buildPages();
    const server: Server = createServer((req, res) => serve(req.url ?? '/', req.headers.range, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const runs = Number(process.env.BENCH_RUNS ?? 5);
    const loads: Record<Side, PageLoad[]> = { app: [], bare: [], 'bare-app-style': [], 'bare-same-map': [] };
    const sides = Object.keys(loads) as Side[];
    try {
      for (const side of sides) await load(browser, origin, side);
      for (let i = 0; i < runs; i++) {
        // interleaved, the order rotating, so a burst of load hits every side alike
        for (let k = 0; k < sides.length; k++) {
          const side = sides[(i + k) % sides.length]!;
          loads[side].push(await load(browser, origin, side));
        }
      }
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const budget = (() => { try { return measureFirstLoad(appDir); } catch { return { appGz: NaN }; } })();
    rmSync(bareDir, { recursive: true, force: true });
    if (!process.env.BENCH_APP_DIST) rmSync(appDir, { recursive: true, force: true });
    // every run, in order, so a burst of load from elsewhere shows
    for (const side of sides) {
      const runs = loads[side];
      console.log(`firstload ${side}: ${runs.map((r) => r.ms.toFixed(0)).join(' ')} ms; programs ${median(runs.map((r) => r.programs))}, link wait ${runs.map((r) => r.linkWaitMs.toFixed(0)).join(' ')} ms`);
    }
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    const app = loads.app;
    const appMs = median(app.map((r) => r.ms));
    const row = (bare: PageLoad[], baseline: string): BenchRow => {
      const bareMs = median(bare.map((r) => r.ms));
      return {
        case: 'first load: navigation → ready, 1280×800',
        baseline,
        ours_ms: appMs,
        theirs_ms: bareMs,
        check: `ours/bare ${(appMs / bareMs).toFixed(2)}× (target ≤ 1.5×); requests ${median(app.map((r) => r.requests))} vs ${median(bare.map((r) => r.requests))}`,
        note: `JS before ready ${kb(median(app.map((r) => r.jsGz)))} vs ${kb(median(bare.map((r) => r.jsGz)))} gz; first-load app JS beyond MapLibre ${kb(budget.appGz)} gz (target ≤ 60 KB)`,
      };
    };
    return [
      row(loads.bare, 'bare MapLibre, same basemap files, plain style'),
      row(loads['bare-app-style'], 'bare MapLibre, the app\'s basemap style'),
      row(loads['bare-same-map'], 'bare MapLibre, the app\'s basemap and start layers, same map size'),
    ];
  },
};
export default bench;
