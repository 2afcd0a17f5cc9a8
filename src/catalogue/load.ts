// Loads layers/catalogue.json and every layers/<id>.json, validating each on its own:
// one broken layer file becomes an error entry, the others still load. A built app reads them
// all from one bundle checked at build (bundle.ts); user imports (local/) are read as files.
import { fetchWithRetry } from '../sources/http_retry';
import type { CatalogueFile, LayerDefinition } from './types';
import type { ValidationError } from './validate';
import { asBundle, BUNDLE_FILE, type CatalogueBundle } from './bundle';

// The validators carry MapLibre's style-spec (~60 KB gzip): loaded with the first file to check.
const validators = (): Promise<typeof import('./validate')> => import('./validate');

export type LoadedLayer =
  | { id: string; file: string; def: LayerDefinition; error?: undefined }
  | { id: string; file: string; def?: undefined; error: LayerLoadError };

export interface LayerLoadError {
  kind: 'fetch' | 'json' | 'invalid';
  message: string;
  problems?: ValidationError[];
}

export interface Catalogue {
  groups: CatalogueFile['groups'];
  layers: LoadedLayer[];
  /** catalogue.json's own refresh (seconds), for near-real-time catalogues. */
  refresh?: number;
}

export type FetchText = (url: string) => Promise<string>;

/** Fetch text or throw an Error whose message is short enough for the layer panel. */
export const fetchText: FetchText = async (url) => {
  // a deadline and retries for 5xx/cuts: a catalogue that hangs must not keep the app from starting
  const response = await fetchWithRetry(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

const LOCAL_CATALOGUE = 'local/catalogue.json';

export async function loadCatalogue(baseUrl: string, get: FetchText = fetchText): Promise<Catalogue> {
  const mainFile = 'catalogue.json';
  const localIdsLoading = loadLocalIds(baseUrl, get);
  // one request when the build bundled the folder (checked at build); else catalogue.json + files
  const bundle = await readBundle(baseUrl, get);
  let catalogue: CatalogueFile;
  if (bundle) catalogue = bundle.catalogue;
  else {
    const main = parseJson(await get(new URL(mainFile, baseUrl).href), mainFile);
    const { validateCatalogue } = await validators();
    const problems = validateCatalogue(main, mainFile);
    if (problems.length > 0) throw new Error(problems.map(formatProblem).join('; '));
    catalogue = main as CatalogueFile;
  }
  const groupIds = catalogue.groups.map((group) => group.id);

  const localIds = await localIdsLoading;
  const entries = [
    ...localIds.map((id) => ({ id, file: `local/${id}.json`, bundled: undefined })),
    ...catalogue.layers.map((id) => ({ id, file: `${id}.json`, bundled: bundle?.layers[id] })),
  ];
  const layers = await Promise.all(entries.map(({ id, file, bundled }): LoadedLayer | Promise<LoadedLayer> =>
    bundled ? { id, file, def: bundled } : loadLayer(new URL(file, baseUrl).href, id, file, groupIds, get)));
  return { groups: catalogue.groups, layers, ...(catalogue.refresh !== undefined ? { refresh: catalogue.refresh } : {}) };
}

/** The build's bundle, or null when the host has none (a plain folder, the CLI, an older build). */
async function readBundle(baseUrl: string, get: FetchText): Promise<CatalogueBundle | null> {
  try {
    return asBundle(JSON.parse(await get(new URL(BUNDLE_FILE, baseUrl).href)));
  } catch {
    return null;
  }
}

/** User imports (npm run import) live in a git-ignored folder; its absence is normal. */
async function loadLocalIds(baseUrl: string, get: FetchText): Promise<string[]> {
  try {
    const local = JSON.parse(await get(new URL(LOCAL_CATALOGUE, baseUrl).href)) as unknown;
    const ids = (local as { layers?: unknown }).layers;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export async function loadLayer(
  url: string,
  id: string,
  file: string,
  groupIds: string[],
  get: FetchText = fetchText,
): Promise<LoadedLayer> {
  let text: string;
  try {
    text = await get(url);
  } catch (error) {
    return { id, file, error: { kind: 'fetch', message: errorMessage(error) } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { id, file, error: { kind: 'json', message: errorMessage(error) } };
  }
  const { validateLayer } = await validators();
  const problems = validateLayer(json, file, groupIds);
  if (problems.length > 0) {
    return { id, file, error: { kind: 'invalid', message: formatProblem(problems[0]!), problems } };
  }
  return { id, file, def: json as LayerDefinition };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: ${errorMessage(error)}`);
  }
}

export function formatProblem(problem: ValidationError): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
