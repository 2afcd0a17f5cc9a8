// Offline areas without a browser: the planned byte ranges of the demo PMTiles and COG files,
// stored in an in-memory blob store, are enough for the app's own readers to draw every tile
// of the area and identify a pixel with NO other read; reads outside the area find nothing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PMTiles, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { AreaStore } from '../../src/offline/area_store';
import { MemoryBlobStore } from '../../src/offline/blob_store';
import { planCog } from '../../src/offline/cog_plan';
import { OfflineDownload } from '../../src/offline/download';
import { planPmtiles } from '../../src/offline/pmtiles_plan';
import { planBytes, type RangeReader } from '../../src/offline/plan_types';
import { coverRange, joinRanges } from '../../src/offline/ranges';
import { tilesOf, type Bbox } from '../../src/offline/tiles';
import { FileRangeSource } from '../../src/sources/file_source';
import { openCog } from '../../src/sources/cog/open';
import { identify } from '../../src/sources/cog/identify';
import { renderTile } from '../../src/sources/cog/render';
import type { RangeSource } from '../../src/sources/source';

const DATA = path.resolve(import.meta.dirname, '../../public/data');
const hasDemo = existsSync(path.join(DATA, 'zones_inondables.pmtiles')) && existsSync(path.join(DATA, 'lidar_mnt.tif'));
const AREA: Bbox = [-72.59, 46.34, -72.53, 46.38];

function fileReader(file: string): { read: RangeReader; count: () => number } {
  const source = new FileRangeSource(file);
  let reads = 0;
  return {
    count: () => reads,
    read: async (offset, length) => {
      reads++;
      const { data, fileSize } = await source.getBytes(offset, length);
      return { data, fileSize, etag: null };
    },
  };
}

/** A source that reads only the offline store and fails on any byte it lacks. */
function storeOnly(store: AreaStore, key: string): RangeSource & Source {
  return {
    getKey: () => key,
    getBytes: async (offset: number, length: number) => {
      const answer = await store.read(key, offset, length);
      if (!answer) throw new Error(`missing offline bytes ${offset}+${length}`);
      return { data: answer.data, fileSize: answer.fileSize };
    },
  };
}

async function saveArea(key: string, file: string, plan: (read: RangeReader) => ReturnType<typeof planPmtiles>) {
  const { read } = fileReader(file);
  const filePlan = await plan(read);
  const store = new AreaStore(new MemoryBlobStore());
  const record = await new OfflineDownload(() => read, () => undefined).run({ id: 'a', name: 'test', bbox: AREA, minZoom: 10, maxZoom: 16, layers: [] }, [{ ...filePlan, url: key }], store);
  return { store, record, estimate: planBytes(filePlan) };
}

describe('byte ranges', () => {
  it('should join neighbours within the gap and cover a request across two stored ranges', () => {
    expect(joinRanges([{ offset: 100, length: 10 }, { offset: 0, length: 10 }, { offset: 15, length: 5 }], 5)).toEqual([{ offset: 0, length: 20 }, { offset: 100, length: 10 }]);
    const stored = [{ offset: 0, length: 10, at: 0 }, { offset: 10, length: 10, at: 50 }];
    expect(coverRange(stored, 5, 15)).toEqual([{ source: stored[0], from: 5, to: 10 }, { source: stored[1], from: 50, to: 55 }]);
    expect(coverRange(stored, 15, 25)).toBeNull();
  });
});

describe.skipIf(!hasDemo)('offline copies of the demo files (needs public/data: npm run data:demo)', () => {
  it('should serve every PMTiles tile of the area from the store, the size known before downloading', async () => {
    const file = path.join(DATA, 'zones_inondables.pmtiles');
    const key = 'https://example.test/zones.pmtiles';
    const { store, record, estimate } = await saveArea(key, file, (read) => planPmtiles(key, read, AREA, 10, 16));
    expect(record.bytes).toBe(estimate);
    const original = new PMTiles(new FileRangeSource(file) as unknown as Source);
    const offline = new PMTiles(storeOnly(store, key));
    const header = await offline.getHeader();
    let compared = 0;
    for (const [z, x, y] of tilesOf(AREA, 10, Math.min(16, header.maxZoom))) {
      const want = await original.getZxy(z, x, y);
      const got = await offline.getZxy(z, x, y);
      expect(got?.data.byteLength).toBe(want?.data.byteLength);
      if (want) compared++;
    }
    expect(compared).toBeGreaterThan(3);
    // a tile of the archive outside the area is not stored
    const inArea = new Set([...tilesOf(AREA, header.maxZoom, header.maxZoom)].map((t) => t.join('/')));
    const bounds: Bbox = [header.minLon, header.minLat, header.maxLon, header.maxLat];
    let outside: [number, number, number] | undefined;
    for (const tile of tilesOf(bounds, header.maxZoom, header.maxZoom)) {
      if (!inArea.has(tile.join('/')) && (await original.getZxy(...tile))) { outside = tile; break; }
    }
    expect(outside).toBeDefined();
    await expect(offline.getZxy(...outside!)).rejects.toThrow(/missing offline bytes/);
  });

  it('should draw a COG map tile and identify a pixel of the area from the store alone', async () => {
    const file = path.join(DATA, 'lidar_mnt.tif');
    const key = 'https://example.test/mnt.tif';
    const rendering = { mode: 'continuous' as const, ramp: [[0, '#000000'], [300, '#ffffff']] as Array<[number, string]> };
    const { store, record, estimate } = await saveArea(key, file, (read) => planCog(key, read, rendering, AREA, 10, 16));
    expect(record.bytes).toBe(estimate);
    const original = await openCog(new FileRangeSource(file));
    const offline = await openCog(storeOnly(store, key));
    const [lon, lat] = [-72.566, 46.368];
    expect(await identify(offline, lon, lat)).toEqual(await identify(original, lon, lat));
    const z = 15, x = Math.floor(((lon + 180) / 360) * 2 ** z);
    const y = Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
    const drawn = await renderTile(offline, rendering, z, x, y);
    expect(drawn).toEqual(await renderTile(original, rendering, z, x, y));
    expect(drawn.some((v) => v !== 0)).toBe(true);
  });
});
