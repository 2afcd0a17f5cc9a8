// Near-real-time layers: a layer with `refresh` (seconds) is re-checked while it is shown; a new
// version of its file reloads that layer only (view, AOIs and time stay) and its row says
// "updated at HH:MM"; a failed check says so and retries with back-off, keeping what is drawn.
// A catalogue with `refresh` (or any layer with one) is re-read so a new event's layers appear.
// A series layer has one watch per date's file: the map keeps the date it shows (LayerSync and
// time_layers.ts decide what a new version of one date's file changes on each map).
import { traitsOf } from '../sources/kinds/traits';
import type { LayerDefinition } from '../catalogue/types';
import { resolveDataUrl } from '../catalogue/to_style';
import { pinnedArchive } from '../sources/refresh_pmtiles';
import { versionedUrl } from '../sources/refresh_check';
import { RefreshWatch } from '../sources/refresh_watch';
import { showRefreshNote, type RefreshNote } from '../ui/refresh_note';
import type { AppContext } from './context';
import type { ControllerFactory } from './controller';
import { FeatureController } from './feature_controller';
import { fetchFreshText, mergeOrder, readCatalogueUpdate } from '../sources/refresh_catalogue';
import { t, pick } from '../i18n';

interface Watched {
  def: LayerDefinition;
  /** The absolute URL of the watched file (a series: one per date). */
  dataUrl: string;
  watch: RefreshWatch;
  version: number;
  note: RefreshNote | null;
  /** The last "updated at" note, shown again when the server answers after a failure. */
  updated: RefreshNote | null;
}


class RefreshController extends FeatureController {
  /** Keyed by "<layer id> <file URL>". */
  private readonly watched = new Map<string, Watched>();
  private readonly watchedLayers = new Set<string>();

  protected start(context: AppContext): void {
    for (const def of context.defs.values()) this.watchLayer(def);
    const follow = () => this.followVisibility();
    this.disposer.add(context.store.subscribe(follow));
    follow();
    this.disposer.listen(window, 'offline', follow);
    this.disposer.listen(window, 'online', follow);
    const catalogueWatch = watchCatalogue(context, (added) => {
      added.forEach((def) => this.watchLayer(def));
      follow();
      this.relabel();
    });
    this.disposer.add(() => {
      catalogueWatch?.stop();
      for (const entry of this.watched.values()) entry.watch.stop();
    });
  }

  override relabel(): void {
    for (const entry of this.watched.values()) if (entry.note) showRefreshNote(entry.def.id, entry.note);
  }

  override dispose(): void {
    super.dispose();
    for (const entry of this.watched.values()) showRefreshNote(entry.def.id, null);
    this.watched.clear();
    this.watchedLayers.clear();
  }

  private setNote(entry: Watched, note: RefreshNote | null): void {
    entry.note = note;
    showRefreshNote(entry.def.id, note);
  }

  private reload(entry: Watched, at: Date): void {
    entry.version++;
    const url = versionedUrl(entry.dataUrl, entry.version);
    const archive = traitsOf(entry.def.source).pmtiles ? pinnedArchive(url, () => void entry.watch.checkNow(true)) : undefined;
    if (this.context.sync.reloadLayer(entry.def.id, url, archive)) {
      entry.updated = { kind: 'updated', at };
      this.setNote(entry, entry.updated);
      this.context.events.emit('layer-reloaded', { id: entry.def.id, url });
    }
  }

  private watchLayer(def: LayerDefinition): void {
    if (!def.refresh || !traitsOf(def.source).refresh || this.watchedLayers.has(def.id)) return;
    this.watchedLayers.add(def.id);
    const files = new Set([def.source.url, ...(def.source.series ?? []).map((entry) => entry.url)]);
    for (const file of files) this.watchFile(def, file, def.refresh);
  }

  private watchFile(def: LayerDefinition, file: string, seconds: number): void {
    const dataUrl = resolveDataUrl(file, document.baseURI);
    if (!/^https?:/.test(dataUrl)) return;
    const entry: Watched = { def, dataUrl, version: 0, note: null, updated: null, watch: undefined as unknown as RefreshWatch };
    entry.watch = new RefreshWatch(dataUrl, seconds * 1000, {
      changed: (_version, at) => this.reload(entry, at),
      failed: (_error, at) => this.setNote(entry, { kind: 'failed', at }),
      unchanged: () => {
        if (entry.note?.kind === 'failed') this.setNote(entry, entry.updated);
      },
    });
    // From the first tile on, an ETag mismatch means "the file changed", never a silent re-read.
    if (traitsOf(def.source).pmtiles && file === def.source.url) this.context.sync.addRuntimeLayer(def, pinnedArchive(dataUrl, () => void entry.watch.checkNow(true)));
    this.watched.set(`${def.id} ${file}`, entry);
  }

  /** Polls only what is on the map: a hidden layer is checked again when it is shown. */
  private followVisibility(): void {
    const visible = this.context.store.get().visible;
    // offline: no checks (they could only fail); they start again with the connection
    const online = navigator.onLine !== false;
    for (const entry of this.watched.values()) {
      const id = entry.def.id;
      if (!online && entry.watch.isRunning) entry.watch.stop();
      else if (online && visible.has(id) && !entry.watch.isRunning) entry.watch.start();
      else if (!visible.has(id) && entry.watch.isRunning) entry.watch.stop();
    }
  }
}

export const controller: ControllerFactory = () => new RefreshController();

/**
 * Re-reads catalogue.json every `refresh` seconds of the catalogue (or of its most frequent
 * layer) and adds the layers of new ids to the catalogue, the map's definitions and the panel.
 */
function watchCatalogue(context: AppContext, onAdded: (defs: LayerDefinition[]) => void): RefreshWatch | null {
  const { catalogue, store, sync, notices } = context;
  const layerRefresh = [...context.defs.values()].flatMap((def) => (def.refresh ? [def.refresh] : []));
  const seconds = catalogue.refresh ?? (layerRefresh.length > 0 ? Math.min(...layerRefresh) : 0);
  if (!seconds) return null;
  const base = context.resolveUrl('layers/');
  const update = async () => {
    const known = new Set(catalogue.layers.map((layer) => layer.id));
    const result = await readCatalogueUpdate(base, known, fetchFreshText);
    if (result.added.length === 0) return;
    for (const group of result.groups) {
      if (!catalogue.groups.some((other) => other.id === group.id)) catalogue.groups.push(group);
    }
    catalogue.layers.push(...result.added);
    const defs = result.added.flatMap((layer) => (layer.def ? [layer.def] : []));
    defs.forEach((def) => sync.addRuntimeLayer(def));
    store.update((state) => {
      const visible = new Map(state.visible);
      for (const def of defs) if (def.visible) visible.set(def.id, def.opacity ?? 1);
      return { order: mergeOrder(state.order, result.order, defs.map((def) => def.id)), visible };
    });
    context.events.emit('catalogue-changed', { added: defs.map((def) => def.id) });
    onAdded(defs);
    notices.show(t('refresh.new_layers', { count: result.added.length, titles: defs.map((def) => pick(def.title)).join(', ') }));
  };
  const watch = new RefreshWatch(new URL('catalogue.json', base).href, seconds * 1000, {
    changed: () => {
      update().catch((error: unknown) => console.warn('catalogue refresh failed', error));
    },
    failed: () => undefined, // the layers' own lines tell the user when the server is away
  });
  watch.start();
  return watch;
}
