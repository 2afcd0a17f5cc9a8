// The AOI feature's parts that load on demand (issue 15): the polygon union only when a geometry to
// restore crosses itself, and the start-up check for saved areas that reads local storage only.
import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { cleanGeometryWith, UnionNeeded } from '../../src/queries/aoi_geometry_clean';
import { cleanGeometry, polygonUnion } from '../../src/queries/aoi_geometry_repair';
import { encodeGeometry } from '../../src/state/aoi_codec';
import { AoiPersistence } from '../../src/state/aoi_persist';
import { hasSavedAois } from '../../src/state/aoi_saved';
import { AoiStore } from '../../src/state/aoi_store';
import type { AoiGeometry } from '../../src/queries/aoi_geometry_types';
import { MemoryStorage } from './memory_storage';

const bowTie: AoiGeometry = { type: 'Polygon', coordinates: [[[-72, 46], [-71.8, 46.2], [-71.8, 46], [-72, 46.2], [-72, 46]]] };
const square: AoiGeometry = { type: 'Polygon', coordinates: [[[-72, 46], [-71.9, 46], [-71.9, 46.1], [-72, 46.1], [-72, 46]]] };

/** A link holding these areas, as another browser wrote it (add() keeps geometry as given). */
function linkOf(...geometries: AoiGeometry[]): string {
  const writer = new AoiStore(new AoiPersistence(new MemoryStorage()));
  writer.add(geometries.map((geometry, i) => ({ name: `zone ${i + 1}`, geometry })));
  return writer.param();
}

describe('AOI cleaning without the polygon union', () => {
  it('should clean valid geometry and reject broken coordinates without it, and ask for it on a bow-tie', () => {
    const open: Geometry = { type: 'Polygon', coordinates: [[[-72, 46], [-71.9, 46], [-71.9, 46.1], [-72, 46.1]]] };
    expect(cleanGeometryWith(null, open, 2)).toEqual(cleanGeometry(open, 2));
    expect(cleanGeometryWith(null, open, 2).notes).toEqual([{ code: 'unclosed_ring', feature: 2 }]);
    const outOfRange: Geometry = { type: 'Polygon', coordinates: [[[-250000, 300000], [1, 0], [1, 1], [-250000, 300000]]] };
    expect(cleanGeometryWith(null, outOfRange, 3).notes).toEqual([{ code: 'out_of_range', feature: 3 }]);
    expect(() => cleanGeometryWith(null, bowTie)).toThrow(UnionNeeded);
    expect(cleanGeometryWith(polygonUnion, bowTie).geometry?.type).toBe('MultiPolygon');
  });

  it('should say a link needs the union only when one of its areas crosses itself', () => {
    const store = new AoiStore(new AoiPersistence(new MemoryStorage()));
    expect(store.needsUnion(linkOf(square))).toBe(false);
    expect(store.needsUnion(linkOf(square, bowTie))).toBe(true);
    expect(store.needsUnion(undefined)).toBe(false);
    expect(store.list()).toEqual([]); // asking restores nothing
  });

  it('should restore a crossing area once given the union, and count it unreadable without', () => {
    const link = linkOf(square, bowTie);
    const without = new AoiStore(new AoiPersistence(new MemoryStorage()));
    expect(without.restore(link)).toEqual({ bad: 1, approximate: 0 });
    expect(without.list().map((aoi) => aoi.name)).toEqual(['zone 1']);

    const store = new AoiStore(new AoiPersistence(new MemoryStorage()));
    store.useUnion(polygonUnion);
    expect(store.needsUnion(link)).toBe(false);
    expect(store.restore(link)).toEqual({ bad: 0, approximate: 0 });
    expect(store.list().map((aoi) => [aoi.name, aoi.geometry.type])).toEqual([['zone 1', 'Polygon'], ['zone 2', 'MultiPolygon']]);
  });

  it('should ask for the union for a stored link-precision copy that crosses itself', () => {
    const storage = new MemoryStorage();
    const persistence = new AoiPersistence(storage);
    const writer = new AoiStore(persistence);
    const [aoi] = writer.add([{ name: 'papillon', geometry: bowTie }]).added;
    // As for an area too big for localStorage: only its link bytes are kept.
    storage.removeItem(`geoveille.aoi.geometry.${aoi!.id}`);
    persistence.saveLinkCopy(aoi!.id, encodeGeometry(bowTie, true));
    const reloaded = new AoiStore(new AoiPersistence(storage));
    expect(reloaded.needsUnion(undefined)).toBe(true);
    reloaded.useUnion(polygonUnion);
    reloaded.restore(undefined);
    expect(reloaded.list().map((area) => [area.name, area.approximate, area.geometry.type])).toEqual([['papillon', true, 'MultiPolygon']]);
  });
});

describe('saved AOIs at start', () => {
  it('should find saved areas only when the stored list names one', () => {
    const storage = new MemoryStorage();
    expect(hasSavedAois(storage)).toBe(false);
    const store = new AoiStore(new AoiPersistence(storage));
    store.add([{ name: 'A', geometry: square }]);
    expect(hasSavedAois(storage)).toBe(true);
    store.remove(store.list()[0]!.id);
    expect(hasSavedAois(storage)).toBe(false); // an empty list is saved as []
    storage.setItem('geoveille.aoi.list', '{not json');
    expect(hasSavedAois(storage)).toBe(false);
    expect(hasSavedAois({ getItem: () => { throw new Error('denied'); } })).toBe(false);
    expect(hasSavedAois(null)).toBe(false);
  });
});
