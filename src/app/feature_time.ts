// Time-enabled layers: when one is visible, a time control steps through its actual times and
// the map shows that time (attribute filter, or the series' file of that date), with the time
// written on the map. With several visible, the control drives the topmost, or the one the user
// picks in it (timelayer= in the hash); the others show their catalogue default (every time, or
// the series' own date). The time lives in the URL hash (time= / from= & to=, see
// state/time_state.ts); what every time layer shows is readable by identify and exports (shownTimes()).
import type { LayerDefinition } from '../catalogue/types';
import { currentLang, pick, t } from '../i18n';
import { fetchDataAccess } from '../queries/identify_data';
import { collectTimes, isTimeLayer, timeKindOf } from '../queries/time_collect';
import { timeFilter } from '../queries/time_filter';
import type { AppState } from '../state/app_state';
import { decodeDriver, decodeTime, encodeDriver, encodeTime, sameSelection, type ShownTime, type TimeSelection } from '../state/time_state';
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
  type Shown = { def: LayerDefinition; values: string[]; selection: TimeSelection };
  /** The driven layer, then the other visible time layers (each on its default time). */
  let shown: Shown | null = null;
  let others: Shown[] = [];
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
    drive: (layerId) => {
      player.stop();
      store.update((state) => ({ extra: encodeDriver(state.extra, layerId) }));
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

  const timeLayersOf = (state: AppState): LayerDefinition[] =>
    state.order.filter((id) => state.visible.has(id)).flatMap((id) => defs.get(id) ?? []).filter(isTimeLayer);
  /** The layer the user chose, while it is visible; else the topmost time layer. */
  const drivenOf = (state: AppState, candidates: LayerDefinition[]): LayerDefinition | undefined => {
    const chosen = decodeDriver(state.extra);
    return candidates.find((def) => def.id === chosen) ?? candidates[0];
  };
  const shownTime = ({ def, values, selection }: Shown, driven: boolean): ShownTime => ({
    layerId: def.id, title: pick(def.title), kind: timeKindOf(def), selection, driven,
    label: formatSelection(timeKindOf(def), selection, currentLang()),
    filter: def.source.series ? null : timeFilter(def.time ?? { kind: 'date' }, values, selection),
  });

  function render(): void {
    if (!shown) {
      control.element.hidden = true;
      label.hide();
      context.times.set([]);
      return;
    }
    const { def, values, selection } = shown;
    const lang = currentLang();
    const kind = timeKindOf(def);
    const text = formatSelection(kind, selection, lang);
    const model: TimeControlModel = {
      layerId: def.id, title: pick(def.title), kind, values, selection, playing: player.playing, speed, lang,
      allowRange: !def.source.series,
      choices: [def, ...others.map((other) => other.def)]
        .map((layer) => ({ id: layer.id, title: pick(layer.title) }))
        .sort((a, b) => store.get().order.indexOf(a.id) - store.get().order.indexOf(b.id)),
    };
    control.update(model);
    control.element.hidden = false;
    label.show(text, pick(def.title));
    context.times.set([shownTime(shown, true), ...others.map((other) => shownTime(other, false))]);
  }

  const update = async () => {
    const state = store.get();
    const candidates = timeLayersOf(state);
    const def = drivenOf(state, candidates);
    const run = ++generation;
    if (shown && shown.def.id !== def?.id) layers.clear(shown.def);
    if (!def) {
      player.stop();
      shown = null;
      others = [];
      return render();
    }
    const values = await timesOf(def);
    // The other time layers keep their default time; their times only label exports.
    const rest = await Promise.all(candidates.filter((other) => other !== def).map(async (other) => {
      const times = await timesOf(other);
      return { def: other, values: times, selection: resolveSelection(other, times, null) };
    }));
    if (run !== generation) return;
    const before = JSON.stringify([shown?.def.id, shown?.selection, others.map((o) => o.def.id)]);
    others = rest.filter((other) => other.values.length > 0);
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
    shown = { def, values, selection };
    if (before !== JSON.stringify([def.id, selection, others.map((o) => o.def.id)])) render();
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
