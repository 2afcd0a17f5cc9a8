// The basemap list as the build checked it: layers/basemaps/basemaps.checked.json, written at
// build from layers/basemaps/basemaps.json (scripts/catalogue_bundle.ts) with the same validator,
// so the app shows it without loading the validators (they carry MapLibre's style-spec). A host
// without it (the dev server, another host's folder) serves the plain file, checked at run time.
import type { Basemap } from './basemap_types';

/** In its own folder, so tools that read every layers/*.json as a layer file never see it. */
export const BASEMAPS_FILE = 'basemaps/basemaps.json';
export const BASEMAPS_CHECKED_FILE = 'basemaps/basemaps.checked.json';
const FORMAT = 'geoveille-basemaps-checked/1';

export interface CheckedBasemapList {
  format: typeof FORMAT;
  /** Names one of `basemaps`. */
  defaultId: string;
  basemaps: Basemap[];
}

export function makeCheckedBasemaps(basemaps: Basemap[], defaultId: string): CheckedBasemapList {
  return { format: FORMAT, defaultId, basemaps };
}

/** A parsed checked list, or null for anything else (an older host, an HTML 404 page…). */
export function asCheckedBasemaps(json: unknown): CheckedBasemapList | null {
  const list = json as Partial<CheckedBasemapList> | null;
  if (list?.format !== FORMAT || !Array.isArray(list.basemaps) || list.basemaps.length === 0) return null;
  if (!list.basemaps.some((basemap) => basemap?.id === list.defaultId)) return null;
  return list as CheckedBasemapList;
}
