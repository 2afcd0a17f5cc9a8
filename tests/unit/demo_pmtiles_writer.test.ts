// The demo PMTiles writer: archives it writes must read back with the official `pmtiles` reader.
import { describe, expect, it } from 'vitest';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, Point, Polygon } from 'geojson';
import { buildVectorArchive } from '../../src/cli/demo/vector_tiles';
import { Compression, writePmtiles } from '../../src/cli/demo/pmtiles_writer';
import { latToTileY, lonToTileX } from '../../src/cli/demo/tile_math';

/** A Source over an in-memory Buffer, like the library's FileSource but for Node. */
class BufferSource implements Source {
  constructor(private readonly buf: Buffer, private readonly key = 'memory') {}
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.buf.subarray(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) as ArrayBuffer };
  }
  getKey(): string {
    return this.key;
  }
}

function square(lon: number, lat: number, size: number, props: Record<string, unknown>): Feature<Polygon> {
  const ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]];
  return { type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [ring] } };
}

function point(lon: number, lat: number, props: Record<string, unknown>): Feature<Point> {
  return { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } };
}

describe('demo PMTiles writer', () => {
  const polygons = [square(-73, 46, 0.2, { classe: '0-20', code: 7 }), square(-72.5, 46.3, 0.1, { classe: '20-100', code: 8 })];
  const points = [point(-72.9, 46.1, { name: 'Alpha', rank: 1 }), point(-72.45, 46.35, { name: 'Bêta', rank: 3 })];
  const archive = buildVectorArchive(
    [
      { name: 'zones', features: { type: 'FeatureCollection', features: polygons } },
      { name: 'places', features: { type: 'FeatureCollection', features: points } },
    ],
    { name: 'test', description: 'a test archive', attribution: 'tests', minZoom: 0, maxZoom: 8 },
  );

  it('writes a header the pmtiles reader accepts, with bounds and zooms', async () => {
    const header = await new PMTiles(new BufferSource(archive)).getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(TileType.Mvt);
    expect(header.minZoom).toBe(0);
    expect(header.maxZoom).toBe(8);
    expect(header.minLon).toBeCloseTo(-73, 3);
    expect(header.maxLon).toBeCloseTo(-72.4, 3);
    expect(header.minLat).toBeCloseTo(46, 3);
    expect(header.maxLat).toBeCloseTo(46.4, 3);
    expect(header.numAddressedTiles).toBeGreaterThan(9);
  });

  it('stores vector_layers with field types in the metadata', async () => {
    const meta = (await new PMTiles(new BufferSource(archive)).getMetadata()) as {
      vector_layers: Array<{ id: string; fields: Record<string, string> }>;
    };
    expect(meta.vector_layers.map((l) => l.id)).toEqual(['zones', 'places']);
    expect(meta.vector_layers[0]!.fields).toEqual({ classe: 'String', code: 'Number' });
  });

  it('returns tiles whose features and attributes decode intact', async () => {
    const reader = new PMTiles(new BufferSource(archive));
    // z5 tile holding all four features (small polygons are dropped at z0 by simplification).
    const x = Math.floor(lonToTileX(-72.7, 5));
    const y = Math.floor(latToTileY(46.2, 5));
    const tile = await reader.getZxyAttempt(5, x, y);
    expect(tile).toBeDefined();
    const vt = new VectorTile(new PbfReader(new Uint8Array(tile!.data)));
    expect(vt.layers['zones']!.length).toBe(2);
    expect(vt.layers['places']!.length).toBe(2);
    const names = [0, 1].map((i) => vt.layers['places']!.feature(i).properties['name']).sort();
    expect(names).toEqual(['Alpha', 'Bêta']);
    const classes = [0, 1].map((i) => vt.layers['zones']!.feature(i).properties['classe']).sort();
    expect(classes).toEqual(['0-20', '20-100']);
    // At z8 the first square spans several tiles; a tile far from both features is absent.
    expect(await reader.getZxyAttempt(8, 0, 0)).toBeUndefined();
  });

  it('writes leaf directories when the root would not fit in 16 KiB, and deduplicates tiles', async () => {
    // 65 536 tiles, >10 000 distinct contents of varied lengths: a root directory of this cannot fit.
    const content = (x: number, y: number) => `t${(x * 7919 + y * 104729) % 20000}`;
    const tiles = [];
    for (let x = 0; x < 256; x++) for (let y = 0; y < 256; y++) tiles.push({ z: 8, x, y, data: Buffer.from(content(x, y)) });
    const big = writePmtiles(tiles, {
      tileType: TileType.Png, tileCompression: Compression.None, minZoom: 8, maxZoom: 8,
      bounds: [-180, -85, 180, 85], metadata: {},
    });
    const reader = new PMTiles(new BufferSource(big));
    const header = await reader.getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.numAddressedTiles).toBe(65536);
    const distinct = new Set(tiles.map((t) => t.data.toString())).size;
    expect(distinct).toBeGreaterThan(10000);
    expect(header.numTileContents).toBe(distinct);
    for (const [x, y] of [[0, 0], [255, 255], [64, 3], [5, 199], [200, 17]] as const) {
      const got = await reader.getZxyAttempt(8, x, y);
      expect(Buffer.from(got!.data).toString()).toBe(content(x, y));
    }
  });
});

