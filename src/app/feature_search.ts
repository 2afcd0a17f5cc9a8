// Search feature: the box in the header; places, coordinates, layers and the static address
// indexes (search_sources.ts). A pick moves the map and tells the app ('place-picked' on
// context.events: the flood verdict opens its card).
import { offsetForCover, sheetCover } from '../ui/sheet_cover';
import { t } from '../i18n';
import { setVisible } from '../state/layer_ops';
import { addressesOfGroup, suggestNow, zoomFor, type Suggestion } from '../queries/search/suggest';
import { mountSearchBox, type SearchBox } from '../ui/search_box';
import { groupOpenedText, optionView, orderNote, pickedLabel, problemText } from '../ui/search_labels';
import type { AppContext } from './context';
import { Disposer, type Controller, type ControllerFactory } from './controller';
import { addressDelayMs } from './search_delay';
import { loadSources, searchAddresses, type SearchSources } from './search_sources';

class SearchController implements Controller {
  private context!: AppContext;
  private box!: SearchBox;
  private readonly disposer = new Disposer();
  private readonly sources: SearchSources = { addresses: [] };
  private suggestions: Suggestion[] = [];
  private query = '';
  /** The grouped address whose municipalities the list shows, until the next query. */
  private openedGroup: Extract<Suggestion, { kind: 'address-group' }> | null = null;
  private generation = 0;
  private addressTimer: ReturnType<typeof setTimeout> | undefined;

  mount(context: AppContext): void {
    this.context = context;
    this.box = mountSearchBox(context.toolbar, {
      onFirstFocus: () => void loadSources(context, this.sources).then(() => { if (this.query) this.run(this.query); }),
      onQuery: (text) => this.run(text),
      onPick: (index) => {
        const suggestion = this.suggestions[index];
        if (suggestion?.kind === 'address-group') return this.openGroup(suggestion);
        if (suggestion) pickSuggestion(context, suggestion, (label) => this.box.setValue(label));
      },
    });
    this.disposer.node(this.box.element);
  }

  relabel(): void {
    this.box.relabel();
    // an opened group is the user's choice, not the query's answer: keep it, in the new words
    if (this.openedGroup) this.render(this.suggestions, groupOpenedText(this.openedGroup));
    else this.run(this.query);
  }

  dispose(): void {
    clearTimeout(this.addressTimer);
    this.generation++;
    this.disposer.dispose();
  }

  private render(list: Suggestion[], message?: string): void {
    this.suggestions = list;
    const query = this.query.trim();
    this.box.show(list.map(optionView), message ?? (query && !list.length ? t('search.no_results', { query }) : undefined));
  }

  /** A grouped address picked: its municipalities take the list's place, to pick one. */
  private openGroup(group: Extract<Suggestion, { kind: 'address-group' }>): void {
    clearTimeout(this.addressTimer);
    this.generation++; // an address search still under way must not replace this list
    this.openedGroup = group;
    this.box.setValue(pickedLabel(group));
    this.render(addressesOfGroup(group), groupOpenedText(group));
  }

  /** Places, coordinates and layers at once; addresses when typing pauses, or at once for a paste. */
  private run(text: string): void {
    const delay = addressDelayMs(this.query, text);
    this.query = text;
    this.openedGroup = null;
    const current = ++this.generation;
    clearTimeout(this.addressTimer);
    if (!text.trim()) return this.render([]);
    const { context, sources } = this;
    const answer = suggestNow(text, { places: sources.places, layers: context.defs.values(), lang: context.store.get().lang });
    if (answer.problem) return this.render([], problemText(answer.problem));
    this.render(answer.suggestions);
    if (answer.isCoordinates || !sources.addresses.length) return;
    const search = () => {
      const centre = context.map.getCenter();
      void searchAddresses(sources, text, answer.suggestions, [centre.lng, centre.lat]).then((found) => {
        if (current !== this.generation || !found.length) return;
        const places = answer.suggestions.filter((s) => s.kind === 'place');
        const layers = answer.suggestions.filter((s) => s.kind === 'layer');
        this.render([...places, ...found, ...layers]);
      });
    };
    if (delay) this.addressTimer = setTimeout(search, delay);
    else search();
  }
}

function pickSuggestion(context: AppContext, suggestion: Exclude<Suggestion, { kind: 'address-group' }>, setText: (label: string) => void): void {
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
  const offset = offsetForCover(sheetCover(map.getContainer(), true));
  // told first: the verdict's requests start now, not after the map has moved and asked for its tiles
  context.events.emit('place-picked', { lon, lat, label, zoom });
  map.flyTo({ center: [lon, lat], zoom, duration, offset });
}

export const controller: ControllerFactory = () => new SearchController();

