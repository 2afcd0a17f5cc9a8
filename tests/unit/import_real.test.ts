// `npm run import` on the real Québec files of ../shared/data: the PMTiles and COG outputs open with
// the libraries the app uses (pmtiles, geotiff.js), keep every feature and attribute, every pixel,
// and come with a starter layer JSON that passes the catalogue validator.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { VectorTile } from '@mapbox/vector-tile';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { fromFile, type GeoTIFFImage } from 'geotiff';
import { PbfReader } from 'pbf';
import { PMTiles, TileType, type Header } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import { validateLayer } from '../../src/catalogue/validate';
import { startGdal } from '../../src/cli/import/gdal';
import { runImport, type ImportReport } from '../../src/cli/import/run';
import { NodeFileSource } from '../../src/cli/import/node_file_source';
import catalogue from '../../layers/catalogue.json';
import { hasSharedFiles, noteSkipped, sharedPath, REPO_ROOT as repoRoot } from '../support/shared_data';

const quebec = sharedPath('quebec');
const hasData = hasSharedFiles('quebec');
noteSkipped('import_real.test.ts', hasData, 'quebec');

const groupIds = catalogue.groups.map((group) => group.id);
const timings: Array<[string, number]> = [];
let dir: string;
let outDir: string;
let layersDir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-real-'));
  outDir = path.join(dir, 'out');
  layersDir = path.join(dir, 'layers');
});

afterAll(async () => {
  if (timings.length) console.log(`import timings:\n${timings.map(([name, s]) => `  ${name}: ${s.toFixed(1)} s`).join('\n')}`);
  await fs.rm(dir, { recursive: true, force: true });
});

/** Checks the starter layer JSON an import wrote: valid for the catalogue, registered once. */
async function readLayer(id: string): Promise<LayerDefinition> {
  const layer = JSON.parse(await fs.readFile(path.join(layersDir, `${id}.json`), 'utf8')) as LayerDefinition;
  expect(validateLayer(layer, `layers/local/${id}.json`, groupIds)).toEqual([]);
  const local = JSON.parse(await fs.readFile(path.join(layersDir, 'catalogue.json'), 'utf8')) as { layers: string[] };
  expect(local.layers.filter((other) => other === id)).toEqual([id]);
  return layer;
}

/** Runs `npm run import` as a user would (a child process); returns its stdout. */
async function importWithCli(relative: string, id: string): Promise<string> {
  const started = performance.now();
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const { stdout, stderr } = await promisify(execFile)(tsx, [path.join(repoRoot, 'src/cli/import/main.ts'), path.join(quebec, relative), '--id', id, '--out-dir', outDir], {
    cwd: repoRoot,
    env: { ...process.env, GEOVEILLE_LAYERS_DIR: layersDir },
  });
  timings.push([`${relative} (CLI process)`, (performance.now() - started) / 1000]);
  expect(stderr).toBe('');
  return stdout;
}

/** Runs the same import in this process: GDAL's 2 s start-up is paid once for the whole file. */
async function importFile(relative: string, id: string): Promise<{ layer: LayerDefinition; report: ImportReport }> {
  const report = await runImport({ input: path.join(quebec, relative), id, outDir, layersDir });
  timings.push([relative, report.seconds]);
  return { layer: await readLayer(id), report };
}

interface DecodedTiles {
  header: Header;
  /** feature id attribute → properties (without the id), from every tile at maxzoom. */
  features: Map<number, Record<string, unknown>>;
}

const lonToX = (lon: number, z: number): number => Math.floor(((lon + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number): number => {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
};

async function decodeMaxZoom(file: string, sourceLayer: string): Promise<DecodedTiles> {
  const archive = new PMTiles(new NodeFileSource(file));
  const header = await archive.getHeader();
  const z = header.maxZoom;
  const features = new Map<number, Record<string, unknown>>();
  for (let x = lonToX(header.minLon, z); x <= lonToX(header.maxLon, z); x++) {
    for (let y = latToY(header.maxLat, z); y <= latToY(header.minLat, z); y++) {
      const tile = await archive.getZxy(z, x, y);
      if (!tile) continue;
      const layer = new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers[sourceLayer];
      for (let i = 0; i < (layer?.length ?? 0); i++) {
        const { gv_id: id, ...properties } = (layer as NonNullable<typeof layer>).feature(i).properties;
        features.set(Number(id), properties);
      }
    }
  }
  return { header, features };
}

function expectBoundsClose(header: Header, expected: number[], tolerance = 0.01): void {
  const actual = [header.minLon, header.minLat, header.maxLon, header.maxLat];
  actual.forEach((value, i) => expect(Math.abs(value - (expected[i] as number))).toBeLessThan(tolerance));
}

async function checkVector(layer: LayerDefinition, id: string): Promise<DecodedTiles> {
  expect(layer.source.kind).toBe('pmtiles-vector');
  expect(layer.source.url).toBe(`data/local/${id}.pmtiles`);
  const decoded = await decodeMaxZoom(path.join(outDir, `${id}.pmtiles`), layer.source.sourceLayer as string);
  expect(decoded.header.tileType).toBe(TileType.Mvt);
  expect(decoded.header.minZoom).toBe(layer.minzoom);
  expect(decoded.header.minZoom).toBeLessThanOrEqual(4);
  expect(decoded.header.maxZoom).toBeGreaterThanOrEqual(6);
  expect(decoded.header.maxZoom).toBeLessThanOrEqual(14);
  expectBoundsClose(decoded.header, layer.bounds as number[], 1e-5);
  return decoded;
}

async function readGeoJson(relative: string): Promise<FeatureCollection> {
  return JSON.parse(await fs.readFile(path.join(quebec, relative), 'utf8')) as FeatureCollection;
}

/** Input properties as the PMTiles keep them: nulls are not stored, and GDAL writes the date-times
 * it recognised ("2019/04/14 18:00:00") in ISO 8601 ("2019-04-14T18:00:00"), which browsers parse. */
const asStored = (properties: Record<string, unknown> | null): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(properties ?? {})
      .filter(([, value]) => value !== null)
      .map(([key, value]) => {
        const date = typeof value === 'string' ? /^(\d{4})\/(\d\d)\/(\d\d) (\d\d:\d\d:\d\d)$/.exec(value) : null;
        return [key, date ? `${date[1]}-${date[2]}-${date[3]}T${date[4]}` : value];
      }),
  );

describe.skipIf(!hasData)('npm run import on real Québec files', () => {
  it('should keep the 221 MSP flood observations and all their attributes', async () => {
    const file = 'floods/msp_flood_observations_2019.geojson';
    const stdout = await importWithCli(file, 'imported-msp-observations');
    expect(stdout).toMatch(/^Imported imported-msp-observations in [\d.]+ s/);
    expect(stdout).toContain('221 features, point');
    const layer = await readLayer('imported-msp-observations');
    const input = await readGeoJson(file);
    const { header, features } = await checkVector(layer, 'imported-msp-observations');
    expect(layer.style.map((s) => s.type)).toEqual(['circle']);
    expect(header.maxZoom).toBeGreaterThanOrEqual(10);
    expectBoundsClose(header, bbox(input));
    expect(features.size).toBe(input.features.length);
    expect(features.size).toBe(221);
    for (const [id, properties] of features) expect(properties).toEqual(asStored(input.features[id]?.properties ?? null));
    const severities = new Set([...features.values()].map((p) => p.severite));
    expect([...severities].every((s) => ['Mineure', 'Modérée', 'Importante', 'Extrême'].includes(String(s)))).toBe(true);
    expect(layer.fields?.map((f) => f.name)).toEqual(Object.keys(input.features[0]?.properties ?? {}));
  }, 90_000);

  it('should repair the invalid fire perimeters and keep the 21 multipolygons', async () => {
    const file = 'fires/mrnf_fires_by_decade_1880-2029.geojson';
    const { layer, report } = await importFile(file, 'imported-fires-by-decade');
    expect(report.vector?.repaired).toBe(21); // every decade's multipolygon self-intersects
    const input = await readGeoJson(file);
    const { header, features } = await checkVector(layer, 'imported-fires-by-decade');
    expect(layer.style.map((s) => s.type)).toEqual(['fill', 'line']);
    expectBoundsClose(header, bbox(input));
    expect(features.size).toBe(21);
    expect(features.size).toBe(input.features.length);
    for (const [id, properties] of features) expect(properties).toEqual(asStored(input.features[id]?.properties ?? null));
    expect([...features.values()].map((p) => p.Periode)).toContain('1880-1889');
  }, 300_000);

  it('should keep the 137 MRC and their damaged accents (U+FFFD) exactly as in the GML', async () => {
    const file = 'boundaries/mrc_polygons_v2017-08.gml';
    const { layer, report } = await importFile(file, 'imported-mrc');
    expect(report.vector?.damagedTexts).toBeGreaterThan(0);
    expect(report.vector?.encoding).toBeUndefined();
    const gml = await fs.readFile(path.join(quebec, file), 'utf8');
    const namesByFid = new Map(
      gml.split('<gml:featureMember>').slice(1).map((chunk) => [
        /fid="([^"]+)"/.exec(chunk)?.[1], /<ogr:MRS_NM_MRC>([^<]*)<\/ogr:MRS_NM_MRC>/.exec(chunk)?.[1],
      ]),
    );
    const box = [...gml.matchAll(/<gml:X>([^<]+)<\/gml:X><gml:Y>([^<]+)<\/gml:Y>/g)].slice(0, 2).map((m) => [Number(m[1]), Number(m[2])]);
    const { header, features } = await checkVector(layer, 'imported-mrc');
    expectBoundsClose(header, [box[0]?.[0], box[0]?.[1], box[1]?.[0], box[1]?.[1]] as number[]);
    expect(features.size).toBe(137);
    expect(features.size).toBe(namesByFid.size);
    for (const properties of features.values()) expect(properties.MRS_NM_MRC).toBe(namesByFid.get(String(properties.fid)));
    expect([...features.values()].some((p) => String(p.MRS_NM_MRC).includes('\uFFFD'))).toBe(true);
  }, 240_000);

  it('should read the zipped Shapefile through /vsizip/ with its Latin-1 text', async () => {
    const file = 'boundaries/lac_saint_jean_watershed_shp.zip';
    const { layer, report } = await importFile(file, 'imported-lac-saint-jean');
    expect(report.vector?.encoding).toBe('CP1252');
    const { header, features } = await checkVector(layer, 'imported-lac-saint-jean');
    const session = await startGdal(outDir);
    const opened = await session.gdal.open(path.join(quebec, file), [], ['vsizip']);
    const info = (await session.gdal.ogrinfo(opened.datasets[0]!, ['-so', '-al'])) as { layers: Array<{ geometryFields: Array<{ extent: number[] }> }> };
    expectBoundsClose(header, info.layers[0]?.geometryFields[0]?.extent ?? []);
    expect(features.size).toBe(1);
    expect(features.get(0)).toMatchObject({ NOM: 'Rivière aux Rats', SUPERFICIE: 2489.88211 });
  }, 90_000);

  async function compareCog(relative: string, id: string): Promise<{ layer: LayerDefinition; output: GeoTIFFImage }> {
    const { layer } = await importFile(relative, id);
    expect(layer.source).toMatchObject({ kind: 'cog', url: `data/local/${id}.tif` });
    const inputTiff = await fromFile(path.join(quebec, relative));
    const outputTiff = await fromFile(path.join(outDir, `${id}.tif`));
    const input = await inputTiff.getImage(0);
    const output = await outputTiff.getImage(0);
    expect(output.isTiled).toBe(true);
    expect([256, 512]).toContain(output.getTileWidth());
    expect(await outputTiff.getImageCount()).toBeGreaterThan(1);
    expect([output.getWidth(), output.getHeight(), output.getSamplesPerPixel()]).toEqual([input.getWidth(), input.getHeight(), input.getSamplesPerPixel()]);
    expect([output.getBitsPerSample(), output.getSampleFormat()]).toEqual([input.getBitsPerSample(), input.getSampleFormat()]);
    expect(output.getGDALNoData()).toBe(input.getGDALNoData());
    expect(output.getOrigin()).toEqual(input.getOrigin());
    expect(output.getResolution()).toEqual(input.getResolution());
    expect(output.getGeoKeys()?.ProjectedCSTypeGeoKey).toBe(input.getGeoKeys()?.ProjectedCSTypeGeoKey);
    expect(output.fileDirectory.getValue('Compression')).toBe(input.fileDirectory.getValue('Compression'));
    const [inPixels, outPixels] = await Promise.all([input.readRasters({ interleave: true }), output.readRasters({ interleave: true })]);
    expect(outPixels.constructor).toBe(inPixels.constructor);
    for (const i of [0, 1234, Math.floor(inPixels.length / 2), inPixels.length - 1]) expect(outPixels[i]).toBe(inPixels[i]);
    expect(Buffer.from(outPixels.buffer).equals(Buffer.from(inPixels.buffer))).toBe(true);
    const w = layer.bounds as number[];
    expect(w[0]).toBeLessThan(w[2] as number);
    return { layer, output };
  }

  it('should turn the Landsat UTM 18N mosaic into an RGB COG with the same pixels', async () => {
    const { layer } = await compareCog('imagery/landsat8_montreal_lac_saint_pierre_utm18.tif', 'imported-landsat-montreal');
    expect(layer.source.cog?.mode).toBe('rgb');
    for (const [low, high] of layer.source.cog?.stretch ?? []) expect(low).toBeLessThan(high);
    expectBoundsClose({ minLon: layer.bounds?.[0], minLat: layer.bounds?.[1], maxLon: layer.bounds?.[2], maxLat: layer.bounds?.[3] } as Header, [-74.4, 44.93, -71.34, 47.1], 0.05);
  }, 60_000);

  it('should turn the QLDM stand age grid (Québec Lambert, Int16, nodata -1) into a continuous COG', async () => {
    const { layer } = await compareCog('forest/qldm_stand_age_2020_2km.tif', 'imported-stand-age');
    expect(layer.group).toBe('forest');
    expect(layer.source.cog?.mode).toBe('continuous');
    const ramp = layer.source.cog?.ramp ?? [];
    expect(ramp[0]?.[0]).toBeGreaterThanOrEqual(0); // nodata -1 left out of the 2 % stretch
    expect(ramp[ramp.length - 1]?.[0]).toBeGreaterThan(ramp[0]?.[0] ?? 0);
  }, 60_000);

  it('should turn the QLDM species groups (UInt8 codes 1–10) into a categorical COG without mixing classes', async () => {
    const { layer, output } = await compareCog('forest/qldm_species_group_2020_2km.tif', 'imported-species-group');
    expect(layer.source.cog?.mode).toBe('categorical');
    expect(Object.keys(layer.source.cog?.categories ?? {})).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(new Set(Object.values(layer.source.cog?.categories ?? {})).size).toBe(10);
    // Nearest overviews copy one of the pixels they cover; averaging codes would invent others (2 and 8 → 5).
    const tiff = await fromFile(path.join(outDir, 'imported-species-group.tif'));
    const overview = await tiff.getImage(1);
    const full = (await output.readRasters({ interleave: true })) as Uint8Array;
    const small = (await overview.readRasters({ interleave: true })) as Uint8Array;
    const [fx, fy] = [output.getWidth() / overview.getWidth(), output.getHeight() / overview.getHeight()];
    let mismatches = 0;
    for (let oy = 0; oy < overview.getHeight(); oy++) {
      for (let ox = 0; ox < overview.getWidth(); ox++) {
        const covered: number[] = [];
        for (let y = Math.floor(oy * fy); y < Math.min(output.getHeight(), Math.ceil((oy + 1) * fy)); y++) {
          for (let x = Math.floor(ox * fx); x < Math.min(output.getWidth(), Math.ceil((ox + 1) * fx)); x++) covered.push(full[y * output.getWidth() + x] as number);
        }
        if (!covered.includes(small[oy * overview.getWidth() + ox] as number)) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    expect(output.getWidth()).toBe(676);
  }, 60_000);
});
