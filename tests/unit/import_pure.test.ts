// The importer's pure parts, without GDAL: arguments, zoom choice, starter layer JSON, raster colours,
// text encoding choice, local catalogue registration.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportArgs } from '../../src/cli/import/args';
import { ImportError } from '../../src/cli/import/errors';
import { detectFormat, titleFromFileName } from '../../src/cli/import/formats';
import { buildRasterLayer, buildVectorLayer, guessRasterGroup, type LayerBasics } from '../../src/cli/import/layer_json';
import { saveLayer, withLayerId } from '../../src/cli/import/local_catalogue';
import { chooseRasterStyle, fewDistinct, percentile, stretch2to98 } from '../../src/queries/default_style_raster';
import { styleForGeometry } from '../../src/queries/default_style_geometry';
import { countDamaged, cp1252Fixes } from '../../src/cli/import/vector_text';
import { geometryKind } from '../../src/cli/import/vector_inspect';
import { chooseZoomRange, type ZoomInput } from '../../src/cli/import/zoom';
import { validateLayer } from '../../src/catalogue/validate';
import catalogue from '../../layers/catalogue.json';

const groupIds = catalogue.groups.map((group) => group.id);

describe('parseImportArgs', () => {
  it('should read the input, id, titles, group, folders and zooms', () => {
    const args = parseImportArgs(['in.geojson', '--id', 'my-fires', '--title-fr', 'Feux', '--title-en=Fires', '--group', 'fires',
      '--out-dir', 'out', '--layers-dir', 'lay', '--maxzoom', '9', '--minzoom=2']);
    expect(args).toEqual({ input: 'in.geojson', id: 'my-fires', titleFr: 'Feux', titleEn: 'Fires', group: 'fires',
      outDir: 'out', layersDir: 'lay', maxzoom: 9, minzoom: 2 });
  });

  it('should take the layers folder from GEOVEILLE_LAYERS_DIR when no option is given', () => {
    expect(parseImportArgs(['a.tif', '--id', 'a'], { GEOVEILLE_LAYERS_DIR: '/tmp/x' }).layersDir).toBe('/tmp/x');
    expect(parseImportArgs(['a.tif', '--id', 'a', '--layers-dir', 'y'], { GEOVEILLE_LAYERS_DIR: '/tmp/x' }).layersDir).toBe('y');
  });

  it.each([
    [['a.tif'], /--id is required/],
    [['--id', 'a'], /no input file/],
    [['a.tif', 'b.tif', '--id', 'a'], /expected one input file/],
    [['a.tif', '--id', 'Fires_1'], /invalid layer id "Fires_1"/],
    [['a.tif', '--id', '-a'], /invalid layer id/],
    [['a.tif', '--id'], /--id needs a value/],
    [['a.tif', '--id', 'a', '--colour', 'red'], /unknown option --colour/],
    [['a.tif', '--id', 'a', '--maxzoom', '23'], /--maxzoom must be a whole number/],
    [['a.tif', '--id', 'a', '--minzoom', '8', '--maxzoom', '5'], /--minzoom 8 is above --maxzoom 5/],
  ])('should refuse %j with a message saying what is wrong', (argv, message) => {
    expect(() => parseImportArgs(argv)).toThrow(ImportError);
    expect(() => parseImportArgs(argv)).toThrow(message);
  });
});

describe('detectFormat and titles', () => {
  it('should know vector and raster inputs by extension, zipped Shapefiles through /vsizip/', () => {
    expect(detectFormat('a/b.GeoJSON')?.kind).toBe('vector');
    expect(detectFormat('b.zip')?.vfs).toEqual(['vsizip']);
    expect(detectFormat('b.gml')?.openOptions).toContain('WRITE_GFS=NO');
    expect(detectFormat('b.tiff')?.kind).toBe('raster');
    expect(detectFormat('b.csv')).toBeUndefined();
    expect(detectFormat('noextension')).toBeUndefined();
  });

  it('should make a readable starter title from the file name', () => {
    expect(titleFromFileName('/x/mrnf_fires_by_decade_1880-2029.geojson')).toBe('Mrnf fires by decade 1880-2029');
  });
});

const shape = (over: Partial<ZoomInput>): ZoomInput => ({
  kind: 'polygon', featureCount: 10, vertexCount: 10_010, lengthDegrees: 10, bounds: [-80, 45, -58, 60], ...over,
});

describe('chooseZoomRange', () => {
  it('should go deeper for finer vertex spacing', () => {
    const coarse = chooseZoomRange(shape({ lengthDegrees: 200 })); // 0.02° per segment
    const fine = chooseZoomRange(shape({ lengthDegrees: 2 })); // 0.0002° per segment
    expect(fine.maxzoom).toBeGreaterThan(coarse.maxzoom);
    expect(coarse.maxzoom).toBeGreaterThanOrEqual(6);
    expect(fine.maxzoom).toBeLessThanOrEqual(14);
  });

  it('should keep a 4096-unit tile grid at maxzoom at most 1/32 of the mean segment', () => {
    const input = shape({ lengthDegrees: 60 }); // 0.006° per segment, like the MRC polygons
    const { maxzoom } = chooseZoomRange(input);
    const meanSegment = 60 / 10_000;
    expect(360 / 2 ** maxzoom / 4096).toBeLessThanOrEqual(meanSegment / 32);
    expect(360 / 2 ** (maxzoom - 1) / 4096).toBeGreaterThan(meanSegment / 32);
  });

  it('should give points at least zoom 10 and more when they are dense', () => {
    const sparse = chooseZoomRange(shape({ kind: 'point', featureCount: 200, vertexCount: 200, lengthDegrees: 0 }));
    const dense = chooseZoomRange(shape({ kind: 'point', featureCount: 2_000_000, vertexCount: 2_000_000, lengthDegrees: 0 }));
    expect(sparse.maxzoom).toBe(10);
    expect(dense.maxzoom).toBeGreaterThan(10);
  });

  it('should start at zoom 0 for a province and later for a town, never above 4', () => {
    expect(chooseZoomRange(shape({})).minzoom).toBe(0);
    const town = chooseZoomRange(shape({ bounds: [-73.6, 45.5, -73.5, 45.55] }));
    expect(town.minzoom).toBe(4);
  });

  it('should obey --minzoom/--maxzoom and never put minzoom above maxzoom', () => {
    expect(chooseZoomRange(shape({}), { maxzoom: 5, minzoom: 1 })).toEqual({ minzoom: 1, maxzoom: 5 });
    expect(chooseZoomRange(shape({ bounds: [-73.6, 45.5, -73.5, 45.55] }), { maxzoom: 2 })).toEqual({ minzoom: 2, maxzoom: 2 });
  });
});

describe('geometryKind and styles', () => {
  it('should map OGR geometry types to a style family', () => {
    expect(geometryKind('MultiPolygon')).toBe('polygon');
    expect(geometryKind('3D Multi Line String')).toBe('line');
    expect(geometryKind('Point')).toBe('point');
    expect(geometryKind('Unknown (any)')).toBe('mixed');
  });

  it('should draw polygons as fill + outline, lines as line, points as circle', () => {
    expect(styleForGeometry('polygon', '#123456').map((s) => s.type)).toEqual(['fill', 'line']);
    expect(styleForGeometry('line', '#123456').map((s) => s.type)).toEqual(['line']);
    expect(styleForGeometry('point', '#123456').map((s) => s.type)).toEqual(['circle']);
    const mixed = styleForGeometry('mixed', '#123456');
    expect(mixed.every((layer) => Array.isArray(layer.filter))).toBe(true);
  });
});

const basics: LayerBasics = {
  id: 'my-import', title: { fr: 'Mon import', en: 'My import' }, fileName: 'x.geojson', group: 'reference',
  url: 'data/local/my-import.pmtiles', today: '2024-05-01', bounds: [-74, 45, -71, 47],
};

describe('starter layer JSON', () => {
  it('should build a valid pmtiles-vector layer listing every attribute', () => {
    const layer = buildVectorLayer(basics, {
      sourceLayer: 'my-import', geometry: 'polygon', minzoom: 0, maxzoom: 9,
      fields: [{ name: 'SUP_HA', type: 'Real' }, { name: 'Periode', type: 'String' }, { name: 'date', type: 'DateTime' }],
    });
    expect(validateLayer(layer, 'layers/local/my-import.json', groupIds)).toEqual([]);
    expect(layer.source).toEqual({ kind: 'pmtiles-vector', url: 'data/local/my-import.pmtiles', sourceLayer: 'my-import' });
    expect(layer.fields?.map((f) => [f.name, f.label.fr, f.type])).toEqual([['SUP_HA', 'SUP_HA', 'number'], ['Periode', 'Periode', 'string'], ['date', 'date', 'date']]);
    expect(layer.attribution).toEqual({ organisation: { fr: 'À compléter', en: 'To be completed' }, licence: 'À compléter / To be completed', date: '2024-05-01' });
    expect(layer.legend.items[0]?.shape).toBe('fill');
  });

  it('should build a valid cog layer from the chosen rendering', () => {
    const style = chooseRasterStyle([{ type: 'Float32', noData: null, values: Float32Array.from({ length: 100 }, (_, i) => i) }]);
    const layer = buildRasterLayer({ ...basics, url: 'data/local/my-import.tif', group: 'lidar' }, style);
    expect(validateLayer(layer, 'layers/local/my-import.json', groupIds)).toEqual([]);
    expect(layer.source.kind).toBe('cog');
  });

  it('should guess the LiDAR group from usual product names, else forest', () => {
    expect(guessRasterGroup('mnt_lidar_21e.tif')).toBe('lidar');
    expect(guessRasterGroup('MHC_2019.tif')).toBe('lidar');
    expect(guessRasterGroup('qldm_stand_age_2020_2km.tif')).toBe('forest');
  });
});

describe('raster rendering choice', () => {
  it('should compute nearest-rank percentiles', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 2)).toBe(2);
    expect(percentile(sorted, 98)).toBe(98);
    expect(percentile(sorted, 100)).toBe(100);
  });

  it('should stretch from 2 % to 98 % and survive a constant raster', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i === 0 ? -9999 : i === 999 ? 1e6 : i));
    const [low, high] = stretch2to98(values);
    expect(low).toBeGreaterThan(0);
    expect(high).toBeLessThan(1000);
    expect(stretch2to98(Float64Array.from([5, 5, 5]))).toEqual([5, 6]);
  });

  it('should make a continuous ramp for one band, ignoring nodata', () => {
    const values = Int16Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? -1 : i));
    const { cog, legend } = chooseRasterStyle([{ type: 'Int16', noData: -1, values }]);
    expect(cog.mode).toBe('continuous');
    const ramp = cog.ramp ?? [];
    expect(ramp[0]?.[0]).toBeGreaterThan(0);
    expect(ramp.map(([value]) => value)).toEqual([...ramp.map(([value]) => value)].sort((a, b) => a - b));
    expect(legend.type).toBe('ramp');
  });

  it('should make classes for a few integer values, with colour-table colours when present', () => {
    const values = Uint8Array.from({ length: 300 }, (_, i) => i % 3);
    const plain = chooseRasterStyle([{ type: 'Byte', noData: 0, values }]);
    expect(plain.cog.mode).toBe('categorical');
    expect(Object.keys(plain.cog.categories ?? {})).toEqual(['1', '2']);
    const table: Array<[number, number, number, number]> = [[0, 0, 0, 0], [255, 0, 0, 255], [0, 128, 0, 255]];
    const coloured = chooseRasterStyle([{ type: 'Byte', noData: 0, colorTable: table, values }]);
    expect(coloured.cog.categories).toEqual({ 1: '#ff0000', 2: '#008000' });
    expect(fewDistinct(Float64Array.from({ length: 100 }, (_, i) => i), 16)).toBeUndefined();
  });

  it('should make an RGB composite with one stretch per band for 3 UInt16 bands', () => {
    const band = (offset: number) => ({ type: 'UInt16', noData: 0, values: Uint16Array.from({ length: 500 }, (_, i) => offset + i) });
    const { cog } = chooseRasterStyle([band(100), band(1000), band(5000)]);
    expect(cog.mode).toBe('rgb');
    expect(cog.bands).toEqual([1, 2, 3]);
    expect(cog.stretch?.map(([low]) => low)).toEqual([109, 1009, 5009]); // 10th of 500 values
  });
});

describe('text encoding', () => {
  it('should count values with U+FFFD', () => {
    expect(countDamaged(['Qu\uFFFDbec', 'Montréal', 'Jam\uFFFDsie'])).toBe(2);
  });

  it('should prefer CP1252 only when it removes every U+FFFD without UTF-8 mojibake', () => {
    expect(cp1252Fixes(['Rivi\uFFFDre'], ['Rivière'])).toBe(true);
    expect(cp1252Fixes(['Rivière'], ['RiviÃ¨re'])).toBe(false);
    expect(cp1252Fixes(['Rivi\uFFFDre', 'Montréal'], ['Rivière', 'MontrÃ©al'])).toBe(false);
  });
});

describe('local catalogue', () => {
  it('should add an id once, newest first', () => {
    expect(withLayerId({ layers: ['a'] }, 'b')).toEqual({ layers: ['b', 'a'] });
    expect(withLayerId({ layers: ['b', 'a'] }, 'a')).toEqual({ layers: ['b', 'a'] });
  });

  it('should write <id>.json and create or update catalogue.json', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-catalogue-'));
    const layer = buildVectorLayer(basics, { sourceLayer: 'my-import', geometry: 'point', minzoom: 0, maxzoom: 10, fields: [] });
    await saveLayer(dir, layer);
    await saveLayer(dir, layer);
    await saveLayer(dir, { ...layer, id: 'other' });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'catalogue.json'), 'utf8'))).toEqual({ layers: ['other', 'my-import'] });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'my-import.json'), 'utf8'))).toEqual(layer);
    await fs.writeFile(path.join(dir, 'catalogue.json'), '{"layers": 3}');
    await expect(saveLayer(dir, layer)).rejects.toThrow(/is not a catalogue/);
    await fs.rm(dir, { recursive: true });
  });
});
