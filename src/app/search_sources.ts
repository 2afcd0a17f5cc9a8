// Where search looks beyond the catalogue: the places list (one request, on first focus) and the
// static address indexes listed in data/addresses/index.json, read shard by shard.
import { t } from '../i18n';
import { fetchWithRetry } from '../sources/http_retry';
import { INDEX_LIST_FILE, type IndexList } from '../queries/search/address_format';
import { AddressIndex } from '../queries/search/address_reader';
import { PlaceIndex, placesFromGeoJson } from '../queries/search/places';
import { addressSuggestions, municipalitySuggestions, type Suggestion } from '../queries/search/suggest';
import { searchForm } from '../queries/search/normalize';
import type { AppContext } from './context';

export interface SearchSources {
  places?: PlaceIndex;
  addresses: Array<{ index: AddressIndex; synthetic: boolean }>;
}

const MAX_ADDRESSES = 6;

/** Places and address index list, fetched once; a failure is reported and search carries on without them. */
export async function loadSources(context: AppContext, sources: SearchSources): Promise<void> {
  const places = fetchJson(context.resolveUrl('data/places.geojson')).then((data) => {
    sources.places = new PlaceIndex(placesFromGeoJson(data));
  });
  const listUrl = context.resolveUrl(`data/addresses/${INDEX_LIST_FILE}`);
  const addresses = fetchWithRetry(listUrl).then(async (response) => {
    if (response.status === 404) return; // no address index deployed: place search only
    if (!response.ok) throw new Error(`${listUrl}: HTTP ${response.status}`);
    const list = (await response.json()) as IndexList;
    sources.addresses = (list.indexes ?? []).map((entry) => {
      const base = new URL(entry.manifest, listUrl);
      const read = (file: string) => fetchJson(new URL(file, base).href);
      const index = new AddressIndex(read, `address index "${entry.id}"`);
      // Its manifest now, while the user types: a lookup then costs a directory and a shard. A
      // failure is told by the search that needs it (the reader asks again).
      index.prepare().catch(() => undefined);
      return { index, synthetic: Boolean(entry.synthetic) };
    });
  });
  const results = await Promise.allSettled([places, addresses]);
  for (const result of results) {
    if (result.status === 'rejected') context.notices.show(t('search.load_error', { message: messageOf(result.reason) }), 'error');
  }
}

/**
 * Municipalities of the address indexes first (those the places list lacks), then addresses; equal
 * addresses nearest the map centre `near` [lon, lat] first.
 */
export async function searchAddresses(sources: SearchSources, text: string, shown: Suggestion[], near?: [number, number]): Promise<Suggestion[]> {
  const answers = await Promise.all(sources.addresses.map(async ({ index, synthetic }) => {
    try {
      const answer = await index.search(text, MAX_ADDRESSES, near ? { near } : {});
      return { towns: municipalitySuggestions(answer.municipalities), addresses: addressSuggestions(answer.hits, synthetic) };
    } catch (error) {
      console.warn(`search: ${messageOf(error)}`);
      return { towns: [], addresses: [] };
    }
  }));
  const known = new Set(shown.flatMap((s) => (s.kind === 'place' ? [searchForm(s.name)] : [])));
  const towns = answers.flatMap((a) => a.towns).filter((s) => s.kind === 'place' && !known.has(searchForm(s.name)));
  return [...towns, ...answers.flatMap((a) => a.addresses)].slice(0, MAX_ADDRESSES);
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetchWithRetry(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
