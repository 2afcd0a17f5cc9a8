// The areas of interest of this page: an ordered list with add / rename / remove, mirrored to
// localStorage, restored from the link first and from localStorage when the link has none.
import { cleanGeometry } from '../queries/aoi_geometry_repair';
import type { AoiFeature, AoiGeometry } from '../queries/aoi_geometry_types';
import { decodeAoiParam } from './aoi_codec';
import { hashText } from './aoi_codec_bytes';
import { encodeAoiParam } from './aoi_codec_fit';
import type { AoiPersistence } from './aoi_persist';
import { Store, type Listener } from './store';

export interface Aoi {
  id: string;
  name: string;
  geometry: AoiGeometry;
  /** Only the simplified copy held by the link was available (the full one was never on this machine). */
  approximate: boolean;
}

export interface AoiState {
  aois: Aoi[];
}

export const MAX_AOIS = 30;
export const MAX_AOI_NAME = 60;

export class AoiLimitReached extends Error {
  constructor() {
    super(`at most ${MAX_AOIS} areas of interest`);
  }
}

/** The id of a geometry: its hash, so a stored full geometry can be checked against a link's id. */
export function geometryId(geometry: AoiGeometry): string {
  return `a${hashText(JSON.stringify(geometry.coordinates))}`;
}

export function aoiFeature(aoi: Aoi): AoiFeature & { properties: { id: string; name: string } } {
  return { type: 'Feature', geometry: aoi.geometry, properties: { id: aoi.id, name: aoi.name } };
}

export class AoiStore {
  private readonly store = new Store<AoiState>({ aois: [] });

  constructor(private readonly persistence: AoiPersistence) {}

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
   * not all fit. `savedLocally` is false when localStorage could not keep a full geometry.
   */
  add(items: Array<{ name: string; geometry: AoiGeometry }>): { added: Aoi[]; savedLocally: boolean } {
    const current = this.list();
    if (current.length + items.length > MAX_AOIS) throw new AoiLimitReached();
    const taken = new Set(current.map((aoi) => aoi.id));
    const added = items.map(({ name, geometry }) => {
      const id = uniqueId(geometryId(geometry), taken);
      taken.add(id);
      return { id, name: cleanName(name) || id, geometry, approximate: false };
    });
    const next = [...current, ...added];
    this.param(next); // throws when the link cannot hold them all
    const savedLocally = added.every((aoi) => this.persistence.saveGeometry(aoi.id, aoi.geometry));
    this.commit(next);
    return { added, savedLocally };
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
   */
  restore(param: string | undefined): { bad: number; approximate: number } {
    const { aois, bad } = param !== undefined ? this.fromLink(param) : { aois: this.fromStorage(), bad: 0 };
    aois.filter((aoi) => !aoi.approximate && !this.persistence.loadGeometry(aoi.id))
      .forEach((aoi) => this.persistence.saveGeometry(aoi.id, aoi.geometry));
    this.commit(aois.slice(0, MAX_AOIS));
    return { bad, approximate: aois.filter((aoi) => aoi.approximate).length };
  }

  private fromLink(param: string): { aois: Aoi[]; bad: number } {
    const { items, bad } = decodeAoiParam(param);
    const aois: Aoi[] = [];
    let unusable = 0;
    for (const item of items) {
      const stored = this.persistence.loadGeometry(item.id);
      if (stored && geometryId(stored) === item.id.split('-')[0]) {
        aois.push({ id: item.id, name: item.name, geometry: stored, approximate: false });
        continue;
      }
      // A simplified copy may self-intersect: clean it like an upload.
      const geometry = cleanGeometry(item.geometry).geometry;
      if (geometry) aois.push({ id: item.id, name: item.name, geometry, approximate: item.simplified });
      else unusable++;
    }
    return { aois: dedupe(aois), bad: bad + unusable };
  }

  private fromStorage(): Aoi[] {
    return (this.persistence.loadList() ?? []).flatMap(({ id, name }) => {
      const geometry = this.persistence.loadGeometry(id);
      return geometry ? [{ id, name, geometry, approximate: false }] : [];
    });
  }

  private commit(aois: Aoi[]): void {
    this.persistence.saveList(aois);
    this.store.update(() => ({ aois }));
  }
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_AOI_NAME);
}

function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function dedupe(aois: Aoi[]): Aoi[] {
  const seen = new Set<string>();
  return aois.filter((aoi) => !seen.has(aoi.id) && Boolean(seen.add(aoi.id)));
}
