// The band picker in a multi-band COG layer's row: switching to band 2 swaps which half of the
// raster is bright; an RGB triple draws the expected colour; the choice is kept in the URL and a
// link with it draws the same. Fixture: 4 Byte bands with names, made by gdal-bin in the test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import type { Cog } from '../../src/sources/cog/open';
import { cogLayer, openLocalCog, pixelCentre, routeLocalLayers, serveFileWithRanges } from './cog_fixture';
import { baseUrl, clickTool, colorAt, launchBrowser, openApp, pointOnPage, saveScreenshot, waitForHashWritten, waitForIdle, type AppPage } from './harness';
import { colorDistance, formatRgb, type Rgb } from './pixels';

const W = 64, H = 48, LOW = 10, HIGH = 200;
const hasGdalBinary = existsSync('/usr/bin/gdal_translate');
const ROW = '#layer-panel li.layer[data-layer-id="multi"]';

/** Band 1: right half bright; band 2: left half bright; band 3: bottom half bright; band 4: flat. */
function bandValue(band: number, x: number, y: number): number {
  if (band === 1) return x >= W / 2 ? HIGH : LOW;
  if (band === 2) return x < W / 2 ? HIGH : LOW;
  if (band === 3) return y >= H / 2 ? HIGH : LOW;
  return 100;
}

function makeFixture(dir: string): string {
  const bytes = new Uint8Array(4 * W * H);
  for (let b = 0; b < 4; b++) for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) bytes[b * W * H + y * W + x] = bandValue(b + 1, x, y);
  writeFileSync(path.join(dir, 'multi.img'), bytes);
  writeFileSync(path.join(dir, 'multi.hdr'), `ENVI\nsamples = ${W}\nlines = ${H}\nbands = 4\nheader offset = 0\nfile type = ENVI Standard\ndata type = 1\ninterleave = bsq\nbyte order = 0\nband names = { Bleu, Vert, Rouge, Proche infrarouge }\n`);
  const out = path.join(dir, 'multi.tif');
  execFileSync('gdal_translate', ['-q', '-of', 'COG', '-a_srs', 'EPSG:32198', '-a_ullr', '-300000', '500000', String(-300000 + W * 500), String(500000 - H * 500), path.join(dir, 'multi.img'), out]);
  return out;
}

const brightness = ([r, g, b]: Rgb) => (r + g + b) / 3;

describe.skipIf(!hasGdalBinary)('band picker (skipped without gdal-bin\'s gdal_translate)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-bands-e2e-'));
  let browser: Browser;
  let cog: Cog;
  let file = '';
  let layer: LayerDefinition;
  let hash = '';
  beforeAll(async () => {
    file = makeFixture(dir);
    cog = await openLocalCog(file);
    browser = await launchBrowser();
    layer = cogLayer('multi', 'bandfix/multi.tif', { mode: 'continuous', bands: [1], ramp: [[0, '#000000'], [1, '#ffffff']], stretchPercent: [2, 98], resampling: 'nearest' });
    const [lon, lat] = pixelCentre(cog, W / 2, H / 2);
    hash = `map=9/${lat}/${lon}&layers=multi`;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await cog?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (extra = ''): Promise<AppPage> => openApp(browser, hash + extra, {
    beforeGoto: async (page) => {
      await routeLocalLayers(page, [layer]);
      await page.route('**/bandfix/**', (route) => serveFileWithRanges(route, file));
    },
  });
  /** Colours at pixel centres left/right of the middle, top/bottom quarter. */
  const probe = async (page: Page) => {
    const at = (col: number, row: number) => colorAt(page, ...pixelCentre(cog, col, row));
    return { left: await at(W / 4, H / 4), right: await at((3 * W) / 4, H / 4), bottomLeft: await at(W / 4, (3 * H) / 4) };
  };

  it('band 2 swaps the bright half; an RGB triple draws its colour; the URL keeps the choice', async () => {
    const app = await open();
    try {
      await waitForIdle(app.page);
      const first = await probe(app.page);
      expect(brightness(first.right) - brightness(first.left), `band 1: left ${formatRgb(first.left)} right ${formatRgb(first.right)}`).toBeGreaterThan(150);

      await app.page.click(`${ROW} details.band-picker summary`);
      await app.page.waitForSelector(`${ROW} details.band-picker[data-state="ready"]`);
      const labels = await app.page.$$eval(`${ROW} select.band-select[data-role="single"] option`, (options) => options.map((o) => o.textContent));
      expect(labels).toEqual(['Bleu', 'Vert', 'Rouge', 'Proche infrarouge']);

      await app.page.selectOption(`${ROW} select.band-select[data-role="single"]`, '2');
      await waitForIdle(app.page);
      const second = await probe(app.page);
      expect(brightness(second.left) - brightness(second.right), `band 2: left ${formatRgb(second.left)} right ${formatRgb(second.right)}`).toBeGreaterThan(150);
      expect(await app.page.evaluate(() => decodeURIComponent(location.hash))).toContain('bands=multi:2');

      await app.page.selectOption(`${ROW} select.band-mode`, 'rgb');
      await app.page.selectOption(`${ROW} select.band-select[data-role="red"]`, '2');
      await app.page.selectOption(`${ROW} select.band-select[data-role="green"]`, '1');
      await app.page.selectOption(`${ROW} select.band-select[data-role="blue"]`, '3');
      await waitForIdle(app.page);
      const rgb = await probe(app.page);
      await saveScreenshot(app.page, 'band-picker-rgb');
      // top-left: R = band 2 high, G = band 1 low, B = band 3 low → red; bottom-left adds blue → magenta
      expect(rgb.left[0] - Math.max(rgb.left[1], rgb.left[2]), `rgb top-left ${formatRgb(rgb.left)}`).toBeGreaterThan(150);
      expect(Math.min(rgb.bottomLeft[0], rgb.bottomLeft[2]) - rgb.bottomLeft[1], `rgb bottom-left ${formatRgb(rgb.bottomLeft)}`).toBeGreaterThan(150);
      expect(await app.page.evaluate(() => decodeURIComponent(location.hash))).toContain('bands=multi:2.1.3');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);

  /** The band legend of the layer's row (the picker's layer), once it shows `bands`. */
  const bandLegend = async (page: Page, where: string, bands: string) => {
    const selector = `${where} .layer-legend[data-layer-id="multi"] .band-legend[data-bands="${bands}"]`;
    await page.waitForSelector(selector, { state: 'attached' });
    return page.$eval(selector, (box) => ({
      caption: box.querySelector('.legend-band')?.textContent ?? null,
      ends: [...box.querySelectorAll('.legend-ramp-labels span')].map((span) => span.textContent),
      ramp: (box.querySelector('.legend-ramp') as HTMLElement | null)?.style.background ?? null,
      items: [...box.querySelectorAll('.legend-label')].map((label) => label.textContent),
    }));
  };

  it('the legend follows the picked band, in the panel and over the map, in both languages', async () => {
    const app = await open();
    try {
      await app.page.click(`${ROW} details.band-picker summary`);
      await app.page.waitForSelector(`${ROW} details.band-picker[data-state="ready"]`);
      await app.page.selectOption(`${ROW} select.band-select[data-role="single"]`, '2');
      // band 2 holds 10 and 200 (half each): its 2–98 % stretch ends at those values
      expect(await bandLegend(app.page, ROW, '2')).toEqual({
        caption: 'Bande affichée : Bande 2 — Vert', ends: ['10', '200'], ramp: 'linear-gradient(to right, rgb(0, 0, 0), rgb(255, 255, 255))', items: [],
      });
      await app.page.click('#map-legend summary');
      expect((await bandLegend(app.page, '#map-legend', '2')).caption).toBe('Bande affichée : Bande 2 — Vert');
      await saveScreenshot(app.page, 'band-picker-legend');

      await app.page.selectOption(`${ROW} select.band-mode`, 'rgb');
      await app.page.selectOption(`${ROW} select.band-select[data-role="red"]`, '4');
      expect((await bandLegend(app.page, ROW, '4.2.3')).items).toEqual(['Rouge : Bande 4 — Proche infrarouge', 'Vert : Bande 2 — Vert', 'Bleu : Bande 3 — Rouge']);

      await app.page.click('#lang-toggle');
      await app.page.waitForFunction(() => document.documentElement.lang === 'en');
      expect((await bandLegend(app.page, ROW, '4.2.3')).items).toEqual(['Red: Band 4 — Proche infrarouge', 'Green: Band 2 — Vert', 'Blue: Band 3 — Rouge']);
      await app.page.click(`${ROW} details.band-picker summary`);
      await app.page.waitForSelector(`${ROW} details.band-picker[data-state="ready"]`);
      await app.page.selectOption(`${ROW} select.band-mode`, 'single');
      await app.page.selectOption(`${ROW} select.band-select[data-role="single"]`, '3');
      expect((await bandLegend(app.page, ROW, '3')).caption).toBe('Band shown: Band 3 — Rouge');
      expect((await bandLegend(app.page, '#map-legend', '3')).ends).toEqual(['10', '200']);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);

  /** The one row under "Mes données" once the form says the file is added; its layer id. */
  const addedRow = async (page: Page): Promise<string> => {
    await page.waitForSelector('.add-data-message[data-kind="ok"]', { timeout: 60_000 });
    await page.click('#side-sheet .side-sheet-close');
    return page.$eval('#added-layers li.layer', (li) => (li as HTMLElement).dataset.layerId ?? '');
  };
  const pickSingle = async (page: Page, row: string, band: string) => {
    await page.click(`${row} details.band-picker summary`);
    await page.waitForSelector(`${row} details.band-picker[data-state="ready"]`);
    expect(await page.$$eval(`${row} select.band-select[data-role="single"] option`, (options) => options.map((o) => o.textContent))).toEqual(['Bleu', 'Vert', 'Rouge', 'Proche infrarouge']);
    await page.selectOption(`${row} select.band-mode`, 'single');
    await page.selectOption(`${row} select.band-select[data-role="single"]`, band);
  };
  const addedLegend = async (page: Page, id: string, bands: string) => {
    const selector = `#added-layers .layer-legend[data-layer-id="${id}"] .band-legend[data-bands="${bands}"]`;
    await page.waitForSelector(selector, { state: 'attached' });
    return page.$eval(selector, (box) => [box.querySelector('.legend-band')?.textContent, ...[...box.querySelectorAll('.legend-label')].map((label) => label.textContent)].filter(Boolean));
  };

  it('a multi-band file added from the disk gets the band picker, and a legend naming its bands', async () => {
    const app = await openApp(browser, 'map=5/48/-72&lang=fr');
    try {
      await clickTool(app.page, 'add-data-button');
      await app.page.setInputFiles('#add-data-file', file);
      const id = await addedRow(app.page);
      const row = `#added-layers li.layer[data-layer-id="${id}"]`;
      // 4 Byte bands: drawn as bands 1, 2, 3 in R, G, B, named from the file
      expect(await addedLegend(app.page, id, '1.2.3')).toEqual(['Rouge : Bande 1 — Bleu', 'Vert : Bande 2 — Vert', 'Bleu : Bande 3 — Rouge']);
      await pickSingle(app.page, row, '2');
      expect(await addedLegend(app.page, id, '2')).toEqual(['Bande affichée : Bande 2 — Vert']);
      // no ramp of its own: the default (viridis) one, bright yellow where band 2 is high. The
      // pick goes RGB → band 1 → band 2, each a new tile URL: the map may still be idle on band
      // 1's tiles when the legend shows band 2, so the pixels are watched until band 2's arrive.
      const distances = async () => {
        await waitForIdle(app.page);
        const { left, right } = await probe(app.page);
        return [colorDistance(left, [253, 231, 37]), colorDistance(right, [68, 1, 84])].map((d) => (d < 40 ? 'ok' : `off by ${d.toFixed(0)} (${formatRgb(left)} / ${formatRgb(right)})`));
      };
      await expect.poll(distances, { timeout: 30_000 }).toEqual(['ok', 'ok']);
      await saveScreenshot(app.page, 'band-picker-added-file');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a multi-band file added by URL keeps its picked band in the link, and the link draws it again', async () => {
    const route = (page: Page) => page.route('**/ext/multi.tif', (request) => serveFileWithRanges(request, file));
    const app = await openApp(browser, 'map=5/48/-72&lang=fr', { beforeGoto: route });
    let link = '';
    try {
      await clickTool(app.page, 'add-data-button');
      await app.page.fill('#add-data-url', `${baseUrl()}ext/multi.tif`);
      await app.page.click('#add-data-submit');
      const id = await addedRow(app.page);
      await pickSingle(app.page, `#added-layers li.layer[data-layer-id="${id}"]`, '2');
      expect(await addedLegend(app.page, id, '2')).toEqual(['Bande affichée : Bande 2 — Vert']);
      await waitForHashWritten(app.page);
      link = await app.page.evaluate(() => location.hash.slice(1));
      expect(decodeURIComponent(link)).toContain(`bands=${id}:2`);
    } finally {
      await app.close();
    }
    const again = await openApp(browser, link, { beforeGoto: route });
    try {
      const id = await again.page.$eval('#added-layers li.layer', (li) => (li as HTMLElement).dataset.layerId ?? '');
      expect(await addedLegend(again.page, id, '2')).toEqual(['Bande affichée : Bande 2 — Vert']);
      await waitForIdle(again.page);
      const { left, right } = await probe(again.page);
      expect(colorDistance(left, [253, 231, 37]), `band 2 high (left) from the link ${formatRgb(left)}`).toBeLessThan(40);
      expect(colorDistance(right, [68, 1, 84]), `band 2 low (right) from the link ${formatRgb(right)}`).toBeLessThan(40);
      expect(again.pageErrors).toEqual([]);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('the series tool on a multi-band file without dates charts one point per band, labelled by description', async () => {
    const app = await open();
    try {
      await waitForIdle(app.page);
      await clickTool(app.page, 'series-button');
      const [lon, lat] = pixelCentre(cog, W / 4, (3 * H) / 4); // bottom-left: bands 10, 200, 200, 100
      const { x, y } = await pointOnPage(app.page, lon, lat);
      await app.page.mouse.click(x, y);
      await app.page.waitForSelector('#side-sheet .series-result.series-bands');
      const rows = await app.page.$$eval('#side-sheet .series-bands tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      expect(rows).toEqual([['Bleu', '10'], ['Vert', '200'], ['Rouge', '200'], ['Proche infrarouge', '100']]);
      expect(await app.page.$$eval('#side-sheet circle.series-point', (dots) => dots.map((dot) => Number(dot.getAttribute('data-value'))))).toEqual([10, 200, 200, 100]);
      await saveScreenshot(app.page, 'band-series');
      await app.page.click('#lang-toggle');
      await app.page.waitForFunction(() => document.querySelector('#side-sheet-title')?.textContent?.startsWith('Time series'));
      expect(await app.page.textContent('#side-sheet .series-bands caption')).toBe('Values by band');
      expect(await app.page.$$eval('#side-sheet .series-bands tbody tr td:first-child', (tds) => tds.map((td) => td.textContent))).toEqual(['Bleu', 'Vert', 'Rouge', 'Proche infrarouge']);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a link with bands=multi:2 draws band 2, with its legend and picker, and keeps it in the URL', async () => {
    const app = await open('&bands=multi:2');
    try {
      await waitForIdle(app.page);
      const { left, right } = await probe(app.page);
      expect(brightness(left) - brightness(right), `left ${formatRgb(left)} right ${formatRgb(right)}`).toBeGreaterThan(150);
      expect((await bandLegend(app.page, ROW, '2')).caption).toBe('Bande affichée : Bande 2 — Vert');
      await app.page.click(`${ROW} details.band-picker summary`);
      await app.page.waitForSelector(`${ROW} details.band-picker[data-state="ready"]`);
      expect(await app.page.$eval(`${ROW} select.band-select[data-role="single"]`, (select) => (select as HTMLSelectElement).value)).toBe('2');
      await waitForHashWritten(app.page);
      expect(await app.page.evaluate(() => decodeURIComponent(location.hash))).toContain('bands=multi:2');
      // identify names each band as the file does (bottom-left: bands 10, 200, 200, 100)
      await app.page.click(`${ROW} details.band-picker summary`); // folds the picker away from the map
      const { x, y } = await pointOnPage(app.page, ...pixelCentre(cog, W / 4, (3 * H) / 4));
      await app.page.mouse.click(x, y);
      await app.page.waitForSelector('#side-sheet .identify-layer[data-layer="multi"] dd[data-band="4"]');
      expect(await app.page.$$eval('#side-sheet .identify-layer[data-layer="multi"] dl > *', (cells) => cells.map((cell) => cell.textContent)))
        .toEqual(['Bande 1 — Bleu', '10', 'Bande 2 — Vert (affichée)', '200', 'Bande 3 — Rouge', '200', 'Bande 4 — Proche infrarouge', '100']);
      // the band drawn is marked (in words, read out with its name); the mark follows a new pick and the language
      const drawnRows = () => app.page.$$eval('#side-sheet .identify-layer[data-layer="multi"] dt[data-drawn]', (terms) => terms.map((term) => term.textContent));
      expect(await drawnRows()).toEqual(['Bande 2 — Vert (affichée)']);
      await saveScreenshot(app.page, 'band-identify-drawn');
      await app.page.click('#lang-toggle');
      await app.page.waitForFunction(() => document.querySelector('#side-sheet-title')?.textContent === 'Identify');
      expect(await drawnRows()).toEqual(['Band 2 — Vert (shown)']);
      await app.page.click(`${ROW} details.band-picker summary`);
      await app.page.waitForSelector(`${ROW} details.band-picker[data-state="ready"]`);
      await app.page.selectOption(`${ROW} select.band-select[data-role="single"]`, '3');
      await app.page.waitForSelector('#side-sheet .identify-layer[data-layer="multi"] dt[data-drawn]:nth-of-type(3)');
      expect(await drawnRows()).toEqual(['Band 3 — Rouge (shown)']);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);
});
