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
  const { catalogue, defs, store, statuses } = context;
  const panelHost = document.getElementById('panel-host')!;
  const tools = document.getElementById('header-tools')!;
  const mapHost = document.getElementById('map-host')!;
  const groupTitle = (id: string) => {
    const group = catalogue.groups.find((candidate) => candidate.id === id);
    return group ? pick(group.title) : id;
  };
  const actions: PanelActions = {
    toggle: (id, on) => store.update((state) => setVisible(state, id, on, defs.get(id)?.opacity ?? 1)),
    opacity: (id, value) => store.update((state) => setOpacity(state, id, value)),
    reorder: (id, targetId, position) =>
      store.update((state) => ({ order: moveNextTo(state.order, id, targetId, position) })),
    info: (def, opener) => info.open(def, groupTitle(def.group), opener),
  };
  const shownActions: ShownLayersActions = {
    moveShown: (id, step) => store.update((state) => ({ order: moveAmongShown(state.order, new Set(state.visible.keys()), id, step) })),
    reorder: actions.reorder,
    toggle: actions.toggle,
  };
  let info = mountInfoDialog(document.body);
  let panel = mountLayerPanel(panelHost, catalogue, actions);
  let shown = mountShownLayers(panelHost, defs, shownActions);
  let legend = mountMapLegend(mapHost, defs);
  let attribution = mountAttribution(mapHost, defs);

  const refresh = () => {
    panel.update(store.get(), statuses.get().map);
    shown.update(store.get());
    legend.update(store.get());
    attribution.update(store.get());
  };
  const renderChrome = (lang: Lang) => {
    document.getElementById('app-subtitle')!.textContent = t('app.subtitle');
    document.getElementById('map')!.setAttribute('aria-label', t('app.map_label'));
    document.getElementById('panel-toggle')!.setAttribute('aria-label', t('panel.toggle_panel'));
    document.getElementById('skip-link')!.textContent = t('toolbar.skip_to_map');
    relabelTools();
    tools.replaceChildren();
    mountLangToggle(tools, lang, (next) => store.update(() => ({ lang: next })));
  };
  // A refreshed catalogue added layers (feature_refresh): rebuild the panel with them.
  context.events.on('catalogue-changed', () => {
    panel.element.remove();
    panel = mountLayerPanel(panelHost, catalogue, actions);
    refresh();
  });
  mountToolbar(document.getElementById('toolbar')!);
  wireSkipLink();
  wirePanelToggle(panelHost);
  renderChrome(store.get().lang);
  refresh();

  return {
    refresh,
    async switchLang(lang) {
      await setLang(lang);
      document.documentElement.lang = lang;
      document.getElementById('layer-info')?.remove();
      panel.element.remove();
      shown.element.remove();
      legend.element.remove();
      document.getElementById('attribution')?.remove();
      info = mountInfoDialog(document.body);
      panel = mountLayerPanel(panelHost, catalogue, actions);
      shown = mountShownLayers(panelHost, defs, shownActions);
      legend = mountMapLegend(mapHost, defs);
      attribution = mountAttribution(mapHost, defs);
      renderChrome(lang);
      refresh();
      document.getElementById('lang-toggle')?.focus();
    },
  };
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
