// Time-enabled layers: when one is visible (the topmost, if several), a time control steps
// through its actual times and the map shows that time (attribute filter, or the series'
// file of that date), with the time written on the map. The time lives in the URL hash
// (time= / from= & to=, see state/time_state.ts) and is readable by exports (currentTime()).
import type { LayerDefinition } from '../catalogue/types';
import { currentLang, pick, t } from '../i18n';
import { fetchDataAccess } from '../queries/identify_data';
import { collectTimes, isTimeLayer, timeKindOf } from '../queries/time_collect';
import { timeFilter } from '../queries/time_filter';
import type { AppState } from '../state/app_state';
import { decodeTime, encodeTime, sameSelection, setCurrentTime, type TimeSelection } from '../state/time_state';
import { nextSelection, resolveSelection } from '../state/time_selection';
import { TimeLayers } from '../map/time_layers';
import { createTimePlayer } from '../map/time_player';
import { mountTimeControl, type TimeControlModel } from '../ui/time_control';
import { formatSelection } from '../ui/time_format';
import { mountTimeLabel } from '../ui/time_label';
import type { FeatureInstaller } from './context';

export const installTime: FeatureInstaller = (context) => {
  const { map, store, defs } = context;
  const data = fetchDataAccess(context.resolveUrl);
  const layers = new TimeLayers(map, context.resolveUrl, (id, message) => context.sync.reportError(id, message));
  const host = map.getContainer().parentElement ?? document.body;
  const label = mountTimeLabel(host);
  const timesCache = new Map<string, Promise<string[]>>();
  let shown: { def: LayerDefinition; values: string[]; selection: TimeSelection } | null = null;
  let speed = 1;
  let generation = 0;

  const select = (selection: TimeSelection) =>
    store.update((state) => ({ extra: encodeTime(state.extra, selection) }));
  const player = createTimePlayer(map, () => speed, () => {
    if (!shown) return false;
    const next = nextSelection(shown.values, shown.selection, false);
    if (next) select(next);
    return next !== null;
  }, () => render());
  const control = mountTimeControl(host, {
    select: (selection) => {
      player.stop();
      select(selection);
    },
    play: (on) => {
      if (!on) return player.stop();
      // Pressed at the end: start again from the beginning.
      if (shown && !nextSelection(shown.values, shown.selection, false)) select(nextSelection(shown.values, shown.selection, true)!);
      player.start();
    },
    speed: (value) => {
      speed = value;
      render();
    },
  });
  control.element.hidden = true;

  const timesOf = (def: LayerDefinition): Promise<string[]> => {
    let pending = timesCache.get(def.id);
    if (!pending) {
      pending = collectTimes(def, data).catch((error: unknown) => {
        context.notices.show(t('time.values_error', { layer: pick(def.title), message: String(error) }), 'error');
        return [];
      });
      timesCache.set(def.id, pending);
    }
    return pending;
  };

  const activeLayer = (state: AppState): LayerDefinition | undefined =>
    state.order.filter((id) => state.visible.has(id)).map((id) => defs.get(id)).find((def) => def && isTimeLayer(def));

  function render(): void {
    if (!shown) {
      control.element.hidden = true;
      label.hide();
      setCurrentTime(null);
      return;
    }
    const { def, values, selection } = shown;
    const lang = currentLang();
    const kind = timeKindOf(def);
    const text = formatSelection(kind, selection, lang);
    const model: TimeControlModel = {
      layerId: def.id, title: pick(def.title), kind, values, selection, playing: player.playing, speed, lang,
      allowRange: !def.source.series,
    };
    control.update(model);
    control.element.hidden = false;
    label.show(text, pick(def.title));
    setCurrentTime({ layerId: def.id, selection, label: text });
  }

  const update = async () => {
    const state = store.get();
    const def = activeLayer(state);
    const run = ++generation;
    if (shown && shown.def.id !== def?.id) layers.clear(shown.def);
    if (!def) {
      player.stop();
      shown = null;
      return render();
    }
    const values = await timesOf(def);
    if (run !== generation) return;
    if (values.length === 0) {
      shown = null;
      return render();
    }
    const selection = resolveSelection(def, values, decodeTime(state.extra));
    const index = values.indexOf(selection.mode === 'single' ? selection.value : selection.to);
    layers.set(def, {
      filter: def.source.series ? null : timeFilter(def.time ?? { kind: 'date' }, values, selection),
      date: def.source.series && selection.mode === 'single' ? selection.value : undefined,
      preload: values[(index + 1) % values.length],
      visible: true,
    });
    const changed = !shown || shown.def.id !== def.id || !sameSelection(shown.selection, selection);
    shown = { def, values, selection };
    if (changed) render();
  };

  store.subscribe((state, previous) => {
    if (state.extra !== previous.extra || state.visible !== previous.visible || state.order !== previous.order) void update();
  });
  void update();

  return {
    relabel() {
      render();
    },
  };
};
