// The demo street basemap: deterministic, in the Protomaps schema, drawing every street of the
// demo address index with a house at each address, and nothing of the demo town in the water of
// the embedded basemap (Natural Earth land).
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { PMTiles, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { placedDemoAddresses } from '../../src/cli/demo/addresses';
import { landPolygons, BASEMAP_BBOX } from '../../src/cli/demo/basemap';
import { makeValley } from '../../src/cli/demo/river';
import { DEFAULT_SEED } from '../../src/cli/demo/outputs';
import { buildStreetBasemap } from '../../src/cli/demo/street_basemap';
import { demoBuildings, demoRoads } from '../../src/cli/demo/street_features';
import { lonToTileX, latToTileY } from '../../src/cli/demo/tile_math';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const addresses = placedDemoAddresses(DEFAULT_SEED);
const valley = makeValley(DEFAULT_SEED);
const land = landPolygons(BASEMAP_BBOX).features;
const onLand = (p: number[]) => land.some((f) => booleanPointInPolygon(p, f as never));
const streetOf = (address: string) => address.replace(/^\d+, /, '');

function bufferSource(bytes: Buffer): Source {
  return {
    getKey: () => 'demo_streets.pmtiles',
    getBytes: async (offset, length) => ({ data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length) as ArrayBuffer }),
  };
}

let archive: Buffer;
beforeAll(() => {
  archive = buildStreetBasemap(DEFAULT_SEED);
});

describe('demo street basemap', () => {
  it('should be the same bytes for the same seed, and other houses for another seed', () => {
    expect(sha(buildStreetBasemap(DEFAULT_SEED))).toBe(sha(archive));
    const houses = (seed: number) => JSON.stringify(demoBuildings(makeValley(seed), seed).map((house) => house.geometry));
    expect(houses(DEFAULT_SEED + 1)).not.toBe(houses(DEFAULT_SEED));
  });

  it('should put every demo address, street and house on the embedded basemap\'s land', () => {
    expect(addresses.filter((a) => !onLand([a.lon, a.lat])).map((a) => a.address)).toEqual([]);
    const roadVertices = demoRoads(valley).flatMap((road) => road.geometry.coordinates);
    expect(roadVertices.filter((p) => !onLand(p)).length).toBe(0);
    const houseCorners = demoBuildings(valley, DEFAULT_SEED).flatMap((house) => house.geometry.coordinates[0]!);
    expect(houseCorners.filter((p) => !onLand(p)).length).toBe(0);
  });

  it('should draw a road for every street of the address index and a house on every address', () => {
    const roadNames = new Set(demoRoads(valley).map((road) => road.properties.name));
    expect([...new Set(addresses.map((a) => streetOf(a.address)))].filter((name) => !roadNames.has(name))).toEqual([]);
    const houses = demoBuildings(valley, DEFAULT_SEED);
    expect(houses.length).toBe(addresses.length);
    const missed = addresses.filter((a, i) => !booleanPointInPolygon([a.lon, a.lat], houses[i]!.geometry as never));
    expect(missed.map((a) => a.address)).toEqual([]);
  });

  it('should hold Protomaps-schema layers at street zoom at a demo address', async () => {
    const pmtiles = new PMTiles(bufferSource(archive));
    const header = await pmtiles.getHeader();
    expect([header.minZoom, header.maxZoom]).toEqual([0, 15]);
    const { lon, lat } = addresses.find((a) => a.address === '123, rue des Érables')!;
    const tile = await pmtiles.getZxy(15, Math.floor(lonToTileX(lon, 15)), Math.floor(latToTileY(lat, 15)));
    const layers = new VectorTile(new PbfReader(new Uint8Array(tile!.data))).layers; // the library gunzips
    expect(Object.keys(layers).sort()).toEqual(expect.arrayContaining(['buildings', 'earth', 'roads']));
    const roads = Array.from({ length: layers.roads!.length }, (_, i) => layers.roads!.feature(i).properties);
    expect(roads.map((p) => p.name)).toContain('rue des Érables');
    expect(roads.every((p) => p.kind === 'minor_road' || p.kind === 'major_road')).toBe(true);
    expect(layers.buildings!.feature(0).properties.kind).toBe('building');
    const metadata = (await pmtiles.getMetadata()) as { attribution?: string };
    expect(metadata.attribution).toMatch(/démonstration \(synthétique\)/);
  });
});
