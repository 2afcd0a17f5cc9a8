// Puts the UI pieces on the page and rebuilds them when the language changes.
import type { Catalogue } from '../catalogue/load';
import type { LayerDefinition, Lang } from '../catalogue/types';
import { pick, setLang, t } from '../i18n';
import type { AppState } from '../state/app_state';
import type { LayerStatus } from '../state/layer_status';
import { moveAmongShown, moveNextTo, setOpacity, setVisible } from '../state/layer_ops';
import type { Store } from '../state/store';
import { mountAttribution } from '../ui/attribution';
import { mountInfoDialog } from '../ui/info_dialog';
import { mountLangToggle } from '../ui/lang_toggle';
import { mountLayerPanel, type PanelActions } from '../ui/layer_panel';
import { mountToolbar, relabelTools } from '../ui/toolbar';
import { mountShownLayers, type ShownLayersActions } from '../ui/shown_layers';
import { mountMapLegend } from '../ui/map_legend';
import type { Notices } from '../ui/notices';
import type { AppEvents } from './app_events';

export interface UiContext {
  catalogue: Catalogue;
  defs: ReadonlyMap<string, LayerDefinition>;
  store: Store<AppState>;
  statuses: Store<{ map: Map<string, LayerStatus> }>;
  notices: Notices;
  events: AppEvents;
}

export interface Ui {
  refresh(): void;
  switchLang(lang: Lang): Promise<void>;
}

export function mountUi(context: UiContext): Ui {
  const ui = new UiPieces(context);
  // A refreshed catalogue added layers (feature_refresh): rebuild the panel with them.
  context.events.on('catalogue-changed', () => ui.rebuildPanel());
  mountToolbar(document.getElementById('toolbar')!);
  wireSkipLink();
  wirePanelToggle(document.getElementById('panel-host')!);
  ui.renderChrome(context.store.get().lang);
  ui.refresh();
  return {
    refresh: () => ui.refresh(),
    switchLang: (lang) => ui.switchLang(lang),
  };
}

/** The layer panel, the shown-layers list, the legend, the attribution and the info dialog. */
class UiPieces {
  private readonly panelHost = document.getElementById('panel-host')!;
  private readonly mapHost = document.getElementById('map-host')!;
  private readonly actions: PanelActions;
  private readonly shownActions: ShownLayersActions;
  private info!: ReturnType<typeof mountInfoDialog>;
  private panel!: ReturnType<typeof mountLayerPanel>;
  private shown!: ReturnType<typeof mountShownLayers>;
  private legend!: ReturnType<typeof mountMapLegend>;
  private attribution!: ReturnType<typeof mountAttribution>;

  constructor(private readonly context: UiContext) {
    const { store, defs } = context;
    this.actions = {
      toggle: (id, on) => store.update((state) => setVisible(state, id, on, defs.get(id)?.opacity ?? 1)),
      opacity: (id, value) => store.update((state) => setOpacity(state, id, value)),
      reorder: (id, targetId, position) =>
        store.update((state) => ({ order: moveNextTo(state.order, id, targetId, position) })),
      info: (def, opener) => this.info.open(def, this.groupTitle(def.group), opener),
    };
    this.shownActions = {
      moveShown: (id, step) => store.update((state) => ({ order: moveAmongShown(state.order, new Set(state.visible.keys()), id, step) })),
      reorder: this.actions.reorder,
      toggle: this.actions.toggle,
    };
    this.mountPieces();
  }

  refresh(): void {
    const { store, statuses } = this.context;
    this.panel.update(store.get(), statuses.get().map);
    this.shown.update(store.get());
    this.legend.update(store.get());
    this.attribution.update(store.get());
  }

  rebuildPanel(): void {
    this.panel.element.remove();
    this.panel = mountLayerPanel(this.panelHost, this.context.catalogue, this.actions);
    this.refresh();
  }

  renderChrome(lang: Lang): void {
    document.getElementById('app-subtitle')!.textContent = t('app.subtitle');
    document.getElementById('map')!.setAttribute('aria-label', t('app.map_label'));
    document.getElementById('panel-toggle')!.setAttribute('aria-label', t('panel.toggle_panel'));
    document.getElementById('skip-link')!.textContent = t('toolbar.skip_to_map');
    relabelTools();
    const tools = document.getElementById('header-tools')!;
    tools.replaceChildren();
    mountLangToggle(tools, lang, (next) => this.context.store.update(() => ({ lang: next })));
  }

  async switchLang(lang: Lang): Promise<void> {
    await setLang(lang);
    document.documentElement.lang = lang;
    document.getElementById('layer-info')?.remove();
    this.panel.element.remove();
    this.shown.element.remove();
    this.legend.element.remove();
    document.getElementById('attribution')?.remove();
    this.mountPieces();
    this.renderChrome(lang);
    this.refresh();
    document.getElementById('lang-toggle')?.focus();
  }

  private mountPieces(): void {
    const { catalogue, defs } = this.context;
    this.info = mountInfoDialog(document.body);
    this.panel = mountLayerPanel(this.panelHost, catalogue, this.actions);
    this.shown = mountShownLayers(this.panelHost, defs, this.shownActions);
    this.legend = mountMapLegend(this.mapHost, defs);
    this.attribution = mountAttribution(this.mapHost, defs);
  }

  private groupTitle(id: string): string {
    const group = this.context.catalogue.groups.find((candidate) => candidate.id === id);
    return group ? pick(group.title) : id;
  }
}

/** On small screens the panel is a sheet the user opens and closes. */
function wirePanelToggle(panelHost: HTMLElement): void {
  const button = document.getElementById('panel-toggle')!;
  const narrow = window.matchMedia('(max-width: 700px)');
  const setOpen = (open: boolean) => {
    panelHost.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  setOpen(!narrow.matches);
  button.addEventListener('click', () => setOpen(panelHost.hidden));
}

/** The skip link lands on the map's canvas, which takes keys (arrows pan, Enter identifies). */
function wireSkipLink(): void {
  document.getElementById('skip-link')!.addEventListener('click', (event) => {
    const canvas = document.querySelector<HTMLElement>('#map canvas');
    if (!canvas) return;
    event.preventDefault();
    canvas.focus();
  });
}
