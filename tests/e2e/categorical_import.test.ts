// A categorical raster imported with `npm run import` (a child process, as a user runs it) shows
// only its legend's colours at a fractional zoom (9.37): nearest (MODE/NEAREST) overviews and
// `raster-resampling: nearest` keep classes from being averaged or blended. Fixture: 1024² Byte
// classes 1–4 in 3-pixel stripes (a mean overview would make in-between codes), made by gdal-bin.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { decode } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import type { Cog } from '../../src/sources/cog/open';
import { openLocalCog, pixelCentre, repoRoot, routeLocalLayers, serveFileWithRanges } from './cog_fixture';
import { launchBrowser, openApp, pointOnPage, saveScreenshot, waitForIdle, type GeoveilleWindow } from './harness';
import { colorDistance, formatRgb, parseColor, type Rgb } from './pixels';

const SIZE = 1024;
const hasGdalBinary = existsSync('/usr/bin/gdal_translate');

describe.skipIf(!hasGdalBinary)('an imported categorical raster at a fractional zoom (skipped without gdal-bin\'s gdal_translate)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-categorical-e2e-'));
  const outDir = path.join(dir, 'out'), layersDir = path.join(dir, 'layers');
  let browser: Browser;
  let layer: LayerDefinition;
  let cog: Cog;
  beforeAll(async () => {
    const classes = path.join(dir, 'classes.img');
    writeFileSync(classes, Uint8Array.from({ length: SIZE * SIZE }, (_, i) => 1 + (Math.floor((i % SIZE) / 3) + Math.floor(i / SIZE / 5)) % 4));
    writeFileSync(path.join(dir, 'classes.hdr'), `ENVI\nsamples = ${SIZE}\nlines = ${SIZE}\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\ndata type = 1\ninterleave = bsq\nbyte order = 0\n`);
    const input = path.join(dir, 'classes.tif');
    execFileSync('gdal_translate', ['-q', '-a_srs', 'EPSG:32198', '-a_ullr', '-200000', '300000', String(-200000 + SIZE * 50), String(300000 - SIZE * 50), classes, input]);
    await promisify(execFile)(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/cli/import/main.ts', input, '--id', 'classes', '--out-dir', outDir], {
      cwd: repoRoot, env: { ...process.env, GEOVEILLE_LAYERS_DIR: layersDir },
    });
    const imported = JSON.parse(readFileSync(path.join(layersDir, 'classes.json'), 'utf8')) as LayerDefinition;
    layer = { ...imported, source: { ...imported.source, url: 'catfix/classes.tif' } };
    cog = await openLocalCog(path.join(outDir, 'classes.tif'));
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await cog?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every drawn pixel inside the raster is one of the legend colours', async () => {
    expect(layer.source.cog?.mode).toBe('categorical');
    expect(cog.levels.length).toBeGreaterThan(1); // overviews exist, so the view reads one
    const legend: Rgb[] = layer.legend.items.map((item) => parseColor(item.color));
    const [lon, lat] = pixelCentre(cog, SIZE / 2, SIZE / 2);
    const app = await openApp(browser, `map=9.37/${lat}/${lon}&layers=classes`, {
      beforeGoto: async (page) => {
        await routeLocalLayers(page, [layer]);
        await page.route('**/catfix/**', (route) => serveFileWithRanges(route, path.join(outDir, 'classes.tif')));
      },
    });
    try {
      await waitForIdle(app.page);
      // the basemap's place labels are drawn above layers: hidden so only the raster is read
      await app.page.evaluate(() => {
        const map = (window as GeoveilleWindow).__geoveille!.map;
        for (const style of map.getStyle().layers) if (style.type === 'symbol') map.setLayoutProperty(style.id, 'visibility', 'none');
      });
      await waitForIdle(app.page);
      // a box well inside the raster (its corners' screen positions), away from its anti-aliased edge
      const a = await pointOnPage(app.page, ...pixelCentre(cog, SIZE * 0.25, SIZE * 0.25));
      const b = await pointOnPage(app.page, ...pixelCentre(cog, SIZE * 0.75, SIZE * 0.75));
      const png = decode(await app.page.screenshot({ type: 'png' }));
      await saveScreenshot(app.page, 'categorical-import-z9.37');
      let checked = 0, off = 0;
      let worst: Rgb = [0, 0, 0];
      for (let y = Math.ceil(Math.min(a.y, b.y)); y < Math.max(a.y, b.y); y += 2) {
        for (let x = Math.ceil(Math.min(a.x, b.x)); x < Math.max(a.x, b.x); x += 2) {
          const i = (y * png.width + x) * png.channels;
          const rgb: Rgb = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
          checked++;
          if (Math.min(...legend.map((colour) => colorDistance(colour, rgb))) > 4) {
            off++;
            worst = rgb;
          }
        }
      }
      expect(checked).toBeGreaterThan(5000);
      expect(off, `${off} of ${checked} pixels not a legend colour (e.g. ${formatRgb(worst)}); legend ${legend.map(formatRgb).join(' ')}`).toBe(0);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);
});
