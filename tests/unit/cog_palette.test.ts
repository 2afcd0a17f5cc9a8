// A palette GeoTIFF (PhotometricInterpretation = 3, ColorMap) is drawn in its own colours by
// default: the colour table we read equals GDAL's (gdal3.js), and the default style of an added
// file uses it for every class present.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCogStyle } from '../../src/queries/default_style';
import { identify } from '../../src/sources/cog/identify';
import { openCog } from '../../src/sources/cog/open';
import { colourTable } from '../../src/sources/cog/photometric';
import { readPixelSample } from '../../src/sources/cog/stats';
import { FileRangeSource } from '../../src/sources/file_source';
import { loadGdal } from './cog_gdal';

const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-palette-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Byte raster with a colour table, written by GDAL from a VRT (geotiff.js cannot write ColorMap). */
async function paletteTiff(): Promise<string> {
  writeFileSync(path.join(dir, 'classes.img'), Uint8Array.from({ length: 16 * 16 }, (_, i) => i % 4));
  writeFileSync(path.join(dir, 'classes.hdr'), 'ENVI\nsamples = 16\nlines = 16\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\ndata type = 1\ninterleave = bsq\nbyte order = 0\n');
  const entries = [[255, 0, 0], [0, 128, 0], [0, 0, 255], [250, 200, 10]].map(([r, g, b]) => `<Entry c1="${r}" c2="${g}" c3="${b}" c4="255"/>`).join('');
  const vrt = path.join(dir, 'palette.vrt');
  writeFileSync(vrt, `<VRTDataset rasterXSize="16" rasterYSize="16"><SRS>EPSG:32198</SRS><GeoTransform>-200000,100,0,300000,0,-100</GeoTransform>
    <VRTRasterBand dataType="Byte" band="1"><ColorInterp>Palette</ColorInterp><ColorTable>${entries}</ColorTable>
    <SimpleSource><SourceFilename relativeToVRT="1">classes.img</SourceFilename><SourceBand>1</SourceBand></SimpleSource></VRTRasterBand></VRTDataset>`);
  const gdal = await loadGdal();
  const ds = (await gdal.open(vrt)).datasets[0]!;
  const out = await gdal.gdal_translate(ds, ['-of', 'GTiff', '-co', 'TILED=YES'], 'palette.tif');
  await gdal.close(ds);
  const file = path.join(dir, 'palette.tif');
  writeFileSync(file, readFileSync(out.real));
  return file;
}

describe('palette files', () => {
  it('read the colour table as GDAL does and draw each class in its colour by default', async () => {
    const file = await paletteTiff();
    const gdal = await loadGdal();
    const ds = (await gdal.open(file)).datasets[0]!;
    const info = await gdal.gdalinfo(ds, ['-json']);
    const gdalTable = ((typeof info === 'string' ? JSON.parse(info) : info) as { bands: Array<{ colorTable?: { entries: number[][] } }> }).bands[0]?.colorTable?.entries;
    await gdal.close(ds);
    const cog = await openCog(new FileRangeSource(file));
    const table = await colourTable(cog.levels[0]!.image);
    expect(table?.slice(0, 4)).toEqual(gdalTable?.slice(0, 4));
    const sample = await readPixelSample(cog);
    const { rendering } = defaultCogStyle({ ...cog, colorTable: table }, sample.bands);
    expect(rendering.mode).toBe('categorical');
    expect(rendering.categories).toEqual({ 0: '#ff0000', 1: '#008000', 2: '#0000ff', 3: '#fac80a' });
    const [lon, lat] = cog.proj.inverse([-200000 + 2.5 * 100, 300000 - 0.5 * 100]) as [number, number];
    expect(await identify(cog, lon, lat)).toEqual([2]); // the index; its colour is the table's entry 2
    await cog.close();
  });
});
