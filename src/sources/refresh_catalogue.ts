// Near real time for the catalogue itself: re-reads layers/catalogue.json and loads the layer
// files of ids the app does not know yet, so a new event's layers can join the panel. DOM-free.
import { fetchText, formatProblem, loadLayer, type FetchText, type LoadedLayer } from '../catalogue/load';
import type { CatalogueFile } from '../catalogue/types';

export interface CatalogueUpdate {
  groups: CatalogueFile['groups'];
  /** Layer ids of the file, top first. */
  order: string[];
  /** Layers new to the app (valid or not: a broken new file shows as broken, like at start-up). */
  added: LoadedLayer[];
}

const FILE = 'catalogue.json';

/** A fetch that skips the browser cache: the point is to see the server's current file. */
export const fetchFreshText: FetchText = async (url) => {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

/** `baseUrl`: the layers/ folder. Throws a short Error naming catalogue.json when the file is bad. */
export async function readCatalogueUpdate(
  baseUrl: string,
  known: ReadonlySet<string>,
  get: FetchText = fetchText,
): Promise<CatalogueUpdate> {
  let json: unknown;
  try {
    json = JSON.parse(await get(new URL(FILE, baseUrl).href));
  } catch (error) {
    throw new Error(`${FILE}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // loaded on use: the validators carry MapLibre's style-spec (first-load budget, issue 15)
  const { validateCatalogue } = await import('../catalogue/validate');
  const problems = validateCatalogue(json, FILE);
  if (problems.length > 0) throw new Error(`${FILE}: ${problems.map(formatProblem).join('; ')}`);
  const file = json as CatalogueFile;
  const groupIds = file.groups.map((group) => group.id);
  const fresh = file.layers.filter((id) => !known.has(id));
  const added = await Promise.all(
    fresh.map((id) => loadLayer(new URL(`${id}.json`, baseUrl).href, id, `${id}.json`, groupIds, get)),
  );
  return { groups: file.groups, order: file.layers, added };
}

/**
 * The app's order with new ids put where the catalogue file puts them: right above the first
 * known layer that follows them in the file (at the end when none follows).
 */
export function mergeOrder(current: string[], fileOrder: string[], added: string[]): string[] {
  const fresh = new Set(added.filter((id) => !current.includes(id)));
  const result = [...current];
  for (const id of fileOrder) {
    if (!fresh.has(id)) continue;
    const after = fileOrder.slice(fileOrder.indexOf(id) + 1).find((other) => result.includes(other));
    const at = after === undefined ? result.length : result.indexOf(after);
    result.splice(at, 0, id);
  }
  return result;
}
