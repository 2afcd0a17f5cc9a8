// Adding a big uploaded area: what the worker prepares (id, link fit, map outline) gives exactly the
// store's own results; a geometry too big for localStorage keeps its link copy there, so a reload
// brings it back (approximate), while this session keeps the full shape.
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import type { AoiGeometry } from '../../src/queries/aoi_geometry_types';
import { decodeAoiParam } from '../../src/state/aoi_codec';
import { vertexCount } from '../../src/state/aoi_codec_ids';
import { DISPLAY_MAX_VERTICES, prepareAois } from '../../src/state/aoi_codec_prepare';
import { AoiPersistence, MAX_STORED_VERTICES } from '../../src/state/aoi_persist';
import { AoiStore, geometryId, type NewAoi } from '../../src/state/aoi_store';
import { MemoryStorage } from './memory_storage';


/** A wavy ring of n vertices (full precision), as an upload would give. */
function wavy(lon: number, lat: number, n: number): AoiGeometry {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const radius = 0.1 * (1 + 0.2 * Math.sin(angle * 50));
    ring.push([lon + radius * Math.cos(angle), lat + radius * Math.sin(angle) * 0.7]);
  }
  ring.push([...ring[0]!]);
  return { type: 'Polygon', coordinates: [ring] };
}

const BIG = MAX_STORED_VERTICES + 5_000;
/** A deep copy: the page gets its own arrays from the worker, never the worker's objects. */
const copy = (geometry: AoiGeometry): AoiGeometry => JSON.parse(JSON.stringify(geometry));

function prepared(store: AoiStore, items: NewAoi[]): NewAoi[] {
  const prep = prepareAois(store.list(), items.map(({ name, geometry }) => ({ name, geometry: copy(geometry) })));
  return items.map((item, i) => ({ ...item, geometry: copy(item.geometry), prepared: prep[i]! }));
}

describe('AOI add prepared in the upload worker', () => {
  const big = wavy(-72.55, 46.35, BIG);
  const small = wavy(-72, 46, 40);

  it('should give the same ids, names and link as adding directly, after existing areas and for a repeated shape', () => {
    const direct = new AoiStore(new AoiPersistence(new MemoryStorage()));
    const viaWorker = new AoiStore(new AoiPersistence(new MemoryStorage()));
    for (const store of [direct, viaWorker]) store.add([{ name: 'petite', geometry: copy(small) }]);
    const batch: NewAoi[] = [{ name: '  Grand   secteur ', geometry: big }, { name: 'encore', geometry: big }];
    direct.add(batch.map((item) => ({ ...item, geometry: copy(item.geometry) })));
    viaWorker.add(prepared(viaWorker, batch));
    const summary = (store: AoiStore) => store.list().map(({ id, name, approximate }) => ({ id, name, approximate }));
    expect(summary(viaWorker)).toEqual(summary(direct));
    expect(viaWorker.list()[1]!.id).toBe(geometryId(big));
    expect(viaWorker.list()[2]!.id).toBe(`${geometryId(big)}-2`);
    expect(viaWorker.param()).toBe(direct.param());
    expect(decodeAoiParam(viaWorker.param()).items.map((item) => item.simplified)).toEqual([false, true, true]);
  });

  it('should still match the direct path when the list changed while the file was read', () => {
    const direct = new AoiStore(new AoiPersistence(new MemoryStorage()));
    const viaWorker = new AoiStore(new AoiPersistence(new MemoryStorage()));
    const items = prepared(viaWorker, [{ name: 'grand', geometry: big }]);
    for (const store of [direct, viaWorker]) store.add([{ name: 'dessinée entre-temps', geometry: copy(small) }]);
    direct.add([{ name: 'grand', geometry: copy(big) }]);
    viaWorker.add(items);
    expect(viaWorker.list().map((aoi) => aoi.id)).toEqual(direct.list().map((aoi) => aoi.id));
    expect(viaWorker.param()).toBe(direct.param());
  });

  it('should hand the map a lighter outline only for huge areas', () => {
    const [bigPrep, smallPrep] = prepareAois([], [{ name: 'a', geometry: big }, { name: 'b', geometry: small }]);
    expect(bigPrep!.vertices).toBe(BIG + 1);
    expect(vertexCount(bigPrep!.display!)).toBeLessThan(DISPLAY_MAX_VERTICES);
    expect(vertexCount(bigPrep!.display!)).toBeGreaterThan(100);
    expect(smallPrep!.display).toBeUndefined();
    const store = new AoiStore(new AoiPersistence(new MemoryStorage()));
    const [aoi] = store.add(prepared(store, [{ name: 'a', geometry: big }])).added;
    expect(aoi!.display).toBeDefined();
    expect(aoi!.geometry).toEqual(big); // statistics and exports keep every vertex
  });

  it('should keep a too-big area in localStorage at link precision and bring it back after a reload', () => {
    const storage = new MemoryStorage();
    const store = new AoiStore(new AoiPersistence(storage));
    const result = store.add(prepared(store, [{ name: 'grand', geometry: big }, { name: 'petite', geometry: small }]));
    expect(result).toMatchObject({ savedLocally: false, sessionOnly: 1 });
    const [bigAoi, smallAoi] = result.added;
    expect(storage.getItem(`geoveille.aoi.geometry.${bigAoi!.id}`)).toBeNull();
    expect(storage.getItem(`geoveille.aoi.geometry.${smallAoi!.id}`)).not.toBeNull();
    expect([...storage.data.values()].every((value) => value.length < 20_000)).toBe(true);

    const reloaded = new AoiStore(new AoiPersistence(storage));
    expect(reloaded.restore(undefined)).toEqual({ bad: 0, approximate: 1 });
    expect(reloaded.list().map((aoi) => [aoi.id, aoi.name, aoi.approximate])).toEqual([[bigAoi!.id, 'grand', true], [smallAoi!.id, 'petite', false]]);
    const ring = reloaded.list()[0]!.geometry.coordinates[0] as Position[];
    expect(ring.length).toBeGreaterThan(20);
    expect(ring.length).toBeLessThan(BIG);

    const byLink = new AoiStore(new AoiPersistence(storage));
    expect(byLink.restore(store.param())).toEqual({ bad: 0, approximate: 1 });

    store.remove(bigAoi!.id);
    expect([...storage.data.keys()].some((key) => key.includes(bigAoi!.id))).toBe(false);
  });

  it('should keep the full shape held by this session when the same link is read again', () => {
    const store = new AoiStore(new AoiPersistence(new MemoryStorage()));
    store.add(prepared(store, [{ name: 'grand', geometry: big }]));
    const link = store.param();
    store.restore(link.replace(/^([^.]+)\.[^.]+/, (_, id: string) => `${id}.${Buffer.from('renommée').toString('base64url')}`));
    expect(store.list()[0]).toMatchObject({ name: 'renommée', approximate: false });
    expect(store.list()[0]!.geometry).toEqual(big);
  });
});
