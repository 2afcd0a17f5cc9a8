// The areas of interest of this page: an ordered list with add / rename / remove, mirrored to
// localStorage, restored from the link first and from localStorage when the link has none.
// A simplified copy that crosses itself needs the polygon union to be restored: the page loads
// that code only then (needsUnion / useUnion), so it is not part of the AOI feature's own code.
import type { Geometry } from 'geojson';
import { cleanGeometryWith, UnionNeeded, type PolygonUnion } from '../queries/aoi_geometry_clean';
import type { AoiFeature, AoiGeometry } from '../queries/aoi_geometry_types';
import { decodeAoiParam, decodeGeometry } from './aoi_codec';
import { encodeAoiParam, fitGeometry, linkShare, seedFit } from './aoi_codec_fit';
import { cleanName, geometryId, uniqueId } from './aoi_codec_ids';
import type { PreparedAoi } from './aoi_codec_prepare';
import type { AoiPersistence } from './aoi_persist';
import { Store, type Listener } from './store';

export interface Aoi {
  id: string;
  name: string;
  geometry: AoiGeometry;
  /** Only the simplified copy held by the link was available (the full one was never on this machine). */
  approximate: boolean;
  /** A lighter outline for the map, when the geometry is huge (never used for statistics). */
  display?: AoiGeometry;
}

/** An area to add; `prepared` holds what the upload worker already computed for it. */
export interface NewAoi {
  name: string;
  geometry: AoiGeometry;
  prepared?: PreparedAoi;
}

export interface AddResult {
  added: Aoi[];
  /** False when localStorage could not keep every full geometry. */
  savedLocally: boolean;
  /** How many areas localStorage keeps only at link precision (full shape for this session only). */
  sessionOnly: number;
}

export interface AoiState {
  aois: Aoi[];
}

export const MAX_AOIS = 30;
export { MAX_AOI_NAME, geometryId } from './aoi_codec_ids';

export class AoiLimitReached extends Error {
  constructor() {
    super(`at most ${MAX_AOIS} areas of interest`);
  }
}

export function aoiFeature(aoi: Aoi): AoiFeature & { properties: { id: string; name: string } } {
  return { type: 'Feature', geometry: aoi.geometry, properties: { id: aoi.id, name: aoi.name } };
}

export class AoiStore {
  private readonly store = new Store<AoiState>({ aois: [] });

  constructor(private readonly persistence: AoiPersistence, private union: PolygonUnion | null = null) {}

  list(): Aoi[] {
    return this.store.get().aois;
  }

  subscribe(listener: Listener<AoiState>): () => void {
    return this.store.subscribe(listener);
  }

  /** The value of the link's `aoi` key ('' when there is none). */
  param(aois = this.list()): string {
    return encodeAoiParam(aois);
  }

  /**
   * Adds areas in order; throws AoiLimitReached or AoiLinkTooLong (and adds nothing) when they do
   * not all fit. Work the upload worker did (`prepared`) is reused, so a huge area adds quickly.
   */
  add(items: NewAoi[]): AddResult {
    const current = this.list();
    if (current.length + items.length > MAX_AOIS) throw new AoiLimitReached();
    const taken = new Set(current.map((aoi) => aoi.id));
    const added = items.map(({ name, geometry, prepared }): Aoi => {
      const id = uniqueId(prepared?.baseId ?? geometryId(geometry), taken);
      taken.add(id);
      if (prepared) seedFit(geometry, prepared.fit);
      const aoi: Aoi = { id, name: cleanName(name) || id, geometry, approximate: false };
      return prepared?.display ? { ...aoi, display: prepared.display } : aoi;
    });
    const next = [...current, ...added];
    this.param(next); // throws when the link cannot hold them all
    const share = linkShare(next);
    let savedLocally = true;
    let sessionOnly = 0;
    for (const aoi of added) {
      if (this.persistence.saveGeometry(aoi.id, aoi.geometry)) continue;
      savedLocally = false;
      // What the link holds fits: after a reload the area comes back at link precision at least.
      if (this.persistence.saveLinkCopy(aoi.id, fitGeometry(aoi.geometry, share))) sessionOnly++;
    }
    this.commit(next);
    return { added, savedLocally, sessionOnly };
  }

  rename(id: string, name: string): void {
    const clean = cleanName(name);
    if (!clean) return;
    const next = this.list().map((aoi) => (aoi.id === id ? { ...aoi, name: clean } : aoi));
    this.param(next);
    this.commit(next);
  }

  remove(id: string): void {
    this.persistence.removeGeometry(id);
    this.commit(this.list().filter((aoi) => aoi.id !== id));
  }

  /**
   * Restores from the link's value when the link has the key, else from localStorage.
   * Returns how many link items could not be read and how many are only approximate.
   * A geometry that needs the polygon union counts as unreadable unless useUnion came first.
   */
  restore(param: string | undefined): { bad: number; approximate: number } {
    const { aois, bad } = this.collect(param, (geometry) => this.clean(geometry));
    aois.filter((aoi) => !aoi.approximate && !this.persistence.loadGeometry(aoi.id))
      .forEach((aoi) => this.persistence.saveGeometry(aoi.id, aoi.geometry));
    this.commit(aois.slice(0, MAX_AOIS));
    return { bad, approximate: aois.filter((aoi) => aoi.approximate).length };
  }

  /** True when restore(param) would meet a geometry that needs the polygon union, and it has none yet. */
  needsUnion(param: string | undefined): boolean {
    if (this.union) return false;
    let needed = false;
    this.collect(param, (geometry) => {
      try {
        return cleanGeometryWith(null, geometry).geometry;
      } catch (error) {
        if (!(error instanceof UnionNeeded)) throw error;
        needed = true;
        return null;
      }
    });
    return needed;
  }

  useUnion(union: PolygonUnion): void {
    this.union = union;
  }

  /** A simplified copy (link or storage) may self-intersect: it is cleaned like an upload. */
  private clean(geometry: Geometry): AoiGeometry | null {
    try {
      return cleanGeometryWith(this.union, geometry).geometry;
    } catch {
      return null; // UnionNeeded: the caller did not load the union (see needsUnion)
    }
  }

  private collect(param: string | undefined, clean: Clean): { aois: Aoi[]; bad: number } {
    return param !== undefined ? this.fromLink(param, clean) : { aois: this.fromStorage(clean), bad: 0 };
  }

  private fromLink(param: string, clean: Clean): { aois: Aoi[]; bad: number } {
    const { items, bad } = decodeAoiParam(param);
    // Full geometries only this session holds (too big for localStorage) are kept, not replaced.
    const inMemory = new Map(this.list().filter((aoi) => !aoi.approximate).map((aoi) => [aoi.id, aoi]));
    const aois: Aoi[] = [];
    let unusable = 0;
    for (const item of items) {
      const held = inMemory.get(item.id);
      if (held) {
        aois.push({ ...held, name: item.name });
        continue;
      }
      const stored = this.persistence.loadGeometry(item.id);
      if (stored && geometryId(stored) === item.id.split('-')[0]) {
        aois.push({ id: item.id, name: item.name, geometry: stored, approximate: false });
        continue;
      }
      const geometry = clean(item.geometry);
      if (geometry) aois.push({ id: item.id, name: item.name, geometry, approximate: item.simplified });
      else unusable++;
    }
    return { aois: dedupe(aois), bad: bad + unusable };
  }

  private fromStorage(clean: Clean): Aoi[] {
    return (this.persistence.loadList() ?? []).flatMap(({ id, name }): Aoi[] => {
      const geometry = this.persistence.loadGeometry(id);
      if (geometry) return [{ id, name, geometry, approximate: false }];
      const linkCopy = this.linkCopy(id, clean);
      return linkCopy ? [{ id, name, geometry: linkCopy, approximate: true }] : [];
    });
  }

  /** The link-precision copy kept for an area too big for localStorage, cleaned like a link's. */
  private linkCopy(id: string, clean: Clean): AoiGeometry | null {
    const bytes = this.persistence.loadLinkCopy(id);
    if (!bytes) return null;
    try {
      return clean(decodeGeometry(bytes).geometry);
    } catch {
      return null;
    }
  }

  private commit(aois: Aoi[]): void {
    this.persistence.saveList(aois);
    this.store.update(() => ({ aois }));
  }
}

type Clean = (geometry: Geometry) => AoiGeometry | null;

function dedupe(aois: Aoi[]): Aoi[] {
  const seen = new Set<string>();
  return aois.filter((aoi) => !seen.has(aoi.id) && Boolean(seen.add(aoi.id)));
}
