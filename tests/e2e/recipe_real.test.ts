// The real Québec catalogue built by `npm run recipe` (recipes/quebec-reel.json) and opened by the app
// as its local catalogue: the fire perimeters take the recipe's colour of their decade and come and go
// with the time slider; the species-group raster shows the recipe's class colours and FR/EN names.
// Outputs are built once, in a temp dir, from ../shared/data (never copied into the repo).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import/run';
import { runRecipe, type LayerOutcome } from '../../src/cli/recipe/run';
import type { Recipe } from '../../src/cli/recipe/types';
import { identify } from '../../src/sources/cog/identify';
import { parseColour } from '../../src/sources/cog/colour';
import { openLocalCog, pixelCentre, zoomForPixel } from './cog_fixture';
import { colorAt, launchBrowser, openApp, saveScreenshot, waitForIdle, type AppPage } from './harness';
import { colorDistance, formatRgb, type Rgb } from './pixels';
import { serveFile } from './serve_file';
import { pointOnlyIn } from './fire_points';
import { sharedPath, REPO_ROOT as repoRoot } from '../support/shared_data';

const recipeFile = path.join(repoRoot, 'recipes', 'quebec-reel.json');
const quebec = sharedPath('quebec');
const hasShared = existsSync(quebec);
const FIRES = 'reel-feux-decennies';
/** The MSP observations imported without a recipe: the defaults alone. */
const PLAIN = 'essai-sans-recette';
const SPECIES = 'reel-groupes-essences';
const recipe = JSON.parse(readFileSync(recipeFile, 'utf8')) as Recipe;
const recipeLayer = (id: string) => recipe.layers.find((layer) => layer.id === id)!;
const rgbOf = (css: string): Rgb => parseColour(css).slice(0, 3) as Rgb;

/** The recipe's outputs as the app's local catalogue (layers/local/…, data/local/…). */
async function routeOutputs(page: Page, layersDir: string, outDir: string): Promise<void> {
  await page.route('**/layers/local/*.json', (route) => {
    const file = path.join(layersDir, path.basename(new URL(route.request().url()).pathname));
    return existsSync(file) ? route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(file) }) : route.fulfill({ status: 404 });
  });
  await page.route('**/data/local/*', (route) => {
    const file = path.join(outDir, path.basename(new URL(route.request().url()).pathname));
    // The app looks for an original GeoJSON beside an archive; its absence is normal (404).
    return existsSync(file) ? serveFile(route, file) : route.fulfill({ status: 404 });
  });
}

/** Waits for the slider to show a time and the map to draw it (no fixed sleep). */
async function sliderAt(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('#time-control input.time-slider')?.getAttribute('aria-valuetext') === t, text);
  await waitForIdle(page);
}

describe.skipIf(!hasShared)(`recipes/quebec-reel.json opened by the app (needs ${quebec})`, () => {
  let browser: Browser;
  let outcomes: LayerOutcome[];
  const work = mkdtempSync(path.join(tmpdir(), 'recipe-e2e-'));
  const layersDir = path.join(work, 'layers');
  const outDir = path.join(work, 'data');
  const open = (hash: string): Promise<AppPage> => openApp(browser, hash, { beforeGoto: (page) => routeOutputs(page, layersDir, outDir) });

  beforeAll(async () => {
    // The subset the checks need: one vector layer with time and one raster with classes.
    outcomes = await runRecipe({ recipeFile, outDir, layersDir, only: [FIRES, SPECIES], log: () => {} });
    await runImport({ input: path.join(quebec, 'floods/msp_flood_observations_2019.geojson'), id: PLAIN, group: 'floods', outDir, layersDir });
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('should build both layers without failure', () => {
    expect(outcomes.map((o) => [o.id, o.status])).toEqual([[FIRES, 'imported'], [SPECIES, 'imported']]);
    expect(outcomes[0]!.count).toBe('21 features');
    expect(outcomes[1]!.count).toBe('676×435 px');
  });

  it("should colour a 1990s perimeter with the recipe's 1990s colour and hide it on the next decade", async () => {
    const fires = (JSON.parse(readFileSync(path.join(quebec, 'fires/mrnf_fires_by_decade_1880-2029.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { Periode: string }>).features;
    const [lon, lat] = pointOnlyIn(fires, '1990-1999');
    const app = await open(`map=8/${lat}/${lon}&layers=${FIRES}&time=1990-1999`);
    try {
      await sliderAt(app.page, '1990–1999');
      const on = await colorAt(app.page, lon, lat);
      await saveScreenshot(app.page, 'recipe-fires-1990s');
      const labels = await app.page.locator(`li.layer[data-layer-id="${FIRES}"] .legend-label`).allTextContents();
      expect(labels).toHaveLength(15);
      expect(labels).toContain('1990–1999');
      await app.page.locator('#time-control input.time-slider').focus();
      await app.page.keyboard.press('ArrowRight');
      await sliderAt(app.page, '2000–2009');
      const off = await colorAt(app.page, lon, lat);
      // The fill is drawn at 60 % over the basemap: what shows without it, plus the recipe's colour.
      const style = recipeLayer(FIRES).style as { classes: Array<{ value: string; color: string }> };
      const colour = rgbOf(style.classes.find((c) => c.value === '1990-1999')!.color);
      const expected = colour.map((c, i) => 0.6 * c + 0.4 * off[i]!) as Rgb;
      expect(colorDistance(on, expected), `drawn ${formatRgb(on)}, expected ${formatRgb(expected)}`).toBeLessThan(15);
      expect(colorDistance(on, off)).toBeGreaterThan(40);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('should draw species classes in their recipe colours with their names in the legend', async () => {
    const cog = await openLocalCog(path.join(outDir, `${SPECIES}.tif`));
    const style = recipeLayer(SPECIES).style as { classes: Array<{ value: number; color: string }> };
    // A pixel of class 10 (balsam fir) whose neighbours hold the same class.
    let probe: [number, number] | undefined;
    for (let row = 100; row < cog.height - 100 && !probe; row += 7) {
      for (let col = 100; col < cog.width - 100 && !probe; col += 7) {
        const around = [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1]].map(([dx, dy]) => pixelCentre(cog, col + dx!, row + dy!));
        const values = await Promise.all(around.map(([x, y]) => identify(cog, x, y)));
        if (values.every((v) => v[0] === 10)) probe = around[0];
      }
    }
    expect(probe).toBeDefined();
    const [lon, lat] = probe!;
    const zoom = zoomForPixel(cog, lat, 24);
    const app = await open(`map=${zoom.toFixed(2)}/${lat}/${lon}&layers=${SPECIES}`);
    try {
      await waitForIdle(app.page);
      const drawn = await colorAt(app.page, lon, lat);
      await saveScreenshot(app.page, 'recipe-species');
      const expected = rgbOf(style.classes.find((c) => c.value === 10)!.color);
      expect(colorDistance(drawn, expected), `drawn ${formatRgb(drawn)}, expected ${formatRgb(expected)}`).toBeLessThan(12);
      const labels = await app.page.locator(`li.layer[data-layer-id="${SPECIES}"] .legend-label`).allTextContents();
      expect(labels).toContain('Sapinière (sapin baumier) (SAB)');
      expect(labels).toHaveLength(10);
    } finally {
      await app.close();
    }
  });

  it('should give an import without a recipe classes, a time slider and an info view that says what to complete', async () => {
    const app = await open(`map=7/46.2/-72.5&layers=${PLAIN}`);
    try {
      await app.page.waitForFunction(() => document.querySelector('#time-control input.time-slider') !== null);
      const labels = await app.page.locator(`li.layer[data-layer-id="${PLAIN}"] .legend-label`).allTextContents();
      expect(labels).toEqual(['Extrême', 'Importante', 'Mineure', 'Modérée']);
      const credits = await app.page.textContent('#attribution');
      expect(credits).not.toMatch(/À compléter|À préciser/);
      await app.page.click(`li.layer[data-layer-id="${PLAIN}"] .layer-info`);
      const facts = await app.page.textContent('#layer-info .layer-info-facts');
      expect(facts).toContain('À compléter');
      expect(facts).toContain('2019-04-25');
      await saveScreenshot(app.page, 'recipe-plain-import-info');
    } finally {
      await app.close();
    }
  });
});
