// Every demo layer file points at a generated file, its legend matches its style, its archive
// opens with the pmtiles reader, and each manifest sample lies in a feature with the expected value.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { LayerDefinition } from '../../src/catalogue/types';
import { isComplete } from '../../src/cli/demo/outputs';
import { openCog } from '../../src/sources/cog/open';
import { cogInfo } from '../../src/sources/cog/info';
import { FileRangeSource } from '../../src/sources/file_source';
import { dataDir, ensureDemoData, readGeoJson, repoRoot } from './demo_fixture';

class FileBufferSource implements Source {
  private readonly buf: Buffer;
  constructor(private readonly file: string) {
    this.buf = readFileSync(file);
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const s = this.buf.subarray(offset, offset + length);
    return { data: s.buffer.slice(s.byteOffset, s.byteOffset + s.byteLength) as ArrayBuffer };
  }
  getKey(): string {
    return this.file;
  }
}

const layers: LayerDefinition[] = readdirSync(path.join(repoRoot, 'layers'))
  .filter((f) => f.endsWith('.json') && f !== 'catalogue.json')
  .map((f) => JSON.parse(readFileSync(path.join(repoRoot, 'layers', f), 'utf8')) as LayerDefinition)
  .filter((def) => def.synthetic === true);
const localPath = (def: LayerDefinition) => path.join(repoRoot, 'public', def.source.url);

beforeAll(() => ensureDemoData(), 600_000);

describe('demo layers and generated data', () => {
  it('has at least 10 synthetic layers across the 5 groups', () => {
    expect(layers.length).toBeGreaterThanOrEqual(10);
    expect(new Set(layers.map((l) => l.group))).toEqual(new Set(['fires', 'forest', 'lidar', 'floods', 'reference']));
  });

  it('finds the file of every layer source after generation, and data:ensure would skip', () => {
    expect(layers.filter((def) => !existsSync(localPath(def))).map((d) => d.source.url)).toEqual([]);
    expect(isComplete(dataDir)).toBe(true);
  });

  it('says "demonstration data (synthetic)" in both languages', () => {
    for (const def of layers) {
      expect(def.description.fr, def.id).toContain('Données de démonstration (synthétiques)');
      expect(def.description.en, def.id).toContain('Demonstration data (synthetic)');
    }
  });

  it('draws every legend colour in the style (the ramp or category table of COG layers)', () => {
    for (const def of layers) {
      const colours = def.legend.items.map((i) => i.color.toLowerCase());
      const cog = def.source.cog;
      if (cog?.mode === 'continuous') expect(colours, def.id).toEqual(cog.ramp!.map(([, c]) => c.toLowerCase()));
      if (cog?.mode === 'categorical') expect(colours, def.id).toEqual(Object.values(cog.categories!).map((c) => c.toLowerCase()));
      if (def.source.kind !== 'pmtiles-vector') continue;
      const style = JSON.stringify(def.style).toLowerCase();
      expect(colours.filter((c) => !style.includes(`"${c}"`)), def.id).toEqual([]);
    }
  });

  it('writes cloud optimized GeoTIFFs in MTM zone 8 with 2 m pixels, overviews and the layer bounds', async () => {
    // A series layer (the flood extents) has one COG per date, each checked like a layer.
    const cogFiles = layers
      .filter((def) => def.source.kind === 'cog')
      .flatMap((def) => [def.source.url, ...(def.source.series ?? []).map((entry) => entry.url)]
        .filter((url, index, urls) => urls.indexOf(url) === index)
        .map((url) => ({ ...def, id: `${def.id} ${url}`, source: { ...def.source, url } })));
    expect(cogFiles.length).toBeGreaterThanOrEqual(8);
    for (const def of cogFiles) {
      const cog = await openCog(new FileRangeSource(localPath(def)));
      const info = cogInfo(cog);
      expect(info.crs, def.id).toBe('EPSG:32188');
      expect([cog.georef.resX, cog.georef.resY], def.id).toEqual([2, 2]);
      expect(info.overviews.length, def.id).toBeGreaterThanOrEqual(2);
      expect(info.dtype, def.id).toBe(def.source.cog?.mode === 'categorical' ? 'uint8' : 'float32');
      expect(info.nodata, def.id).toBe(def.source.cog?.mode === 'categorical' ? 255 : -9999);
      expect((cog.levels[0]!.image.getTileWidth()), def.id).toBe(256);
      info.bounds4326.forEach((v, i) => expect(Math.abs(v - def.bounds![i]!), `${def.id} bounds[${i}]`).toBeLessThan(2e-4));
      await cog.close();
    }
  });

  it('writes archives whose header and metadata match the layer file', async () => {
    for (const def of layers.filter((l) => l.source.kind !== 'cog')) {
      const reader = new PMTiles(new FileBufferSource(localPath(def)));
      const header = await reader.getHeader();
      if (def.source.kind === 'pmtiles-raster') {
        expect(header.tileType, def.id).toBe(TileType.Png);
        continue;
      }
      expect(header.tileType, def.id).toBe(TileType.Mvt);
      const meta = (await reader.getMetadata()) as { vector_layers: Array<{ id: string }> };
      expect(meta.vector_layers.map((l) => l.id), def.id).toContain(def.source.sourceLayer);
      const [w, s, e, n] = def.bounds!;
      expect(header.minLon).toBeLessThanOrEqual(w + 1e-3);
      expect(header.maxLat).toBeGreaterThanOrEqual(n - 1e-3);
      expect(header.maxLon).toBeGreaterThanOrEqual(e - 1e-3);
      expect(header.minLat).toBeLessThanOrEqual(s + 1e-3);
    }
  });

  it('places every manifest sample inside a feature of its layer with the expected value', () => {
    const manifest = JSON.parse(readFileSync(path.join(dataDir, 'demo-manifest.json'), 'utf8')) as {
      samples: Array<{ layer: string; lon: number; lat: number; expect: Record<string, unknown> }>;
    };
    expect(manifest.samples.length).toBeGreaterThan(10);
    for (const sample of manifest.samples) {
      const def = layers.find((l) => l.id === sample.layer);
      expect(def, sample.layer).toBeDefined();
      const fc = readGeoJson(path.basename(def!.source.url).replace(/\.pmtiles$/, '.geojson'));
      const [field, value] = Object.entries(sample.expect)[0]!;
      const hits = fc.features.filter((f) => f.geometry.type !== 'LineString' && booleanPointInPolygon([sample.lon, sample.lat], f as Feature<Polygon>));
      expect(hits.map((f) => f.properties?.[field]), `${sample.layer} at ${sample.lon},${sample.lat}`).toContain(value);
      expect(new Set(hits.map((f) => f.properties?.[field])).size, `${sample.layer}: one class only`).toBe(1);
    }
  });
});
