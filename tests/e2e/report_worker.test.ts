// The AOI report's zonal statistics run in a worker (issue 15): while a COG layer's section is
// computed, a zonal_worker module worker does the work and is ended afterwards, the progress
// bar advances, the page has no long task > 200 ms, and the numbers are exactly those of the
// main-thread zonalStats (the CLI's path) on the same file and AOI.
import path from 'node:path';
import type { Browser, Worker } from 'playwright-core';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot, type AppPage } from './harness';
import { reportValues } from './report_tables';
import { showReport } from './app_hook';
import { openCog, type Cog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { pixelToCrs } from '../../src/sources/cog/georef';
import { zonalStats } from '../../src/queries/zonal_stats';
import { REPO_ROOT } from '../support/shared_data';

const LAYER = 'lidar-mnt';
const file = path.join(REPO_ROOT, 'public/data/lidar_mnt.tif');

/** A pentagon inside the raster (fractions of its width and height), in lon/lat. */
function aoiInside(cog: Cog, corners: Array<[number, number]>): Polygon {
  const ring = corners.map(([fx, fy]) => cog.proj.inverse(pixelToCrs(cog.georef, cog.width * fx, cog.height * fy)) as [number, number]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0] as [number, number]]] };
}

/** Records, from now on, every value the report's progress bars take and every long task. */
function watchPage(): void {
  const seen = { progress: [] as Array<[number, number]>, longTasks: [] as number[] };
  Object.assign(window, { __watch: seen });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target as Element;
      if (target instanceof HTMLProgressElement) seen.progress.push([target.value, target.max]);
    }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['value'] });
}

describe('AOI report statistics in a worker', () => {
  let browser: Browser;
  let app: AppPage;
  let cog: Cog;
  const workers: Worker[] = [];
  const closed: string[] = [];

  beforeAll(async () => {
    cog = await openCog(new FileRangeSource(file));
    browser = await launchBrowser();
    app = await openApp(browser, `map=13/46.36/-72.56&lang=fr&layers=${LAYER}`);
    app.page.on('worker', (worker) => {
      workers.push(worker);
      worker.on('close', () => closed.push(worker.url()));
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('computes in a worker, keeps the page responsive, and shows the main-thread numbers', { timeout: 120_000 }, async () => {
    const { page } = app;
    const aoi = aoiInside(cog, [[0.1, 0.15], [0.8, 0.1], [0.9, 0.7], [0.5, 0.95], [0.15, 0.6]]);
    await page.evaluate(watchPage);
    await showReport(page, { id: 'zw', name: 'Secteur MNT', feature: { type: 'Feature', properties: {}, geometry: aoi } });
    const shown = await reportValues(page, LAYER);
    await saveScreenshot(page, 'report-worker');

    const zonal = workers.filter((w) => /zonal_worker/.test(w.url()));
    expect(zonal.length).toBe(1);
    // the worker is ended once the numbers are back
    await expect.poll(() => closed.filter((url) => /zonal_worker/.test(url)).length).toBe(1);

    const watch = await page.evaluate(() => (window as unknown as { __watch: { progress: Array<[number, number]>; longTasks: number[] } }).__watch);
    const values = watch.progress.map(([value]) => value);
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(Math.max(...values)).toBeGreaterThan(0);
    expect(watch.longTasks.filter((ms) => ms > 200)).toEqual([]);

    const main = await zonalStats(cog, aoi);
    expect(main.count).toBeGreaterThan(100_000);
    expect(shown).toMatchObject({ count: main.count, area_m2: main.area_m2, min: main.min, max: main.max, mean: main.mean, std: main.std, p10: main.p10, p50: main.p50, p90: main.p90, sum: main.sum });
    expect(app.pageErrors).toEqual([]);
  });

  it('Cancel ends the worker mid-job and offers the full run again', { timeout: 120_000 }, async () => {
    const { page } = app;
    // The file's reads are held from now on: the job is surely running when Cancel is pressed.
    const held: Array<() => Promise<void>> = [];
    await page.route('**/data/lidar_mnt.tif', (route) => {
      held.push(() => route.continue().catch(() => undefined));
    });
    // A corner no tile of the first AOI covered, so the statistics must read the file again.
    const corner = aoiInside(cog, [[0.02, 0.93], [0.17, 0.92], [0.16, 0.98], [0.03, 0.99]]);
    await showReport(page, { id: 'zw2', name: 'Coin MNT', feature: { type: 'Feature', properties: {}, geometry: corner } });
    const section = page.locator(`#side-sheet[data-content="report"] section[data-layer="${LAYER}"]`);
    await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(workers.filter((w) => /zonal_worker/.test(w.url())).length).toBe(2);
    await section.getByRole('button', { name: 'Annuler' }).click();
    await section.locator('p.report-note', { hasText: 'Calcul annulé.' }).waitFor();
    await expect.poll(() => closed.filter((url) => /zonal_worker/.test(url)).length).toBe(2);
    expect(await section.getByRole('button', { name: 'Calcul complet (pleine résolution)' }).count()).toBe(1);
    expect(await section.locator('table.report-table').count()).toBe(0);
    await page.unroute('**/data/lidar_mnt.tif');
    await Promise.all(held.map((release) => release()));
    expect(app.pageErrors).toEqual([]);
  });

  it('a read failing in the worker comes back as the main thread\'s error, in the section', { timeout: 120_000 }, async () => {
    const { page } = app;
    // The header is read already (the report's cache); the tiles under this corner answer 404.
    await page.route('**/data/lidar_mnt.tif', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
    const corner = aoiInside(cog, [[0.85, 0.93], [0.98, 0.93], [0.98, 0.99], [0.86, 0.99]]);
    await showReport(page, { id: 'zw3', name: 'Coin MNT est', feature: { type: 'Feature', properties: {}, geometry: corner } });
    const alert = page.locator(`#side-sheet[data-content="report"] section[data-layer="${LAYER}"] .report-error[role="alert"]`);
    await alert.waitFor({ timeout: 60_000 });
    const text = await alert.textContent();
    await saveScreenshot(page, 'report-worker-error');
    await page.unroute('**/data/lidar_mnt.tif');
    expect(workers.filter((w) => /zonal_worker/.test(w.url())).length).toBe(3);
    // the typed error's code came back: the line is said in French from it, naming the layer and the file
    expect(text).toMatch(/^Couche « [^»]+ » : les données ne peuvent pas être lues \(HTTP 404 ; http:\/\/[^ ]+\/data\/lidar_mnt\.tif\)$/);
    expect(app.pageErrors).toEqual([]);
  });
});

/** Counts, in the page, the zonal workers alive at once (constructed, not yet terminated). */
function countZonalWorkers(): void {
  const seen = { alive: 0, most: 0, started: 0 };
  Object.assign(window, { __zonalWorkers: seen });
  const Original = window.Worker;
  window.Worker = class extends Original {
    private counted: boolean;
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.counted = String(url).includes('zonal_worker');
      if (!this.counted) return;
      seen.started++;
      seen.most = Math.max(seen.most, ++seen.alive);
    }
    override terminate(): void {
      if (this.counted) seen.alive--;
      this.counted = false;
      super.terminate();
    }
  };
}

describe('AOI report with two COG layers', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, 'map=13/46.36/-72.56&lang=fr&layers=lidar-mnt,lidar-mhc', { beforeGoto: (page) => page.addInitScript(countZonalWorkers) });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('runs one worker per core but one, the other section waiting its turn', { timeout: 120_000 }, async () => {
    const { page } = app;
    const cog = await openCog(new FileRangeSource(file));
    const aoi = aoiInside(cog, [[0.2, 0.2], [0.7, 0.25], [0.6, 0.8], [0.25, 0.7]]);
    await showReport(page, { id: 'zw4', name: 'Deux couches', feature: { type: 'Feature', properties: {}, geometry: aoi } });
    const mnt = await reportValues(page, 'lidar-mnt');
    const mhc = await reportValues(page, 'lidar-mhc');
    expect(mnt.count).toBe((await zonalStats(cog, aoi)).count);
    expect(mhc.count).toBeGreaterThan(0);
    const counted = await page.evaluate(() => ({ ...(window as unknown as { __zonalWorkers: { alive: number; most: number; started: number } }).__zonalWorkers, cores: navigator.hardwareConcurrency }));
    const lanes = Math.max(1, Math.min(4, counted.cores - 1));
    expect(counted).toMatchObject({ started: 2, alive: 0, most: Math.min(2, lanes) });
    expect(app.pageErrors).toEqual([]);
  });
});
