// Keeps the AOIs in localStorage: the list (id + name, in order) and each full geometry under its
// id, so a link that only carries a simplified copy gets the full geometry back on this machine.
// Storage may be missing or full (private mode, quota): every call fails softly. A geometry too big
// to store (an uploaded 250 000-vertex area is ~10 MB of JSON, over the quota) is not even tried:
// its link-precision bytes are kept instead, so it never vanishes on reload.
import type { AoiGeometry } from '../queries/aoi_geometry_types';
import { fromBase64Url, toBase64Url } from './aoi_codec_bytes';
import { vertexCount } from './aoi_codec_ids';
import { AOI_LIST_KEY } from './aoi_saved';
import type { KeyValueStorage } from './browser_storage';

export { browserStorage, type KeyValueStorage } from './browser_storage';

export interface StoredAoi {
  id: string;
  name: string;
}

const LIST_KEY = AOI_LIST_KEY;
const GEOMETRY_PREFIX = 'geoveille.aoi.geometry.';
const LINK_COPY_PREFIX = 'geoveille.aoi.link.';
/** ~40 characters a vertex in JSON: 40 000 vertices is ~1.6 M characters, well inside the ~5 M quota. */
export const MAX_STORED_VERTICES = 40_000;

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

  /** False when the storage is missing or full, or the geometry too big to try (keep a link copy then). */
  saveGeometry(id: string, geometry: AoiGeometry): boolean {
    if (vertexCount(geometry) > MAX_STORED_VERTICES) return false;
    return this.write(GEOMETRY_PREFIX + id, JSON.stringify(geometry));
  }

  /** The link-encoded bytes of an area whose full geometry could not be stored. */
  saveLinkCopy(id: string, bytes: Uint8Array): boolean {
    return this.write(LINK_COPY_PREFIX + id, toBase64Url(bytes));
  }

  loadLinkCopy(id: string): Uint8Array | null {
    try {
      const text = this.storage?.getItem(LINK_COPY_PREFIX + id);
      return text ? fromBase64Url(text) : null;
    } catch {
      return null;
    }
  }

  removeGeometry(id: string): void {
    try {
      this.storage?.removeItem(GEOMETRY_PREFIX + id);
      this.storage?.removeItem(LINK_COPY_PREFIX + id);
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
