// Runs the COG bench pages (tests/bench/pages, bundled by vite into /tmp, never into the app) in
// headless chromium, served by one local static server with Range support that counts the
// data requests and bytes of each page run (each run gets its own path prefix).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { stringsParts } from '../../scripts/vite_strings_plugin';
import { SHARED_DATA, REPO_ROOT as repoRoot } from '../support/shared_data';

export const sharedData = SHARED_DATA;
const outDir = '/tmp/geoveille-cog-bench';
/** Where zonal_scale.ts writes its generated rasters. */
export const GENERATED = path.join(os.tmpdir(), 'geoveille-bench-zonal');
const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox', '--disable-background-networking', '--no-first-run', '--disable-quic'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.tif': 'image/tiff' };

export interface PageRun {
  result: Record<string, unknown>;
  requests: number;
  bytes: number;
}

interface Counts { requests: number; bytes: number }

export class BenchBrowser {
  private constructor(private readonly browser: Browser, private readonly server: Server, private readonly counts: Map<string, Counts>) {}
  private next = 0;

  static async start(): Promise<BenchBrowser> {
    if (!existsSync(sharedData)) throw new Error('../shared/data is missing: COG benchmarks skipped');
    await build({ root: path.join(repoRoot, 'tests/bench/pages'), base: './', logLevel: 'warn', configFile: false, plugins: [stringsParts()],
      optimizeDeps: { exclude: ['maplibre-gl'] }, build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 } });
    const counts = new Map<string, Counts>();
    const server = createServer((req, res) => serve(req.url ?? '/', req.headers.range, res, counts));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    return new BenchBrowser(browser, server, counts);
  }

  /** One case in a fresh browser context (cold caches); `file` is relative to ../shared/data. */
  async run(caseName: string, file: string, extra: Record<string, number> = {}, options: { warm?: boolean } = {}): Promise<PageRun> {
    const run = `r${this.next++}`;
    // the warm-up copy is served under another run prefix: not counted, not cached by URL
    const warm: Record<string, string> = options.warm ? { warm: `../${run}w/data/${file}` } : {};
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    try {
      const page = await context.newPage();
      const query = new URLSearchParams({ case: caseName, file: `data/${file}`, ...warm, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) });
      const { port } = this.server.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/${run}/index.html?${query}`);
      await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench !== undefined, undefined, { timeout: 180_000 });
      const result = await page.evaluate(() => (window as unknown as { __bench: Record<string, unknown> }).__bench);
      if (typeof result.error === 'string') throw new Error(`${caseName} on ${file}: ${result.error}`);
      const counted = this.counts.get(run) ?? { requests: 0, bytes: 0 };
      return { result, ...counted };
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** /<run>/data/<file> → ../shared/data (counted, Range); /<run>/<asset> → the built page. */
function serve(url: string, range: string | undefined, res: import('node:http').ServerResponse, counts: Map<string, Counts>): void {
  const [, run = '', ...rest] = decodeURIComponent(url.split('?')[0] ?? '/').split('/');
  const rel = rest.join('/');
  // gen/: rasters the benches generate (tests/bench/zonal_scale.ts), counted like data/
  const generated = rel.startsWith('gen/');
  const isData = rel.startsWith('data/') || generated;
  const root = generated ? GENERATED : isData ? sharedData : outDir;
  const file = isData ? path.join(root, rel.slice(generated ? 4 : 5)) : path.join(outDir, rel);
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
  const size = statSync(file).size;
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const headers = { 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
  const match = /bytes=(\d+)-(\d*)/.exec(range ?? '');
  const start = match ? Number(match[1]) : 0;
  const end = match && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (isData) {
    const c = counts.get(run) ?? { requests: 0, bytes: 0 };
    c.requests++;
    c.bytes += Math.max(0, end - start + 1);
    counts.set(run, c);
    // BENCH_RANGES=1: one line per data request, to see how a view's reads are grouped
    if (process.env.BENCH_RANGES) console.error(`${run} ${rel.split('/').pop()} bytes=${start}-${end} (${end - start + 1})`);
  }
  if (!match) return void (res.writeHead(200, { ...headers, 'Content-Length': size }), createReadStream(file).pipe(res));
  if (start >= size) return void res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
  res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
  createReadStream(file, { start, end }).pipe(res);
}

let shared: Promise<BenchBrowser> | null = null;
/** One browser and server for all COG bench modules of a run. */
export function benchBrowser(): Promise<BenchBrowser> {
  shared ??= BenchBrowser.start();
  return shared;
}

/** Closes the shared browser if a module started it (run.ts calls this once at the end). */
export async function closeBenchBrowser(): Promise<void> {
  const started = shared;
  shared = null;
  if (started) await (await started.catch(() => null))?.close();
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export { repoRoot };
