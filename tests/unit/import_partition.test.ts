// Partitioned imports (--partition i/N, then --merge N) give the same result as one process: the same
// decoded tiles for the real MRNF fire perimeters, the same pixels (every overview too) for a
// generated raster. The parts run as child processes (--jobs 2), as `npm run recipe` runs them.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportArgs } from '../../src/cli/import/args';
import { startGdal } from '../../src/cli/import/gdal';
import { cogOverviewFactors, gridShape, parsePartition, rasterBlock, sheetGrid, tileInSheet } from '../../src/cli/import/partition';
import { mosaicVrt, writeRasterPart, type PlacedSource } from '../../src/cli/import/partition_raster';
import { importMaybePartitioned } from '../../src/cli/import/partition_run';
import { runImport, type ImportReport } from '../../src/cli/import/run';
import { usesNativeGdal } from '../../src/cli/import/raster_gdal';
import { cogPixels, decodedTiles, writeGeneratedRaster } from './partition_fixture';
import { hasSharedFiles, sharedPath, REPO_ROOT as repoRoot } from '../support/shared_data';

const FIRES = 'quebec/fires/mrnf_fires_by_decade_1880-2029.geojson';
const fires = sharedPath(FIRES);
const hasShared = hasSharedFiles(FIRES);
const native = await usesNativeGdal();

describe('partition arithmetic', () => {
  it('should read i/N and refuse parts outside 1…N', () => {
    expect(parsePartition('2/4')).toEqual({ index: 1, count: 4 });
    expect(parsePartition('0/4', true)).toEqual({ index: 0, count: 4 });
    expect(() => parsePartition('5/4')).toThrow(/i in 1…N/);
    expect(() => parseImportArgs(['a.tif', '--id', 'a', '--partition', '1/2', '--merge', '2'])).toThrow(/two steps/);
    expect(parseImportArgs(['a.tif', '--id', 'a', '--merge', '4']).merge).toBe(4);
  });

  it('should give every tile from the split zoom down to exactly one sheet', () => {
    expect(gridShape(4)).toEqual([2, 2]);
    expect(gridShape(6)).toEqual([3, 2]);
    expect(gridShape(5)).toEqual([5, 1]);
    const grid = sheetGrid([-79.8, 45, -57.1, 62.6], { minzoom: 0, maxzoom: 10 }, 4);
    expect(grid.sheets).toHaveLength(4);
    for (let x = 0; x < 2 ** 7; x++) {
      for (let y = 0; y < 2 ** 7; y++) {
        const owners = grid.sheets.filter((sheet) => tileInSheet(7, x, y, grid.splitZoom, sheet)).length;
        const insideData = grid.sheets.some((s) => x >> (7 - grid.splitZoom) >= s.x0 && x >> (7 - grid.splitZoom) <= s.x1 && y >> (7 - grid.splitZoom) >= s.y0 && y >> (7 - grid.splitZoom) <= s.y1);
        expect(owners).toBe(insideData ? 1 : 0);
      }
    }
    expect(() => sheetGrid([-72, 46, -71.999, 46.001], { minzoom: 0, maxzoom: 6 }, 4)).toThrow(/too many for this layer/);
  });

  it('should cut a raster into blocks on the coarsest overview, covering it once', () => {
    expect(cogOverviewFactors(2000, 2000, 256)).toEqual([2, 4, 8]);
    expect(cogOverviewFactors(10000, 10000, 512)).toEqual([2, 4, 8, 16, 32]);
    expect(cogOverviewFactors(200, 100, 256)).toEqual([]);
    const blocks = [0, 1, 2, 3].map((index) => rasterBlock(10000, 7000, 32, { index, count: 4 }));
    expect(blocks).toEqual([{ x: 0, y: 0, width: 4992, height: 3488 }, { x: 4992, y: 0, width: 5008, height: 3488 },
      { x: 0, y: 3488, width: 4992, height: 3512 }, { x: 4992, y: 3488, width: 5008, height: 3512 }]);
    expect(blocks.reduce((sum, b) => sum + b.width * b.height, 0)).toBe(10000 * 7000);
    expect(rasterBlock(40, 40, 32, { index: 1, count: 4 })).toMatchObject({ x: 32, width: 8 });
    expect(rasterBlock(20, 20, 32, { index: 0, count: 4 }).width).toBe(0);
    expect(rasterBlock(20, 20, 32, { index: 1, count: 4 })).toMatchObject({ x: 0, width: 20 });
  });

  it('should describe the parts as a VRT mosaic with one mosaic per overview', () => {
    const template = '<VRTDataset rasterXSize="64" rasterYSize="48"><VRTRasterBand dataType="Float32" band="1" blockXSize="64" blockYSize="1"><ComplexSource><SourceFilename relativeToVRT="0">/input/a.tif</SourceFilename><SourceBand>1</SourceBand><SourceProperties RasterXSize="64" /><SrcRect xOff="0" yOff="0" xSize="64" ySize="48" /><DstRect xOff="0" yOff="0" xSize="64" ySize="48" /><NODATA>0</NODATA></ComplexSource></VRTRasterBand></VRTDataset>';
    const parts = [0, 1, 2, 3].map((index) => rasterBlock(64, 48, 4, { index, count: 4 }));
    const placed = (factor: number): PlacedSource[] => parts.map((b, index) => ({ file: `part-${index + 1}-of-4.tif`, overviewLevel: factor > 1 ? Math.log2(factor) - 1 : null,
      x: b.x / factor, y: b.y / factor, width: b.width / factor, height: b.height / factor }));
    const full = mosaicVrt(template, [64, 48, 16], placed(1), ['mosaic-2.vrt', 'mosaic-4.vrt']);
    expect(full.match(/<ComplexSource>/g)).toHaveLength(4);
    expect(full).toContain('<SourceFilename relativeToVRT="1">part-4-of-4.tif</SourceFilename>');
    expect(full).toContain('<DstRect xOff="32" yOff="24" xSize="32" ySize="24" />');
    expect(full).toContain('<Overview><SourceFilename relativeToVRT="1">mosaic-4.vrt</SourceFilename><SourceBand>1</SourceBand></Overview>');
    expect(full).not.toContain('SourceProperties');
    expect(full).not.toContain('OVERVIEW_LEVEL');
    expect(full).toContain('blockXSize="16" blockYSize="16"');
    const quarter = mosaicVrt(template, [16, 12, 16], placed(4), []);
    expect(quarter).toContain('rasterXSize="16" rasterYSize="12"');
    expect(quarter).toContain('<OOI key="OVERVIEW_LEVEL">1</OOI>');
    expect(quarter).toContain('<DstRect xOff="8" yOff="6" xSize="8" ySize="6" />');
    const tail = mosaicVrt(template, [7, 5, 16], [{ file: 'tail.tif', overviewLevel: 0, x: 0, y: 0, width: 7, height: 5 }], []);
    expect(tail.match(/<ComplexSource>/g)).toHaveLength(1);
    expect(tail).toContain('<SourceFilename relativeToVRT="1">tail.tif</SourceFilename><OpenOptions><OOI key="OVERVIEW_LEVEL">0</OOI></OpenOptions>');
  });
});

describe('a partitioned import equals a single-process import', () => {
  let dir: string;
  const run = (input: string, name: string, partitions: number, extra: { maxzoom?: number } = {}): Promise<ImportReport> => {
    const args = { input, id: 'essai', outDir: path.join(dir, name, 'data'), layersDir: path.join(dir, name, 'layers'), ...extra };
    return partitions > 1 ? importMaybePartitioned(args, partitions, 2) : runImport(args);
  };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'partition-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const withGdal = async <T>(choice: 'wasm' | 'native', use: () => Promise<T>): Promise<T> => {
    process.env.GEOVEILLE_GDAL = choice; // read again by every call, and inherited by the parts' processes
    try {
      return await use();
    } finally {
      delete process.env.GEOVEILLE_GDAL;
    }
  };

  const rasterInBlocks = async (choice: 'wasm' | 'native'): Promise<void> => {
    const input = path.join(dir, 'generated.tif');
    if (!existsSync(input)) writeGeneratedRaster(input, 1600, 1200);
    const single = await withGdal(choice, () => run(input, `raster-single-${choice}`, 1));
    const parted = await withGdal(choice, () => run(input, `raster-parts-${choice}`, 4));
    const [a, b] = [await cogPixels(single.dataFile), await cogPixels(parted.dataFile)];
    expect(a.map((i) => [i.width, i.height])).toEqual([[1600, 1200], [800, 600], [400, 300], [200, 150]]);
    expect(b.map((i) => [i.width, i.height])).toEqual(a.map((i) => [i.width, i.height]));
    a.forEach((image, i) => expect(b[i]!.values.every((v, k) => Object.is(v, image.values[k])), `level ${i}`).toBe(true));
    expect(parted.layer).toEqual(single.layer);
    expect(existsSync(path.join(dir, `raster-parts-${choice}`, 'data', 'essai.parts'))).toBe(false);
  };
  it('should give the same pixels for a generated 1600×1200 Float32 raster in 4 blocks (gdal3.js)', () => rasterInBlocks('wasm'), 300_000);
  it.skipIf(!native)('should give the same pixels for a generated 1600×1200 Float32 raster in 4 blocks (native GDAL; needs gdal-bin)', () => rasterInBlocks('native'), 300_000);

  // GDAL rounds odd sizes down (301 → 150): such levels are made by the merge from the coarsest exact one.
  const oddCases = [
    { name: '1000×602 Float32 (301 → 150, AVERAGE)', size: [1000, 602], type: 'Float32', levels: [[1000, 602], [500, 301], [250, 150]], exact: 1, gdal: 'native' },
    { name: '1000×602 Float32 (301 → 150, AVERAGE), gdal3.js', size: [1000, 602], type: 'Float32', levels: [[1000, 602], [500, 301], [250, 150]], exact: 1, gdal: 'wasm' },
    { name: '2000×1202 Float32 (601 → 300 → 150, AVERAGE)', size: [2000, 1202], type: 'Float32', levels: [[2000, 1202], [1000, 601], [500, 300], [250, 150]], exact: 1, gdal: 'native' },
    { name: '2000×1202 Byte classes (601 → 300 → 150, NEAREST)', size: [2000, 1202], type: 'Byte', levels: [[2000, 1202], [1000, 601], [500, 300], [250, 150]], exact: 1, gdal: 'native' },
  ] as const;
  for (const odd of oddCases) {
    it.skipIf(odd.gdal === 'native' && !native)(`should give the same pixels when overviews are not exact halvings: ${odd.name}${odd.gdal === 'native' ? ' (needs gdal-bin)' : ''}`, async () => {
      const input = path.join(dir, `odd-${odd.size.join('x')}-${odd.type}-${odd.gdal}.tif`);
      writeGeneratedRaster(input, odd.size[0], odd.size[1], odd.type);
      const name = path.basename(input, '.tif');
      const single = await withGdal(odd.gdal, () => run(input, `${name}-single`, 1));
      const parted = await withGdal(odd.gdal, () => run(input, `${name}-parts`, 4));
      const [a, b] = [await cogPixels(single.dataFile), await cogPixels(parted.dataFile)];
      expect(a.map((i) => [i.width, i.height])).toEqual(odd.levels);
      expect(b.map((i) => [i.width, i.height])).toEqual(odd.levels);
      a.forEach((image, i) => expect(b[i]!.values.every((v, k) => Object.is(v, image.values[k])), `level ${i}`).toBe(true));
      expect(single.raster?.overviewResampling).toBe(odd.type === 'Byte' ? 'NEAREST' : 'AVERAGE');
      // The parts carry the exact levels, so the merge copies them: only the rest is computed there.
      const format = { kind: 'raster' as const, name: 'GeoTIFF', vfs: [], openOptions: [] };
      const [part] = await withGdal(odd.gdal, () => writeRasterPart({ file: input, format, id: 'probe', outDir: path.join(dir, `${name}-probe`) }, { index: 0, count: 4 }));
      expect((await cogPixels(part!)).length).toBe(1 + odd.exact);
    }, 300_000);
  }

  it.skipIf(!native)('should write the same pixels with native GDAL as with gdal3.js (needs gdal-bin)', async () => {
    const [wasm, cli] = [path.join(dir, 'raster-single-wasm/data/essai.tif'), path.join(dir, 'raster-single-native/data/essai.tif')];
    expect(existsSync(wasm) && existsSync(cli), 'the two single-process imports above ran').toBe(true);
    const [a, b] = [await cogPixels(wasm), await cogPixels(cli)];
    expect(b.map((i) => [i.width, i.height])).toEqual(a.map((i) => [i.width, i.height]));
    a.forEach((image, i) => expect(b[i]!.values.every((v, k) => Object.is(v, image.values[k])), `level ${i}`).toBe(true));
  });

  it('should give the same decoded tiles for a projected (Québec Lambert) GeoPackage in 4 parts run in this process', async () => {
    const cells = Array.from({ length: 64 }, (_, i) => {
      const [x, y] = [-74 + (i % 8) * 0.3, 45.5 + Math.floor(i / 8) * 0.3];
      return { type: 'Feature', properties: { nom: `Peuplement ${i}`, classe: ['A', 'B', 'C'][i % 3] },
        geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.25, y], [x + 0.2, y + 0.25], [x, y + 0.2], [x, y]]] } };
    });
    await fs.writeFile(path.join(dir, 'cells.geojson'), JSON.stringify({ type: 'FeatureCollection', features: cells }));
    const { gdal } = await startGdal(dir);
    const source = (await gdal.open(path.join(dir, 'cells.geojson'))).datasets[0]!;
    await gdal.ogr2ogr(source, ['-f', 'GPKG', '-t_srs', 'EPSG:32198', '-nln', 'cells'], 'cells');
    await gdal.close(source);
    const input = path.join(dir, 'cells.gpkg');
    const single = await run(input, 'gpkg-single', 1, { maxzoom: 8 });
    const args = { input, id: 'essai', outDir: path.join(dir, 'gpkg-parts', 'data'), layersDir: path.join(dir, 'gpkg-parts', 'layers'), maxzoom: 8 };
    const parted = await importMaybePartitioned(args, 4, 1);
    const [a, b] = [await decodedTiles(single.dataFile, 'essai'), await decodedTiles(parted.dataFile, 'essai')];
    expect(a.size).toBeGreaterThan(10);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [key, features] of a) expect(b.get(key), key).toEqual(features);
  }, 300_000);

  it.skipIf(!hasShared)(`should give the same decoded tiles for the MRNF fire perimeters in 4 parts (needs ${fires})`, async () => {
    const single = await run(fires, 'fires-single', 1, { maxzoom: 6 });
    const parted = await run(fires, 'fires-parts', 4, { maxzoom: 6 });
    const [a, b] = [await decodedTiles(single.dataFile, 'essai'), await decodedTiles(parted.dataFile, 'essai')];
    expect(a.size).toBeGreaterThan(20);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [key, features] of a) expect(b.get(key), key).toEqual(features);
    expect(parted.layer).toEqual(single.layer);
  }, 600_000);
});
