// Keeps the AOIs in localStorage: the list (id + name, in order) and each full geometry under its
// id, so a link that only carries a simplified copy gets the full geometry back on this machine.
// Storage may be missing or full (private mode, quota): every call fails softly.
import type { AoiGeometry } from '../queries/aoi_geometry_types';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StoredAoi {
  id: string;
  name: string;
}

const LIST_KEY = 'geoveille.aoi.list';
const GEOMETRY_PREFIX = 'geoveille.aoi.geometry.';

export class AoiPersistence {
  constructor(private readonly storage: KeyValueStorage | null) {}

  /** The last saved list, or null when none was ever saved. */
  loadList(): StoredAoi[] | null {
    const list = this.readJson(LIST_KEY);
    if (!Array.isArray(list)) return null;
    return list.filter((item): item is StoredAoi =>
      typeof item?.id === 'string' && typeof item?.name === 'string');
  }

  saveList(list: StoredAoi[]): boolean {
    return this.write(LIST_KEY, JSON.stringify(list.map(({ id, name }) => ({ id, name }))));
  }

  loadGeometry(id: string): AoiGeometry | null {
    const geometry = this.readJson(GEOMETRY_PREFIX + id) as AoiGeometry | null;
    const ok = geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') &&
      Array.isArray(geometry.coordinates);
    return ok ? geometry : null;
  }

  /** False when the storage is missing or full: the link alone then keeps the area. */
  saveGeometry(id: string, geometry: AoiGeometry): boolean {
    return this.write(GEOMETRY_PREFIX + id, JSON.stringify(geometry));
  }

  removeGeometry(id: string): void {
    try {
      this.storage?.removeItem(GEOMETRY_PREFIX + id);
    } catch {
      // nothing to do: the entry stays until the storage is cleared
    }
  }

  private readJson(key: string): unknown {
    try {
      const text = this.storage?.getItem(key);
      return text ? JSON.parse(text) : null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  }
}

/** window.localStorage when it can be used, else null (Node, blocked cookies). */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}
