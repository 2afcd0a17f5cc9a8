// Loads layers/basemaps.json. A missing or broken file never leaves the map bare: the app falls
// back to the embedded offline basemap and reports what was wrong.
import type { Basemap, EmbeddedBasemap } from './basemap_types';
import { errorMessage, fetchText, formatProblem, type FetchText } from './load';
import { validateBasemaps } from './validate_basemaps';

/** In its own folder, so tools that read every layers/*.json as a layer file never see it. */
export const BASEMAPS_FILE = 'basemaps/basemaps.json';

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
  let json: unknown;
  try {
    json = JSON.parse(await get(new URL(BASEMAPS_FILE, baseUrl).href));
  } catch (error) {
    return fallback([`${BASEMAPS_FILE}: ${errorMessage(error)}`]);
  }
  const checked = validateBasemaps(json, BASEMAPS_FILE);
  const problems = checked.errors.map((problem) => `${BASEMAPS_FILE}: ${formatProblem(problem)}`);
  if (checked.basemaps.length === 0) return fallback(problems);
  return { basemaps: checked.basemaps, defaultId: checked.defaultId ?? checked.basemaps[0]!.id, problems };
}

function fallback(problems: string[]): BasemapCatalogue {
  return { basemaps: [EMBEDDED_FALLBACK], defaultId: EMBEDDED_FALLBACK.id, problems };
}
