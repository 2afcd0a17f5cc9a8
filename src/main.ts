// Boot: URL → state → catalogue → map → UI.
import './styles.css';
import { loadCatalogue, type Catalogue } from './catalogue/load';
import { DEFAULT_LANG, initI18n, pick, t } from './i18n';
import { decodeHash } from './state/url_codec';
import { Store } from './state/store';
import { startHashSync } from './state/hash_sync';
import { startingHash, startPersist } from './state/persist';
import { browserStorage } from './state/browser_storage';
import { DEFAULT_VIEW, type AppState } from './state/app_state';
import type { LayerStatus } from './state/layer_status';
import { createMap, viewOf } from './map/create_map';
import { LayerSync } from './map/layer_sync';
import { definitions, initialState } from './app/initial_state';
import { mountNotices } from './ui/notices';
import { describeHashProblem, followHashEdits } from './app/hash_edits';
import { mountUi } from './app/mount_ui';
import { markFeaturesMounted, markReadyAfterFirstView } from './app/ready';
import type { AppContext } from './app/context';
import { FEATURES } from './app/features';
import { FeatureLoader } from './app/feature_loader';
import { readSavedAreasFirstWhenOffline } from './app/offline_start';
import { mountSheet } from './ui/sheet';
import { AppEvents } from './app/app_events';
import { AppCommands } from './app/commands';
import { MapInput } from './app/map_input';
import { mapInputSource } from './map/map_input_source';
import { ShownTimes } from './state/shown_times';

/** The link (or the last session's), in its language, with a notice for each part it could not read. */
async function startFromLink() {
  // A bare address reopens the last session; it goes into the URL so every feature sees it.
  const restored = startingHash(window.location.hash, browserStorage());
  if (restored && restored !== window.location.hash) history.replaceState(history.state, '', restored);
  const { state: fromHash, problems } = decodeHash(window.location.hash);
  const lang = fromHash.lang ?? DEFAULT_LANG;
  await initI18n(lang);
  document.documentElement.lang = lang;
  const notices = mountNotices(document.body);
  for (const problem of problems) notices.show(describeHashProblem(problem));
  return { fromHash, lang, notices };
}

async function boot(): Promise<void> {
  readSavedAreasFirstWhenOffline();
  const { fromHash, lang, notices } = await startFromLink();

  // The map and its basemap start while the catalogue loads (first-load time, issue 15).
  const catalogueLoading = loadCatalogueOrEmpty((message) => notices.show(message, 'error'));
  const mapElement = document.getElementById('map')!;
  const { map, protocol } = createMap(mapElement, fromHash.view ?? DEFAULT_VIEW, dataUrl('data/basemap.pmtiles'));
  const mapLoaded = new Promise<void>((resolve) => map.once('load', () => resolve()));
  // layers go on as soon as the first style is parsed, not after the basemap's first full frame
  const styleLoaded = new Promise<void>((resolve) => map.once('style.load', () => resolve()));
  const catalogue = await catalogueLoading;
  const defs = definitions(catalogue);
  const store = new Store<AppState>(
    initialState(fromHash, catalogue, lang, (id) => notices.show(t('url.unknown_layer', { id }))),
  );
  const statuses = new Store<{ map: Map<string, LayerStatus> }>({ map: new Map() });

  // the source's own message is kept; the row words it in the UI language each time it is drawn
  const sync = new LayerSync(map, protocol, defs, document.baseURI, (id, status) => {
    statuses.update(({ map: current }) => ({ map: new Map(current).set(id, status) }));
  });

  const events = new AppEvents();
  const ui = mountUi({ catalogue, defs, store, statuses, notices, events });
  const context: AppContext = {
    map, store, statuses, catalogue, defs, sync, notices,
    sheet: mountSheet(document.getElementById('map-host')!),
    toolbar: document.getElementById('toolbar')!,
    events,
    commands: new AppCommands(),
    mapInput: new MapInput(mapInputSource(map), (mode) => events.emit('map-mode', { mode })),
    times: new ShownTimes((list) => events.emit('time-changed', list)),
    resolveUrl: dataUrl,
  };
  const features = new FeatureLoader(context, FEATURES);
  const linkedTools = features.start();
  // The test hook: only in the e2e build (vite build --mode e2e), never in production.
  if (import.meta.env.MODE === 'e2e') Object.assign(window, { __geoveille: { map, store, catalogue, context, features } });
  statuses.subscribe(() => ui.refresh());
  store.subscribe((state, previous) => {
    sync.apply(state);
    if (state.lang !== previous.lang) {
      void ui.switchLang(state.lang).then(() => features.relabel());
    } else ui.refresh();
  });
  void styleLoaded.then(() => sync.apply(store.get()));
  map.on('moveend', () => store.update(() => ({ view: viewOf(map) })));
  startHashSync(store);
  startPersist(store, browserStorage());
  followHashEdits(store, map, defs, notices);
  // What the first view does not show loads once it is drawn (issue 15: first-load size).
  void markReadyAfterFirstView(map, mapLoaded, linkedTools).then(() => features.loadDeferred()).then(markFeaturesMounted);
}

async function loadCatalogueOrEmpty(report: (message: string) => void): Promise<Catalogue> {
  try {
    return await loadCatalogue(dataUrl('layers/'));
  } catch (error) {
    report(t('errors.catalogue', { message: error instanceof Error ? error.message : String(error) }));
    return { groups: [], layers: [] };
  }
}

function dataUrl(path: string): string {
  return new URL(path, document.baseURI).href;
}

void boot();
