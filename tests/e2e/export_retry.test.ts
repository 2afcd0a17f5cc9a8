// An export that fails says so and can be retried: the clipped GeoTIFF of the LiDAR canopy layer
// is asked for while its file cannot be reached (playwright aborts the requests); the report shows
// a message naming the export with a "Réessayer" button, the numbers and the AOI stay; once the
// file is reachable again, Retry downloads a GeoTIFF that parses, with data inside the AOI only.
import { readFileSync } from 'node:fs';
import { fromArrayBuffer } from 'geotiff';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAoiParam } from '../../src/state/aoi_codec';
import { launchBrowser, openApp, saveScreenshot, type AppPage } from './harness';
import { reportValues } from './report_tables';

const LAYER = 'lidar-mhc';
const FILE = /\/lidar_mhc\.tif(\?|$)/;
/** A thin diagonal band across the raster: its bounding box holds tiles the band never touches,
 *  which the statistics never read and the clipped GeoTIFF must read. */
const BAND = {
  type: 'FeatureCollection',
  features: [{
    type: 'Feature', properties: { nom: 'Bande diagonale' },
    geometry: { type: 'Polygon', coordinates: [[[-72.579, 46.3475], [-72.5765, 46.3475], [-72.547, 46.376], [-72.5495, 46.376], [-72.579, 46.3475]]] },
  }],
};

describe('export failure and retry', () => {
  let browser: Browser;
  let app: AppPage;
  const network = { broken: false, refused: 0 };

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, `map=13/46.362/-72.563&lang=fr&layers=${LAYER}`, {
      beforeGoto: (page) => page.route(FILE, (route: Route) => {
        if (!network.broken) return route.continue();
        network.refused++;
        return route.abort('failed');
      }),
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('should name the failed export, keep the report and the AOI, and download on Retry', { timeout: 180_000 }, async () => {
    const { page } = app;
    await page.click('#aoi-toolbar-button');
    await page.setInputFiles('#aoi-file', { name: 'bande.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(BAND)) });
    await page.waitForSelector('.aoi-row', { timeout: 30_000 });
    await page.click('.aoi-row .aoi-report');
    const before = await reportValues(page, LAYER);
    expect(before.count).toBeGreaterThan(0);

    network.broken = true;
    const section = page.locator(`#side-sheet section[data-layer="${LAYER}"]`);
    const tiff = section.locator('.report-export', { has: page.getByRole('button', { name: 'GeoTIFF découpé' }) });
    await tiff.getByRole('button', { name: 'GeoTIFF découpé' }).click();
    const problem = tiff.locator('.report-export-error');
    await problem.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await problem.textContent()).toContain('L’export « GeoTIFF découpé » a échoué');
    // the reason in French, naming the layer (the worker's typed error, translated by the page)
    expect(await problem.textContent()).toContain('Couche « LiDAR — hauteur de la canopée » : erreur réseau');
    expect(network.refused).toBeGreaterThan(0); // the failure came from the file's requests
    const retry = problem.getByRole('button', { name: 'Réessayer' });
    expect(await retry.isVisible()).toBe(true);
    console.log(await saveScreenshot(page, 'export-retry-failed'));

    // Nothing else is lost: the same numbers, and the AOI still in the link.
    expect(await reportValues(page, LAYER)).toEqual(before);
    const link = await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('aoi') ?? '');
    expect(decodeAoiParam(link).items.map((item) => item.name)).toEqual(['Bande diagonale']);

    // FetchRangeSource answers a failed file from memory for 10 s; the user's Retry asks the network at once
    network.broken = false;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), retry.click()]);
    expect(download.suggestedFilename()).toMatch(/^geoveille_Bande-diagonale_lidar-mhc_\d{4}-\d{2}-\d{2}\.tif$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.byteLength).toBeGreaterThan(0);
    const image = await (await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).getImage();
    const [values] = (await image.readRasters({ interleave: false })) as unknown as Float32Array[];
    const nodata = Number(image.getGDALNoData());
    const inside = values!.filter((v) => v !== nodata && !Number.isNaN(v)).length;
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBeLessThan(values!.length / 2); // a thin band fills little of its bounding box
    expect(await problem.isVisible()).toBe(false);
    expect(app.pageErrors).toEqual([]);
  });
});
