// Loads the basemap list. A built app reads the list its build checked (basemaps_checked.ts);
// otherwise layers/basemaps/basemaps.json is read and checked here, the validator loaded only
// then. A missing or broken file never leaves the map bare: the app falls back to the embedded
// offline basemap and reports what was wrong.
import type { Basemap, EmbeddedBasemap } from './basemap_types';
import { asCheckedBasemaps, BASEMAPS_CHECKED_FILE, BASEMAPS_FILE } from './basemaps_checked';
import { errorMessage, fetchText, formatProblem, type FetchText } from './load';

export { BASEMAPS_FILE };

/** The offline basemap every build has (npm run data:demo writes its files). */
export const EMBEDDED_FALLBACK: EmbeddedBasemap = {
  id: 'hors-ligne',
  kind: 'embedded',
  title: { fr: 'Fond hors ligne', en: 'Offline basemap' },
  url: 'data/basemap.pmtiles',
  worldUrl: 'data/basemap_world.pmtiles',
  detailMaxZoom: 10,
  attribution: 'Natural Earth (domaine public) · GeoNames (CC-BY 4.0)',
};

export interface BasemapCatalogue {
  basemaps: Basemap[];
  defaultId: string;
  /** Short messages naming the file and what is wrong (one per broken entry). */
  problems: string[];
}

export async function loadBasemaps(baseUrl: string, get: FetchText = fetchText): Promise<BasemapCatalogue> {
  const checked = await readChecked(baseUrl, get);
  if (checked) return { basemaps: checked.basemaps, defaultId: checked.defaultId, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(await get(new URL(BASEMAPS_FILE, baseUrl).href));
  } catch (error) {
    return fallback([`${BASEMAPS_FILE}: ${errorMessage(error)}`]);
  }
  // the validator's colour checks carry MapLibre's style-spec: loaded only for an unchecked list
  const { validateBasemaps } = await import('./validate_basemaps');
  const result = validateBasemaps(json, BASEMAPS_FILE);
  const problems = result.errors.map((problem) => `${BASEMAPS_FILE}: ${formatProblem(problem)}`);
  if (result.basemaps.length === 0) return fallback(problems);
  return { basemaps: result.basemaps, defaultId: result.defaultId ?? result.basemaps[0]!.id, problems };
}

/** The build's checked list, or null when the host has none. */
async function readChecked(baseUrl: string, get: FetchText) {
  try {
    return asCheckedBasemaps(JSON.parse(await get(new URL(BASEMAPS_CHECKED_FILE, baseUrl).href)));
  } catch {
    return null;
  }
}

function fallback(problems: string[]): BasemapCatalogue {
  return { basemaps: [EMBEDDED_FALLBACK], defaultId: EMBEDDED_FALLBACK.id, problems };
}
