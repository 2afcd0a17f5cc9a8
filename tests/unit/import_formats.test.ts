// GeoPackage (projected, EPSG:32198) and KML inputs, written by gdal3.js from a small synthetic
// GeoJSON made here: the importer reprojects to the PMTiles driver's Web Mercator and keeps every feature.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PMTiles, TileType } from 'pmtiles';
import { startGdal } from '../../src/cli/import/gdal';
import { NodeFileSource } from '../../src/cli/import/node_file_source';
import { runImport } from '../../src/cli/import/run';

const LAKES = 5;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-formats-'));
  const lakes = {
    type: 'FeatureCollection',
    features: Array.from({ length: LAKES }, (_, i) => ({
      type: 'Feature',
      properties: { nom: `Lac Édouard ${i}`, profondeur: 3.5 * i },
      geometry: { type: 'Polygon', coordinates: [[[-72 + i * 0.1, 46], [-71.95 + i * 0.1, 46], [-71.95 + i * 0.1, 46.05], [-72 + i * 0.1, 46]]] },
    })),
  };
  await fs.writeFile(path.join(dir, 'lakes.geojson'), JSON.stringify(lakes));
  const { gdal } = await startGdal(dir);
  const source = (await gdal.open(path.join(dir, 'lakes.geojson'))).datasets[0];
  if (!source) throw new Error('gdal3.js could not open the synthetic GeoJSON');
  await gdal.ogr2ogr(source, ['-f', 'GPKG', '-t_srs', 'EPSG:32198', '-nln', 'lacs'], 'lakes');
  await gdal.ogr2ogr(source, ['-f', 'KML'], 'lakes');
  await gdal.close(source);
}, 60_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('import of other vector formats', () => {
  it('should reproject a Québec Lambert GeoPackage and keep its attributes', async () => {
    const report = await runImport({ input: path.join(dir, 'lakes.gpkg'), id: 'lakes-gpkg', outDir: path.join(dir, 'out'), layersDir: path.join(dir, 'layers') });
    expect(report.vector?.facts.layer).toBe('lacs');
    expect(report.vector?.facts.featureCount).toBe(LAKES);
    expect(report.layer.fields?.map((field) => [field.name, field.type])).toEqual([['nom', 'string'], ['profondeur', 'number']]);
    const header = await new PMTiles(new NodeFileSource(report.dataFile)).getHeader();
    expect(header.tileType).toBe(TileType.Mvt);
    // Degrees, not Lambert metres: the synthetic lakes span 72°W–71.55°W, 46°N–46.05°N.
    [header.minLon, header.minLat, header.maxLon, header.maxLat].forEach((value, i) =>
      expect(value).toBeCloseTo([-72, 46, -71.55, 46.05][i] as number, 3));
  }, 60_000);

  it('should read KML placemarks', async () => {
    const report = await runImport({ input: path.join(dir, 'lakes.kml'), id: 'lakes-kml', outDir: path.join(dir, 'out'), layersDir: path.join(dir, 'layers') });
    expect(report.vector?.facts.featureCount).toBe(LAKES);
    expect(report.vector?.facts.geometry).toBe('polygon');
    expect(report.layer.style.map((style) => style.type)).toEqual(['fill', 'line']);
  }, 60_000);
});
