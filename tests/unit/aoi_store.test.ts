// The AOI store: ids from the geometry, link first then localStorage on restore, the full geometry
// taken back from localStorage when the link only holds a simplified copy, limits that add nothing.
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { AoiPersistence, type KeyValueStorage } from '../../src/state/aoi_persist';
import { AoiLimitReached, AoiStore, MAX_AOIS, geometryId } from '../../src/state/aoi_store';
import { decodeAoiParam } from '../../src/state/aoi_codec';
import type { AoiGeometry } from '../../src/queries/aoi_geometry_types';
import { MemoryStorage } from './memory_storage';


const square = (lon: number, lat: number, d = 0.1): AoiGeometry => ({
  type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

/** A detailed circle-like polygon (many vertices, full precision): too long for the link as is. */
function detailed(lon: number, lat: number, n = 6000): AoiGeometry {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    ring.push([lon + 0.3 * Math.cos(angle) * (1 + 0.05 * Math.sin(angle * 40)), lat + 0.2 * Math.sin(angle)]);
  }
  ring.push([...ring[0]!]);
  return { type: 'Polygon', coordinates: [ring] };
}

describe('AOI store', () => {
  it('should restore from the link in a fresh browser, and from localStorage when the link has no aoi key', () => {
    const storage = new MemoryStorage();
    const first = new AoiStore(new AoiPersistence(storage));
    first.add([{ name: 'Lac-à-la-Tortue', geometry: square(-72.6, 46.6) }, { name: 'B', geometry: square(-72, 46) }]);
    const link = first.param();

    const fresh = new AoiStore(new AoiPersistence(new MemoryStorage()));
    fresh.restore(link);
    expect(fresh.list().map((aoi) => [aoi.id, aoi.name, aoi.approximate])).toEqual(first.list().map((aoi) => [aoi.id, aoi.name, false]));

    const reloaded = new AoiStore(new AoiPersistence(storage));
    reloaded.restore(undefined);
    expect(reloaded.list().map((aoi) => aoi.name)).toEqual(['Lac-à-la-Tortue', 'B']);
    expect(reloaded.list()[0]!.geometry).toEqual(square(-72.6, 46.6));
  });

  it('should take the full geometry back from localStorage when the link holds a simplified copy', () => {
    const storage = new MemoryStorage();
    const store = new AoiStore(new AoiPersistence(storage));
    const full = detailed(-71, 47);
    store.add([{ name: 'détaillée', geometry: full }]);
    const link = store.param();
    expect(decodeAoiParam(link).items[0]!.simplified).toBe(true);

    const sameMachine = new AoiStore(new AoiPersistence(storage));
    expect(sameMachine.restore(link)).toEqual({ bad: 0, approximate: 0 });
    expect(sameMachine.list()[0]!.geometry).toEqual(full);
    expect(sameMachine.list()[0]!.id).toBe(geometryId(full));

    const elsewhere = new AoiStore(new AoiPersistence(new MemoryStorage()));
    expect(elsewhere.restore(link)).toEqual({ bad: 0, approximate: 1 });
    const ring = elsewhere.list()[0]!.geometry.coordinates[0] as Position[];
    expect(ring.length).toBeLessThan(6000);
    expect(elsewhere.list()[0]!.approximate).toBe(true);
  });

  it('should not trust a stored geometry that does not match the id', () => {
    const storage = new MemoryStorage();
    const store = new AoiStore(new AoiPersistence(storage));
    const [aoi] = store.add([{ name: 'A', geometry: square(-72, 46) }]).added;
    storage.setItem(`geoveille.aoi.geometry.${aoi!.id}`, JSON.stringify(square(10, 10)));
    const other = new AoiStore(new AoiPersistence(storage));
    other.restore(store.param());
    expect(other.list()[0]!.geometry).toEqual(square(-72, 46));
  });

  it('should rename and remove, keeping storage and link in step', () => {
    const storage = new MemoryStorage();
    const store = new AoiStore(new AoiPersistence(storage));
    const { added } = store.add([{ name: 'A', geometry: square(-72, 46) }, { name: 'A again', geometry: square(-72, 46) }]);
    expect(added[1]!.id).toBe(`${added[0]!.id}-2`);
    store.rename(added[0]!.id, '  Zone   « nord » & = #  ');
    expect(decodeAoiParam(store.param()).items.map((item) => item.name)).toEqual(['Zone « nord » & = #', 'A again']);
    store.remove(added[0]!.id);
    expect(storage.getItem(`geoveille.aoi.geometry.${added[0]!.id}`)).toBeNull();
    expect(JSON.parse(storage.getItem('geoveille.aoi.list')!)).toEqual([{ id: added[1]!.id, name: 'A again' }]);
  });

  it('should refuse more than the maximum at once and add nothing', () => {
    const store = new AoiStore(new AoiPersistence(new MemoryStorage()));
    store.add([{ name: 'first', geometry: square(-72, 46) }]);
    const many = Array.from({ length: MAX_AOIS }, (_, i) => ({ name: `z${i}`, geometry: square(-73 + i * 0.01, 45) }));
    expect(() => store.add(many)).toThrow(AoiLimitReached);
    expect(store.list().map((aoi) => aoi.name)).toEqual(['first']);
  });

  it('should survive a storage that throws (private mode, quota)', () => {
    const broken: KeyValueStorage = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('quota'); },
      removeItem: () => { throw new Error('denied'); },
    };
    const store = new AoiStore(new AoiPersistence(broken));
    expect(store.restore(undefined)).toEqual({ bad: 0, approximate: 0 });
    expect(store.add([{ name: 'A', geometry: square(-72, 46) }]).savedLocally).toBe(false);
    expect(store.list()).toHaveLength(1);
  });
});
