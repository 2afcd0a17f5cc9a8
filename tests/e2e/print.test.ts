// Print: with the demo flood zones on, `print=1` opens the panel; it makes a Letter-landscape
// 150 dpi PDF whose page size, title, legend labels and sources are read back with pdf-lib and
// whose GEO Measure matches the map's view (within 0.5 % of the extent's width); gdalinfo
// (Debian gdal-bin) reads its CRS and corners. PNG + world file and GeoTIFF land at the same
// place, with the map's own colour at a flood-zone point. Cancel; English, axe and 375 px.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode } from 'fast-png';
import { fromArrayBuffer } from 'geotiff';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lonLatToMercator, type Extent3857 } from '../../src/queries/print_geo';
import { gdalinfo, hasGdalinfo, readPrintPdf, type ReadBack } from '../unit/print_pdf_read';
import { baseUrl, clickTool, colorAt, fetchJson, launchBrowser, openApp, saveScreenshot, waitForLayers, waitForReady, type AppPage, type GeoveilleWindow } from './harness';
import { axeViolations } from './axe';

const POINT = { lon: -72.55, lat: 46.35 };
const HASH = `map=12/${POINT.lat}/${POINT.lon}&lang=fr&layers=zones-inondables&print=1`;
const TITLE = 'Zones inondables — Trois-Rivières';
const dir = mkdtempSync(path.join(tmpdir(), 'print-e2e-'));

interface LayerJson {
  title: { fr: string };
  legend: { items: Array<{ label: { fr: string } }> };
  attribution: { organisation: { fr: string }; licence: string; date: string };
}

/** Clicks one of the panel's outputs, waits until it is done, returns its files' bytes by name. */
async function make(page: Page, format: 'pdf' | 'png' | 'tiff'): Promise<Record<string, Uint8Array>> {
  await page.click(`.print-make-${format}`);
  await page.waitForFunction(() => ['done', 'error', 'cancelled'].includes(document.querySelector<HTMLElement>('.print-panel')?.dataset.state ?? ''), undefined, { timeout: 170_000 });
  expect(await page.getAttribute('.print-panel', 'data-state'), await page.textContent('.print-status') ?? '').toBe('done');
  const files = await page.$$eval('.print-files a', async (links) => Promise.all(links.map(async (link) => {
    const bytes = new Uint8Array(await (await fetch((link as HTMLAnchorElement).href)).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return [link.getAttribute('download') ?? '', btoa(binary)] as const;
  })));
  return Object.fromEntries(files.map(([name, b64]) => [name, new Uint8Array(Buffer.from(b64, 'base64'))]));
}

/** The view the page shows: centre and bounds in EPSG:3857. */
async function viewOf(page: Page): Promise<{ centre: [number, number]; bounds: Extent3857 }> {
  const view = await page.evaluate(() => {
    const map = (window as GeoveilleWindow).__geoveille!.map;
    const b = map.getBounds();
    return { c: map.getCenter().toArray(), sw: b.getSouthWest().toArray(), ne: b.getNorthEast().toArray() };
  });
  const [minX, minY] = lonLatToMercator(view.sw[0]!, view.sw[1]!);
  const [maxX, maxY] = lonLatToMercator(view.ne[0]!, view.ne[1]!);
  return { centre: lonLatToMercator(view.c[0]!, view.c[1]!), bounds: [minX, minY, maxX, maxY] };
}

/** GPTS (lat, lon of UL, LL, LR, UR) → extent in EPSG:3857. */
function extentOf(gpts: number[]): Extent3857 {
  const [minX, maxY] = lonLatToMercator(gpts[1]!, gpts[0]!);
  const [maxX, minY] = lonLatToMercator(gpts[5]!, gpts[4]!);
  return [minX, minY, maxX, maxY];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('print (fr, flood zones on)', () => {
  let app: AppPage;
  let pdf: ReadBack;
  let extent: Extent3857;
  let layer: LayerJson;

  beforeAll(async () => {
    app = await openApp(browser, HASH);
    layer = await fetchJson<LayerJson>(app.page, 'layers/zones-inondables.json');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('should open the print panel from print=1, with a frame on the map', async () => {
    await app.page.waitForSelector('#side-sheet .print-panel');
    expect(await app.page.textContent('#side-sheet-title')).toBe('Imprimer la carte');
    await app.page.waitForFunction(() => /\d+ × \d+ px/.test(document.querySelector('.print-summary')?.textContent ?? ''));
    const frame = await app.page.$eval('.print-frame', (node) => node.getBoundingClientRect().toJSON() as DOMRect);
    expect(frame.width).toBeGreaterThan(100);
    await saveScreenshot(app.page, 'print-panel');
  });

  it('should make a Letter landscape 150 dpi PDF with its texts and the georeference of the view', async () => {
    await app.page.fill('#print-title', TITLE);
    await app.page.selectOption('#print-page', 'letter');
    await app.page.selectOption('#print-orientation', 'landscape');
    await app.page.selectOption('#print-dpi', '150');
    const files = await make(app.page, 'pdf');
    const bytes = files['zones-inondables-trois-rivieres.pdf']!;
    writeFileSync(path.join(dir, 'map.pdf'), bytes);
    pdf = await readPrintPdf(bytes);
    expect([pdf.width, pdf.height]).toEqual([792, 612]);
    expect(pdf.title).toBe(TITLE);
    const text = pdf.texts.join(' ').replace(/\s+/g, ' ');
    expect(pdf.texts).toContain(TITLE);
    expect(pdf.texts).toContain(layer.title.fr);
    for (const item of layer.legend.items) expect(pdf.texts).toContain(item.label.fr);
    const source = `${layer.title.fr} : ${layer.attribution.organisation.fr} (${layer.attribution.licence}, ${layer.attribution.date})`;
    expect(text).toContain(source);
    expect(pdf.epsg).toBe(3857);
    expect(pdf.lpts).toEqual([0, 1, 0, 0, 1, 0, 1, 1]);

    // 'current view': the frame is centred on the view and holds it, touching it on one side
    extent = extentOf(pdf.gpts);
    const { centre, bounds } = await viewOf(app.page);
    const width = extent[2] - extent[0];
    const tolerance = width * 0.005;
    expect(Math.abs((extent[0] + extent[2]) / 2 - centre[0])).toBeLessThan(tolerance);
    expect(Math.abs((extent[1] + extent[3]) / 2 - centre[1])).toBeLessThan(tolerance);
    const spare = [width - (bounds[2] - bounds[0]), extent[3] - extent[1] - (bounds[3] - bounds[1])];
    expect(Math.min(...spare)).toBeGreaterThan(-tolerance);
    expect(Math.min(...spare.map(Math.abs))).toBeLessThan(tolerance);
    const [bx0, by0, bx1, by1] = pdf.bbox as [number, number, number, number];
    expect(Math.abs(width / (extent[3] - extent[1]) - (bx1 - bx0) / (by1 - by0))).toBeLessThan(0.005);
  });

  it.skipIf(!hasGdalinfo)('should be read by gdalinfo with EPSG:3857 and the printed corners (skipped without /usr/bin/gdalinfo)', () => {
    const info = gdalinfo(path.join(dir, 'map.pdf'));
    expect(info.driverShortName).toBe('PDF');
    expect(info.coordinateSystem?.wkt).toMatch(/Pseudo-Mercator/);
    const [gt0, gt1, , gt3, , gt5] = info.geoTransform as [number, number, number, number, number, number];
    const [bx0, by0, bx1, by1] = pdf.bbox as [number, number, number, number];
    const toPixelX = info.size[0] / pdf.width;
    const toPixelY = info.size[1] / pdf.height;
    const left = gt0 + gt1 * bx0 * toPixelX;
    const right = gt0 + gt1 * bx1 * toPixelX;
    const top = gt3 + gt5 * (pdf.height - by1) * toPixelY;
    const bottom = gt3 + gt5 * (pdf.height - by0) * toPixelY;
    const tolerance = (extent[2] - extent[0]) * 0.005;
    [left, bottom, right, top].forEach((value, i) => expect(Math.abs(value - extent[i]!)).toBeLessThan(tolerance));
  });

  it('should make a PNG + world file and a GeoTIFF at the same place, with the map colour at a flood zone', async () => {
    const onScreen = await colorAt(app.page, POINT.lon, POINT.lat);
    const png = await make(app.page, 'png');
    const pgw = new TextDecoder().decode(png['zones-inondables-trois-rivieres.pgw']).trim().split('\n').map(Number);
    const image = decode(png['zones-inondables-trois-rivieres.png']!);
    const tolerance = (extent[2] - extent[0]) * 0.005;
    expect(Math.abs(pgw[4]! - pgw[0]! / 2 - extent[0])).toBeLessThan(tolerance);
    expect(Math.abs(pgw[5]! - pgw[3]! / 2 - extent[3])).toBeLessThan(tolerance);
    expect(Math.abs(pgw[0]! * image.width - (extent[2] - extent[0]))).toBeLessThan(tolerance);
    const [px, py] = lonLatToMercator(POINT.lon, POINT.lat);
    const col = Math.floor((px - (pgw[4]! - pgw[0]! / 2)) / pgw[0]!);
    const row = Math.floor((py - (pgw[5]! - pgw[3]! / 2)) / pgw[3]!);
    const pixel = [...image.data.slice((row * image.width + col) * image.channels, (row * image.width + col) * image.channels + 3)];
    pixel.forEach((value, i) => expect(Math.abs(value - onScreen[i]!)).toBeLessThan(24));

    const tiffFiles = await make(app.page, 'tiff');
    const tiff = tiffFiles['zones-inondables-trois-rivieres.tif']!;
    writeFileSync(path.join(dir, 'map.png'), png['zones-inondables-trois-rivieres.png']!);
    writeFileSync(path.join(dir, 'map.pgw'), png['zones-inondables-trois-rivieres.pgw']!);
    writeFileSync(path.join(dir, 'map.tif'), tiff);
    const geo = await (await fromArrayBuffer(tiff.slice().buffer)).getImage();
    geo.getBoundingBox().forEach((value, i) => expect(Math.abs(value - extent[i]!)).toBeLessThan(tolerance));
    const bands = (await geo.readRasters({ window: [col, row, col + 1, row + 1] })) as unknown as number[][];
    expect(bands.map((band) => band[0])).toEqual(pixel);
  });

  it.skipIf(!hasGdalinfo)('should place the PNG (with its world file) and the GeoTIFF in GDAL (skipped without /usr/bin/gdalinfo)', () => {
    const tolerance = (extent[2] - extent[0]) * 0.005;
    for (const name of ['map.png', 'map.tif']) {
      const { upperLeft, lowerRight } = gdalinfo(path.join(dir, name)).cornerCoordinates;
      [upperLeft[0], lowerRight[1], lowerRight[0], upperLeft[1]].forEach((value, i) => expect(Math.abs(value - extent[i]!)).toBeLessThan(tolerance));
    }
  });

  it('should cancel a render and say so', async () => {
    await app.page.selectOption('#print-page', 'a2');
    await app.page.selectOption('#print-dpi', '300');
    await app.page.click('.print-make-pdf');
    await app.page.waitForSelector('.print-panel[data-state="rendering"]');
    await app.page.click('.print-cancel');
    await app.page.waitForSelector('.print-panel[data-state="cancelled"]');
    expect(await app.page.textContent('.print-status')).toBe('Impression annulée.');
    expect(await app.page.$$('.print-render-map')).toHaveLength(0);
  });

  it('should print (Ctrl+P, print media) the map and the legend of the visible layers only', async () => {
    await app.page.emulateMedia({ media: 'print' });
    const shown = await app.page.evaluate(() => {
      const visible = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)].some((node) => node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden');
      return {
        header: visible('.app-header'), sheet: visible('#side-sheet'), map: visible('#map canvas'),
        floodLegend: visible('#panel-host .layer[data-layer-id="zones-inondables"] .layer-legend'),
        hiddenLayer: visible('#panel-host .layer[data-layer-id="lidar-mnt"]'),
        controls: visible('#panel-host .layer-opacity'),
      };
    });
    await app.page.emulateMedia({ media: 'screen' });
    expect(shown).toEqual({ header: false, sheet: false, map: true, floodLegend: true, hiddenLayer: false, controls: false });
  });
});

describe('print panel in English on a 375 px phone', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
    page = await context.newPage();
    await page.goto(`${baseUrl()}#map=12/${POINT.lat}/${POINT.lon}&lang=en&layers=zones-inondables`);
    await waitForReady(page);
    await waitForLayers(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('should open from the toolbar button, write print=1 in the link and fit 375 px', async () => {
    expect((await page.textContent('#print-button'))?.trim()).toBe('Print');
    await clickTool(page, 'print-button');
    await page.waitForSelector('#side-sheet .print-panel');
    expect(await page.textContent('#side-sheet-title')).toBe('Print the map');
    await page.waitForFunction(() => /(^|&)print=1(&|$)/.test(window.location.hash.slice(1)));
    await page.waitForFunction(() => /\d+ × \d+ px/.test(document.querySelector('.print-summary')?.textContent ?? ''));
    const outside = await page.$$eval('.print-panel input, .print-panel select, .print-panel button:not([hidden])', (nodes) =>
      nodes.map((node) => ({ id: node.id || node.className, box: node.getBoundingClientRect() })).filter(({ box }) => box.width > 0 && (box.left < 0 || box.right > 375)).map(({ id }) => id));
    expect(outside).toEqual([]);
    await page.locator('.print-make-pdf').scrollIntoViewIfNeeded();
    expect(await page.locator('.print-make-pdf').isVisible()).toBe(true);
    await saveScreenshot(page, 'print-panel-375');
  });

  it('should have no serious axe violation in the panel', async () => {
    expect(await axeViolations(page, ['#side-sheet'], { seriousOnly: true })).toEqual([]);
  });

  it('should print at a chosen 1:n scale, and refuse a scale out of range with a message', async () => {
    await page.selectOption('#print-scale', 'custom');
    await page.fill('#print-scale-n', '50000');
    await page.waitForFunction(() => /1:50,000$/.test(document.querySelector('.print-summary')?.textContent ?? ''));
    await page.fill('#print-scale-n', '5');
    await page.click('.print-make-pdf');
    expect(await page.textContent('.print-status')).toBe('The scale must be a number between 100 and 50,000,000.');
    expect(await page.getAttribute('.print-panel', 'data-state')).toBe('idle');
    await page.fill('#print-scale-n', '50000');
  });

  it('should take print=1 out of the link when the panel closes', async () => {
    await page.click('.side-sheet-close');
    await page.waitForFunction(() => !/(^|&)print=1(&|$)/.test(window.location.hash.slice(1)));
    expect(await page.$$('.print-frame')).toHaveLength(0);
  });
});
