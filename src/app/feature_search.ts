// Search feature: the box in the header; places (loaded on first focus, one request), coordinates,
// layers and the static address indexes listed in data/addresses/index.json. A pick moves the map
// and announces the place with `geoveille:place-picked` (the flood verdict opens its card).
import { offsetForCover, sheetCover } from '../ui/sheet_cover';
import { t } from '../i18n';
import { fetchWithRetry } from '../sources/http_retry';
import { setVisible } from '../state/layer_ops';
import { INDEX_LIST_FILE, type IndexList } from '../queries/search/address_format';
import { AddressIndex } from '../queries/search/address_reader';
import { PlaceIndex, placesFromGeoJson } from '../queries/search/places';
import { addressSuggestions, municipalitySuggestions, suggestNow, zoomFor, type Suggestion } from '../queries/search/suggest';
import { searchForm } from '../queries/search/normalize';
import { mountSearchBox } from '../ui/search_box';
import { optionView, orderNote, pickedLabel, problemText } from '../ui/search_labels';
import type { AppContext, Feature } from './context';

interface Sources {
  places?: PlaceIndex;
  addresses: Array<{ index: AddressIndex; synthetic: boolean }>;
}

const ADDRESS_DELAY_MS = 150;
const MAX_ADDRESSES = 6;

export function installSearch(context: AppContext): Feature {
  const sources: Sources = { addresses: [] };
  let suggestions: Suggestion[] = [];
  let query = '';
  let generation = 0;
  let addressTimer: ReturnType<typeof setTimeout> | undefined;

  const render = (list: Suggestion[], message?: string) => {
    suggestions = list;
    box.show(list.map(optionView), message ?? (query.trim() && !list.length ? t('search.no_results', { query: query.trim() }) : undefined));
  };
  const run = (text: string) => {
    query = text;
    const current = ++generation;
    clearTimeout(addressTimer);
    if (!text.trim()) return render([]);
    const answer = suggestNow(text, { places: sources.places, layers: context.defs.values(), lang: context.store.get().lang });
    if (answer.problem) return render([], problemText(answer.problem));
    render(answer.suggestions);
    if (answer.isCoordinates || !sources.addresses.length) return;
    addressTimer = setTimeout(() => {
      void searchAddresses(sources, text, answer.suggestions).then((found) => {
        if (current !== generation || !found.length) return;
        const places = answer.suggestions.filter((s) => s.kind === 'place');
        const layers = answer.suggestions.filter((s) => s.kind === 'layer');
        render([...places, ...found, ...layers]);
      });
    }, ADDRESS_DELAY_MS);
  };
  const box = mountSearchBox(context.toolbar, {
    onFirstFocus: () => void loadSources(context, sources).then(() => { if (query) run(query); }),
    onQuery: run,
    onPick: (index) => {
      const suggestion = suggestions[index];
      if (suggestion) pickSuggestion(context, suggestion, (label) => box.setValue(label));
    },
  });
  return { relabel: () => { box.relabel(); run(query); } };
}

/** Places and address index list, fetched once; a failure is reported and search carries on without them. */
async function loadSources(context: AppContext, sources: Sources): Promise<void> {
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
      return { index: new AddressIndex(read, `address index "${entry.id}"`), synthetic: Boolean(entry.synthetic) };
    });
  });
  const results = await Promise.allSettled([places, addresses]);
  for (const result of results) {
    if (result.status === 'rejected') context.notices.show(t('search.load_error', { message: messageOf(result.reason) }), 'error');
  }
}

/** Municipalities of the address indexes first (those the places list lacks), then addresses. */
async function searchAddresses(sources: Sources, text: string, shown: Suggestion[]): Promise<Suggestion[]> {
  const answers = await Promise.all(sources.addresses.map(async ({ index, synthetic }) => {
    try {
      const answer = await index.search(text, MAX_ADDRESSES);
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

function pickSuggestion(context: AppContext, suggestion: Suggestion, setText: (label: string) => void): void {
  const { map } = context;
  const duration = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 900;
  const label = pickedLabel(suggestion);
  setText(label);
  if (suggestion.kind === 'layer') {
    const { def } = suggestion;
    context.store.update((state) => setVisible(state, def.id, true, def.opacity ?? 1));
    if (def.bounds) map.fitBounds(def.bounds, { padding: 40, duration });
    return;
  }
  const note = orderNote(suggestion);
  if (note) context.notices.show(note, 'info');
  const { lon, lat } = suggestion;
  const zoom = zoomFor(suggestion);
  // the verdict card opens beside the map: land the place in the part it leaves visible
  map.flyTo({ center: [lon, lat], zoom, duration, offset: offsetForCover(sheetCover(map.getContainer(), true)) });
  window.dispatchEvent(new CustomEvent('geoveille:place-picked', { detail: { lon, lat, label, zoom } }));
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetchWithRetry(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
