// The AOI report's clipped GeoTIFF is made in a worker (export_geotiff_worker): the downloaded
// file is byte for byte the main-thread clipRasterToAoi's (the CLI's path) on the same file and
// AOI, the page has no long task > 200 ms meanwhile and its progress bar advances; Cancel ends
// the worker with no file and the button back as it was; a refused clip says why, naming the
// layer, in French.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Download, Worker } from 'playwright-core';
import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot, type AppPage } from './harness';
import { reportValues } from './report_tables';
import { showReport } from './app_hook';
import { openCog, type Cog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { pixelToCrs } from '../../src/sources/cog/georef';
import { clipRasterToAoi } from '../../src/queries/export_geotiff';
import { REPO_ROOT } from '../support/shared_data';

const LAYER = 'lidar-mnt';
const TITLE = 'LiDAR — modèle numérique de terrain';
const file = path.join(REPO_ROOT, 'public/data/lidar_mnt.tif');

/** A polygon from fractions of the raster's width and height, in lon/lat. */
function aoiOf(cog: Cog, corners: Array<[number, number]>): Feature<Polygon> {
  const ring = corners.map(([fx, fy]) => cog.proj.inverse(pixelToCrs(cog.georef, cog.width * fx, cog.height * fy)) as [number, number]);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0] as [number, number]]] } };
}

/** Records, from now on, the values the export's progress bar takes and every long task. */
function watchPage(): void {
  const seen = { progress: [] as number[], longTasks: [] as number[] };
  Object.assign(window, { __watch: seen });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  new MutationObserver((records) => {
    for (const record of records) if (record.target instanceof HTMLProgressElement) seen.progress.push(record.target.value);
  }).observe(document.querySelector('#side-sheet') ?? document.body, { subtree: true, attributes: true, attributeFilter: ['value'] });
}

describe('clipped GeoTIFF export in a worker', () => {
  let browser: Browser;
  let app: AppPage;
  let cog: Cog;
  const workers: Worker[] = [];
  const closed: string[] = [];
  const downloads: Download[] = [];
  const exportWorkers = () => workers.filter((w) => /export_geotiff_worker/.test(w.url())).length;
  const exportClosed = () => closed.filter((url) => /export_geotiff_worker/.test(url)).length;
  const tiff = () => app.page.locator(`#side-sheet[data-content="report"] section[data-layer="${LAYER}"] .report-export`, { has: app.page.getByRole('button', { name: 'GeoTIFF découpé' }) });

  beforeAll(async () => {
    cog = await openCog(new FileRangeSource(file));
    browser = await launchBrowser();
    app = await openApp(browser, `map=13/46.36/-72.56&lang=fr&layers=${LAYER}`);
    app.page.on('worker', (worker) => {
      workers.push(worker);
      worker.on('close', () => closed.push(worker.url()));
    });
    app.page.on('download', (download) => downloads.push(download));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('Cancel ends the worker: no file, the button as it was', { timeout: 120_000 }, async () => {
    const { page } = app;
    // a thin diagonal band: its bounding box holds tiles the statistics never read, the export must
    const band = aoiOf(cog, [[0.05, 0.03], [0.12, 0.03], [0.95, 0.97], [0.88, 0.97]]);
    await showReport(page, { id: 'ex1', name: 'Bande', feature: band });
    expect((await reportValues(page, LAYER)).count).toBeGreaterThan(0);
    const held: Array<() => Promise<void>> = [];
    await page.route('**/data/lidar_mnt.tif', (route) => {
      held.push(() => route.continue().catch(() => undefined));
    });
    await tiff().getByRole('button', { name: 'GeoTIFF découpé' }).click();
    await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await tiff().getAttribute('data-state')).toBe('running');
    expect(exportWorkers()).toBe(1);
    await saveScreenshot(page, 'export-worker-running');
    await tiff().getByRole('button', { name: 'Annuler l’export' }).click();
    await tiff().and(page.locator('[data-state="cancelled"]')).waitFor();
    await expect.poll(exportClosed).toBe(1);
    expect(await tiff().locator('.report-export-note').textContent()).toBe('Export annulé ; aucun fichier n’a été créé.');
    expect(await tiff().locator('progress').isHidden()).toBe(true);
    expect(await tiff().getByRole('button', { name: 'Annuler l’export' }).isHidden()).toBe(true);
    expect(await tiff().getByRole('button', { name: 'GeoTIFF découpé' }).getAttribute('aria-busy')).toBe('false');
    await page.unroute('**/data/lidar_mnt.tif');
    await Promise.all(held.map((release) => release()));
    expect(downloads).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('downloads the main thread\'s exact bytes, with progress and no long task', { timeout: 120_000 }, async () => {
    const { page } = app;
    // an inscribed octagon: most of the raster (a window of about 2.1 M pixels: an 8.5 MB file)
    const octagon = aoiOf(cog, Array.from({ length: 8 }, (_, i) => [0.5 + 0.49 * Math.cos((i * Math.PI) / 4), 0.5 + 0.49 * Math.sin((i * Math.PI) / 4)] as [number, number]));
    await showReport(page, { id: 'ex2', name: 'Octogone', feature: octagon });
    await reportValues(page, LAYER);
    await page.evaluate(watchPage);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), tiff().getByRole('button', { name: 'GeoTIFF découpé' }).click()]);
    await tiff().and(page.locator('[data-state="done"]')).waitFor();
    const bytes = readFileSync(await download.path());
    await saveScreenshot(page, 'export-worker-done');
    expect(exportWorkers()).toBe(2);
    await expect.poll(exportClosed).toBe(2);

    const main = await clipRasterToAoi(cog, octagon);
    expect(main.width * main.height).toBeGreaterThan(2_000_000);
    expect(bytes.byteLength).toBe(main.data.byteLength);
    expect(Buffer.compare(bytes, Buffer.from(main.data))).toBe(0);

    const watch = await page.evaluate(() => (window as unknown as { __watch: { progress: number[]; longTasks: number[] } }).__watch);
    expect(watch.progress.length).toBeGreaterThanOrEqual(2);
    expect(watch.progress.filter((v) => v > 0)).toEqual([...watch.progress.filter((v) => v > 0)].sort((a, b) => a - b));
    expect(Math.max(...watch.progress)).toBeGreaterThan(0);
    expect(watch.longTasks.filter((ms) => ms > 200)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('a clip the worker refuses comes back in French, naming the layer', { timeout: 120_000 }, async () => {
    const { page } = app;
    // a sliver between pixel centres: no pixel of the raster is inside
    const sliver = aoiOf(cog, [[0.5, 0.5], [0.5 + 0.2 / cog.width, 0.5], [0.5 + 0.2 / cog.width, 0.5 + 0.2 / cog.height]]);
    await showReport(page, { id: 'ex3', name: 'Éclat', feature: sliver });
    await reportValues(page, LAYER);
    await tiff().getByRole('button', { name: 'GeoTIFF découpé' }).click();
    await tiff().and(page.locator('[data-state="failed"]')).waitFor({ timeout: 60_000 });
    expect(exportWorkers()).toBe(3);
    const text = await tiff().locator('.report-export-error').textContent();
    await saveScreenshot(page, 'export-worker-refused');
    expect(text).toContain(`L’export « GeoTIFF découpé » a échoué : Couche « ${TITLE} » : la zone d’intérêt ne couvre aucun pixel de cette couche.`);
    expect(await tiff().getByRole('button', { name: 'Réessayer' }).isVisible()).toBe(true);
    expect(downloads.length).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
