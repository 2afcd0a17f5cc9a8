// The offline areas saved on this device, opened once per page and shared: by the first view when
// the app starts offline (app/offline_start.ts, before any tile is asked for) and by the offline
// feature (its panel and banner), so the store is read once whoever comes first.
import { AreaStore } from './area_store';
import { MemoryBlobStore } from './blob_store';
import { OpfsBlobStore, opfsAvailable } from './opfs_store';

export interface DeviceAreas {
  areas: AreaStore;
  /** Resolves once every area record is read (never rejects: an unreadable store has no areas). */
  loaded: Promise<unknown>;
}

let opened: DeviceAreas | null = null;

export function openDeviceAreas(): DeviceAreas {
  if (!opened) {
    const areas = new AreaStore(opfsAvailable() ? new OpfsBlobStore() : new MemoryBlobStore());
    opened = { areas, loaded: areas.load().catch(() => []) };
  }
  return opened;
}
