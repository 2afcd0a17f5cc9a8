// Print benchmark: the built app in chromium (SwiftShader) makes a georeferenced PDF of the
// same view (the demo flood zones and hydrography over the basemap) as Letter
// landscape at 150 dpi and as A0 portrait at 300 dpi (≈ 9,900 × 14,000 px, rendered in tiles).
// Reported: time from the click to the file, the PDF's size, and the peak resident memory of
// every chromium process (sampled every 250 ms from /proc) against the raw size of the image.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build, preview } from 'vite';
import type { BenchModule, BenchRow } from './table';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const outDir = '/tmp/geoveille-print-bench';
const ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox', '--no-first-run'];
// the demo flood zones and hydrography (vector tiles) with the basemap's place names
const HASH = 'map=12/46.35/-72.55&lang=fr&layers=zones-inondables,hydrographie&print=1';
const CASES = [
  { name: 'print Letter landscape 150 dpi', page: 'letter', orientation: 'landscape', dpi: '150' },
  { name: 'print A0 portrait 300 dpi', page: 'a0', orientation: 'portrait', dpi: '300' },
] as const;

/** Resident memory (MiB) of a process and all its descendants. */
function treeRss(root: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), (Number(fields[21]) * 4096) / 2 ** 20);
    } catch { /* the process ended meanwhile */ }
  }
  const inTree = (pid: number): boolean => pid === root || (parents.has(pid) && pid !== 1 && inTree(parents.get(pid)!));
  return [...rss].filter(([pid]) => inTree(pid)).reduce((sum, [, mib]) => sum + mib, 0);
}

async function run(): Promise<BenchRow[]> {
  await build({ root: repoRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root: repoRoot, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const browserServer = await chromium.launchServer({ executablePath: '/usr/bin/chromium', args: ARGS });
  const browser = await chromium.connect(browserServer.wsEndpoint());
  const rows: BenchRow[] = [];
  try {
    for (const chosen of CASES) rows.push(await runCase(browser, browserServer.process().pid!, server.resolvedUrls!.local[0]!, chosen).catch((error) => ({
      case: chosen.name, ours_ms: NaN, theirs_ms: NaN, baseline: '—', check: `failed: ${error instanceof Error ? error.message : String(error)}`,
    })));
  } finally {
    await browser.close();
    await browserServer.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return rows;
}

async function runCase(browser: Browser, browserPid: number, url: string, chosen: (typeof CASES)[number]): Promise<BenchRow> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${url}#${HASH}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 120_000 });
  await page.waitForFunction(() => / px/.test(document.querySelector('.print-summary')?.textContent ?? ''), undefined, { timeout: 60_000 });
  const initial = await page.textContent('.print-summary');
  await page.selectOption('#print-page', chosen.page);
  await page.selectOption('#print-orientation', chosen.orientation);
  await page.selectOption('#print-dpi', chosen.dpi);
  // the summary is re-planned asynchronously; Letter landscape 150 dpi is the panel's default
  if (chosen.page !== 'letter') await page.waitForFunction((before) => document.querySelector('.print-summary')?.textContent !== before, initial);
  const summary = await page.textContent('.print-summary');
  const before = treeRss(browserPid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(browserPid))), 250);
  const start = performance.now();
  await page.click('.print-make-pdf');
  const progress = setInterval(() => void page.textContent('.print-status').then((text) => console.error(`${chosen.name}: ${text} (${((performance.now() - start) / 1000).toFixed(0)} s)`)).catch(() => undefined), 30_000);
  await page.waitForFunction(() => ['done', 'error', 'cancelled'].includes(document.querySelector<HTMLElement>('.print-panel')?.dataset.state ?? ''), undefined, { timeout: 3_600_000, polling: 500 });
  const ms = performance.now() - start;
  clearInterval(sampler);
  clearInterval(progress);
  const state = await page.getAttribute('.print-panel', 'data-state');
  const size = await page.$eval('.print-files a', async (link) => (await (await fetch((link as HTMLAnchorElement).href)).blob()).size).catch(() => 0);
  // kept for a look (pdftoppm): the download goes to disk without passing through this process's memory
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.print-files a')]);
  await download.saveAs(path.join('/tmp', `geoveille-${chosen.page}-${chosen.dpi}dpi.pdf`));
  const pixels = /(\d[\d\s\u202f]*) × (\d[\d\s\u202f]*) px/.exec(summary ?? '');
  const [w = 0, h = 0] = pixels ? [pixels[1]!, pixels[2]!].map((v) => Number(v.replace(/\D/g, ''))) : [];
  await context.close();
  return {
    case: chosen.name, ours_ms: ms, theirs_ms: NaN, baseline: '—',
    check: `${state}; ${w} × ${h} px; PDF ${(size / 2 ** 20).toFixed(1)} MiB`,
    note: `chromium RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MiB; raw RGBA image ${((w * h * 4) / 2 ** 20).toFixed(0)} MiB`,
  };
}

const bench: BenchModule = { name: 'print pages', run };
export default bench;
