import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { CogRendering } from '../../src/catalogue/types';
import { openCog, type Cog, type CogLevel } from '../../src/sources/cog/open';
import { blockRanges } from '../../src/sources/cog/blocks';
import { buildMesh, exactSourcePixel, meshBounds, meshLookup } from '../../src/sources/cog/mesh';
import { renderTile } from '../../src/sources/cog/render';
import { makeColourer } from '../../src/sources/cog/paint';
import { FileRangeSource } from '../../src/sources/file_source';
import { hasSharedData, sharedData } from './cog_helpers';
import { gdalInfo, gdalPixel, loadGdal } from './cog_gdal';
import { skipReason } from '../support/shared_data';

const SIZE = 256;

function tileOf(lon: number, lat: number, z: number): { x: number; y: number; px: number; py: number } {
  const world = SIZE * 2 ** z;
  const gx = ((lon + 180) / 360) * world;
  const sin = Math.sin((lat * Math.PI) / 180);
  const gy = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world;
  return { x: Math.floor(gx / SIZE), y: Math.floor(gy / SIZE), px: Math.floor(gx % SIZE), py: Math.floor(gy % SIZE) };
}

/** Full-res source pixels per tile pixel for the tile at z holding the point. */
function scaleAt(cog: Cog, lon: number, lat: number, z: number): number {
  const { x, y } = tileOf(lon, lat, z);
  const [minX, minY, maxX, maxY] = meshBounds(buildMesh(cog, z, x, y, SIZE));
  return Math.max(maxX - minX, maxY - minY) / SIZE;
}

const open = (rel: string) => openCog(new FileRangeSource(path.join(sharedData, rel)));

const speciesColours: Record<string, string> = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [String(i + 1), `#${(i * 25).toString(16).padStart(2, '0')}80${(250 - i * 20).toString(16).padStart(2, '0')}`]),
);

const cases: Array<[string, CogRendering]> = [
  ['quebec/forest/qldm_species_group_2020_2km.tif', { mode: 'categorical', categories: speciesColours }],
  ['quebec/forest/qldm_stand_age_2020_2km.tif', { mode: 'continuous', ramp: [[0, '#ffffcc'], [100, '#41b6c4'], [250, '#081d58']], resampling: 'nearest' }],
  ['quebec/imagery/landsat8_montreal_lac_saint_pierre_utm18.tif', { mode: 'rgb', stretch: [[7000, 12000], [7000, 12000], [7000, 12000]], resampling: 'nearest' }],
  ['fixtures/cog/mcp_kriging_3857.tif', { mode: 'continuous', ramp: [[0, '#0000ff'], [60, '#ff0000']], resampling: 'nearest' }],
  ['fixtures/cog/ol_elevation-i16.tif', { mode: 'continuous', ramp: [[-100, '#000000'], [3000, '#ffffff']], resampling: 'nearest' }],
  ['fixtures/cog/ol_sentinel-b04.tif', { mode: 'continuous', ramp: [[0, '#000000'], [6000, '#ffffff']], resampling: 'nearest' }],
];

describe.skipIf(!hasSharedData)('renderTile on ../shared/data', () => {
  if (!hasSharedData) it.skip(skipReason(), () => undefined);

  it('keeps the mesh error under half a tile pixel (Québec Lambert, low zoom)', async () => {
    const cog = await open('quebec/forest/qldm_stand_age_2020_2km.tif');
    for (const [z, lon, lat] of [[3, -72, 48], [5, -70, 50], [7, -75, 46]] as const) {
      const { x, y } = tileOf(lon, lat, z);
      const mesh = buildMesh(cog, z, x, y, SIZE);
      const scale = scaleAt(cog, lon, lat, z);
      const approx = new Float64Array(2);
      let worst = 0;
      for (let py = 0; py < SIZE; py += 5) {
        for (let px = 0; px < SIZE; px += 5) {
          meshLookup(mesh, px + 0.5, py + 0.5, approx);
          const [ex, ey] = exactSourcePixel(cog, z, x, y, SIZE, px + 0.5, py + 0.5);
          worst = Math.max(worst, Math.hypot((approx[0] as number) - ex, (approx[1] as number) - ey) / scale);
        }
      }
      expect(worst, `z${z}`).toBeLessThan(0.5);
    }
  });

  it.each(cases)('%s: rendered colours = colour table applied to GDAL values', async (rel, rendering) => {
    const gdal = await loadGdal();
    const file = path.join(sharedData, rel);
    const ds = (await gdal.open(file)).datasets[0];
    if (!ds) throw new Error(`GDAL could not open ${file}`);
    const type = (await gdalInfo(gdal, ds)).bands[0]?.type ?? '';
    const cog = await open(rel);
    const colour = makeColourer(rendering, cog.dtype);
    let opaque = 0;
    for (const [fx, fy] of [[0.5, 0.5], [0.3, 0.6], [0.7, 0.35], [0.45, 0.8], [0.62, 0.52]]) {
      const col = Math.floor(cog.width * (fx as number)), row = Math.floor(cog.height * (fy as number));
      const { originX, originY, resX, resY } = cog.georef;
      const [lon, lat] = cog.proj.inverse([originX + (col + 0.5) * resX, originY - (row + 0.5) * resY]) as [number, number];
      let z = 0;
      while (scaleAt(cog, lon, lat, z) > 0.5) z++;
      const { x, y, px, py } = tileOf(lon, lat, z);
      const rgba = await renderTile(cog, rendering, z, x, y, SIZE);
      const got = Array.from(rgba.subarray((py * SIZE + px) * 4, (py * SIZE + px) * 4 + 4));
      const values = await gdalPixel(gdal, ds, col, row, type, cog.bands);
      const expected = new Uint8ClampedArray(4);
      const bands = rendering.mode === 'rgb' ? values : values.slice(0, 1);
      if (bands.every((v) => v !== null && v !== cog.nodata)) colour(bands as number[], expected, 0);
      expect(got, `${rel} pixel ${col},${row} (GDAL ${values.join(',')}) at z${z}`).toEqual(Array.from(expected));
      if (expected[3] !== 0) opaque++;
    }
    expect(opaque).toBeGreaterThan(0);
    await gdal.close(ds);
    await cog.close();
  });

  it('draws transparent outside the raster and only reads what the tile needs', async () => {
    const cog = await open('quebec/imagery/landsat8_outaouais_utm18.tif');
    const before = cog.bytes.stats.requests;
    const empty = await renderTile(cog, { mode: 'rgb', stretch: [[7000, 12000]] }, 6, 0, 0);
    expect(empty.every((v) => v === 0)).toBe(true);
    expect(cog.bytes.stats.requests).toBe(before);
    const { x, y } = tileOf(-74.5, 46, 7);
    const tile = await renderTile(cog, { mode: 'rgb', stretch: [[7000, 12000]] }, 7, x, y);
    expect(tile.some((v, i) => i % 4 === 3 && v === 255)).toBe(true);
    // z7 is ~850 m/px on the ground here: an overview is read, never the full-resolution tiles
    const full = cog.levels[0] as CogLevel;
    const fullBytes = blockRanges(full.image, [0, 0, full.width, full.height]).reduce((sum, r) => sum + r.length, 0);
    expect(cog.bytes.stats.bytes - 65536).toBeLessThan(fullBytes / 2);
  });
});
