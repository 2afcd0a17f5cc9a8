// "Add data": a toolbar button opens a form in the side sheet to add a COG or a PMTiles archive
// by URL or from a local file (read in place, never uploaded). The data gets a default style,
// a row under "Mes données" and the map fits to it. URLs are kept in the hash (`add=<url>`,
// repeatable) so a link opens with the same data; they are read back at start-up.
import { sheetCover } from '../ui/sheet_cover';
import type { LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import type { LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import { checkDataUrl, displayName, type UrlCheck } from '../queries/default_style_source';
import { setOpacity, setVisible } from '../state/layer_ops';
import { AddDataError, openFile, openUrl, type AddedData } from '../ui/add_data_open';
import { renderAddDataForm, type AddDataForm } from '../ui/add_data_form';
import { mountAddedLayers, type AddedLayersPanel } from '../ui/add_data_panel';
import { renderAddedInfo } from '../ui/add_data_info';
import type { AppContext } from './context';
import type { ControllerFactory } from './controller';
import { FeatureController } from './feature_controller';
import { toolButton } from '../ui/toolbar';
import { AoiReadError } from '../queries/aoi_geometry_types';
import { errorText as aoiErrorText } from '../ui/aoi_messages';

const ADDED_ID = /^add-[0-9a-f]{8}(-\d+)?$/;

class AddDataController extends FeatureController {
  /** Layer id → what it came from. */
  private readonly added = new Map<string, AddedData>();
  private panel!: AddedLayersPanel;
  private form: AddDataForm | null = null;

  protected start(context: AppContext): void {
    const { store, statuses, sheet } = context;
    this.panel = mountAddedLayers({
      toggle: (id, on) => store.update((state) => setVisible(state, id, on, 1)),
      opacity: (id, value) => store.update((state) => setOpacity(state, id, value)),
      info: (def) => {
        const data = this.added.get(def.id);
        if (data) sheet.open(pick(def.title), renderAddedInfo(def, data), { id: 'add-data-info' });
      },
      remove: (id) => this.removeLayer(id),
    });
    this.disposer.add(() => this.panel.detach());
    const refreshPanel = () => this.refreshPanel();
    this.disposer.add(store.subscribe(refreshPanel));
    this.disposer.add(statuses.subscribe(refreshPanel));
    const button = this.disposer.node(toolButton(context.toolbar, 'add-data-button'));
    this.disposer.listen(button, 'click', () => this.openForm());
    void this.loadFromHash();
  }

  override relabel(): void {
    this.panel.attach();
    this.refreshPanel();
    this.rowsChanged();
    if (this.context.sheet.current() === 'add-data') this.openForm();
  }

  /** Takes the feature out with the layers it added. */
  override dispose(): void {
    const { sheet } = this.context;
    if (sheet.current() === 'add-data' || sheet.current() === 'add-data-info') sheet.close();
    for (const id of [...this.added.keys()]) this.removeLayer(id);
    super.dispose();
  }

  /** The rows were built anew: the band picker (feature_bands.ts) puts its pickers back. */
  private rowsChanged(): void {
    this.context.events.emit('added-layers-changed', { ids: [...this.added.keys()] });
  }

  private refreshPanel(): void {
    this.panel.update(this.context.store.get(), this.context.statuses.get().map);
  }

  private openForm(): void {
    this.form = renderAddDataForm({ addUrl: (text) => this.addUrl(text), addFiles: (files) => this.addFiles(files) });
    this.context.sheet.open(t('add_data.title'), this.form.element, { id: 'add-data', focus: false });
    this.form.element.querySelector<HTMLInputElement>('#add-data-url')?.focus();
  }

  private async addUrl(text: string): Promise<void> {
    const check = checkDataUrl(text);
    if (!check.ok) return this.form?.say('error', urlProblem(check, text));
    await this.load(displayName(check.url), () => openUrl(check.url));
  }

  private async addFiles(files: File[]): Promise<void> {
    for (const file of files) await this.load(file.name, () => openFile(file));
  }

  /** Opens with progress and the outcome in the form. */
  private async load(name: string, open: () => Promise<AddedData>): Promise<void> {
    const { form } = this;
    form?.setBusy(true);
    form?.say('busy', t('add_data.opening', { name }));
    try {
      const data = await open();
      this.show(data, true);
      const done = data.defs.length > 1 ? t('add_data.added_layers', { name, count: data.defs.length }) : t('add_data.added', { name });
      form?.say('ok', data.skipped > 0 ? `${done}\n${t('add_data.skipped', { count: data.skipped })}` : done);
    } catch (error) {
      form?.say('error', describeError(error, name));
    } finally {
      form?.setBusy(false);
    }
  }

  /** Registers the layers, shows them on top, remembers the URL in the hash, fits the map. */
  private show(data: AddedData, fit: boolean): void {
    const ids = data.defs.map((def) => def.id);
    for (const def of data.defs) {
      this.context.sync.addRuntimeLayer(def, data.archive);
      this.added.set(def.id, data);
      this.panel.add(def);
    }
    this.context.store.update((state) => ({
      order: [...ids, ...state.order.filter((id) => !ids.includes(id))],
      visible: withVisible(state.visible, ids),
      add: data.local || state.add.includes(data.key) ? state.add : [...state.add, data.key],
    }));
    this.rowsChanged();
    if (fit && data.bounds) this.context.map.fitBounds(data.bounds as LngLatBoundsLike, { padding: fitPadding(), maxZoom: 18, duration: 0 });
  }

  private removeLayer(id: string): void {
    const data = this.added.get(id);
    this.added.delete(id);
    this.panel.remove(id);
    const stillUsed = [...this.added.values()].includes(data as AddedData);
    this.context.store.update((state) => {
      const visible = new Map(state.visible);
      visible.delete(id);
      const add = data && !stillUsed ? withoutUrl(state.add, data.key) : state.add;
      const bands = new Map(state.bands);
      bands.delete(id);
      return { order: state.order.filter((other) => other !== id), visible, add, bands };
    });
    this.context.sync.removeRuntimeLayer(id);
    this.rowsChanged();
    if (data?.local && !stillUsed) URL.revokeObjectURL(data.key);
  }

  /** `add=<url>` entries of the link, in order; failures become notices, the rest of the app goes on. */
  private async loadFromHash(): Promise<void> {
    const { map, store, notices } = this.context;
    const urls = store.get().add;
    if (urls.length === 0) return;
    const keepView = /(^#|&)map=/.test(window.location.hash);
    await whenMapLoaded(map);
    const shown: AddedData[] = [];
    for (const text of urls) {
      const check = checkDataUrl(text);
      try {
        if (!check.ok) throw new Error(urlProblem(check, text));
        const data = await openUrl(check.url);
        this.show(data, false);
        shown.push(data);
      } catch (error) {
        notices.show(t('add_data.hash_failed', { name: displayName(text), message: describeError(error, displayName(text)) }), 'error');
        store.update((state) => ({ add: withoutUrl(state.add, text) }));
      }
    }
    this.dropOrphans();
    const bounds = unionBounds(shown);
    if (!keepView && bounds) map.fitBounds(bounds as LngLatBoundsLike, { padding: fitPadding(), maxZoom: 18, duration: 0 });
  }

  /** `layers=add-…` ids whose data did not come back (e.g. a local file) are dropped quietly. */
  private dropOrphans(): void {
    const { store } = this.context;
    const orphans = [...store.get().visible.keys()].filter((id) => ADDED_ID.test(id) && !this.added.has(id));
    if (orphans.length === 0) return;
    store.update((state) => {
      const visible = new Map(state.visible);
      orphans.forEach((id) => visible.delete(id));
      return { visible };
    });
  }
}

export const controller: ControllerFactory = () => new AddDataController();

function whenMapLoaded(map: MapLibreMap): Promise<void> {
  return map.loaded() || map.isStyleLoaded() ? Promise.resolve() : new Promise((resolve) => map.once('load', () => resolve()));
}

/** Keeps the data clear of the side sheet when it covers the right of the map. */
function fitPadding(): { top: number; bottom: number; left: number; right: number } {
  const map = document.getElementById('map');
  const covered = map ? sheetCover(map, false).right : 0;
  const right = covered > 0 && covered < (map?.clientWidth ?? 0) / 2 ? covered + 20 : 40;
  return { top: 40, bottom: 40, left: 40, right };
}

function withVisible(visible: Map<string, number>, ids: string[]): Map<string, number> {
  const next = new Map(visible);
  for (const id of ids) next.set(id, visible.get(id) ?? 1);
  return next;
}

function withoutUrl(urls: readonly string[], url: string): readonly string[] {
  return urls.filter((other) => other !== url);
}

function urlProblem(check: Exclude<UrlCheck, { ok: true }>, text: string): string {
  if (check.reason === 'empty') return t('add_data.url_empty');
  if (check.reason === 'scheme') return t('add_data.url_scheme', { scheme: check.scheme ?? '' });
  return t('add_data.url_invalid', { url: text.trim().slice(0, 200) });
}

function describeError(error: unknown, name: string): string {
  if (error instanceof AoiReadError) return aoiErrorText(name, error);
  if (error instanceof AddDataError) {
    if (error.code === 'html') return t('add_data.html', { name });
    if (error.code === 'not_data') return t('add_data.not_data', { name });
    if (error.code === 'empty') return t('add_data.empty', { name });
    if (error.code === 'blocked') return t('cog_sources.blocked', { name });
    return t('add_data.open_failed', { name, message: error.detail });
  }
  return error instanceof Error ? error.message : String(error);
}

function unionBounds(list: AddedData[]): [number, number, number, number] | null {
  const all = list.map((data) => data.bounds).filter((b): b is [number, number, number, number] => b !== null);
  if (all.length === 0) return null;
  return [Math.min(...all.map((b) => b[0])), Math.min(...all.map((b) => b[1])), Math.max(...all.map((b) => b[2])), Math.max(...all.map((b) => b[3]))];
}

/** For tests and the integrator: whether a layer id belongs to added data. */
export function isAddedLayerId(id: string, defs: ReadonlyMap<string, LayerDefinition>): boolean {
  return ADDED_ID.test(id) && defs.get(id)?.group === 'mes-donnees';
}
