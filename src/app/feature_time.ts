// Time-enabled layers: when one is visible, a time control steps through its actual times and
// the map shows that time (attribute filter, or the series' file of that date), with the time
// written on the map. With several visible, the control drives the topmost, or the one the user
// picks in it (timelayer= in the hash); the others show their catalogue default (every time, or
// the series' own date). The time lives in the URL hash (time= / from= & to=, see
// state/time_state.ts); what every time layer shows is readable by identify and exports (context.times).
import type { LayerDefinition } from '../catalogue/types';
import { currentLang, pick, t } from '../i18n';
import { fetchDataAccess } from '../queries/identify_data';
import { collectTimes, isTimeLayer, timeKindOf } from '../queries/time_collect';
import { timeFilter } from '../queries/time_filter';
import type { AppState } from '../state/app_state';
import type { ShownTime, TimeSelection } from '../state/time_state';
import { nextSelection, resolveSelection } from '../state/time_selection';
import { TimeLayers } from '../map/time_layers';
import { createTimePlayer, type TimePlayer } from '../map/time_player';
import { mountTimeControl, type TimeControl, type TimeControlActions } from '../ui/time_control';
import { formatSelection } from '../ui/time_format';
import { mountTimeLabel, type TimeLabel } from '../ui/time_label';
import type { AppContext } from './context';
import type { ControllerFactory } from './controller';
import { FeatureController } from './feature_controller';

type Shown = { def: LayerDefinition; values: string[]; selection: TimeSelection };

class TimeController extends FeatureController {
  private layers!: TimeLayers;
  private label!: TimeLabel;
  private control!: TimeControl;
  private player!: TimePlayer;
  private timesOf!: (def: LayerDefinition) => Promise<string[]>;
  /** The driven layer, then the other visible time layers (each on its default time). */
  private shown: Shown | null = null;
  private others: Shown[] = [];
  private speed = 1;
  private generation = 0;

  protected start(context: AppContext): void {
    const { map, store } = context;
    this.timesOf = cachedTimes(context);
    this.layers = new TimeLayers(map, context.resolveUrl, (id, message) => context.sync.reportError(id, message));
    const host = map.getContainer().parentElement ?? document.body;
    this.label = mountTimeLabel(host);
    this.player = createTimePlayer(map, () => this.speed, () => this.step(), () => this.render());
    this.control = mountTimeControl(host, this.controlActions());
    this.control.element.hidden = true;
    this.disposer.add(() => {
      this.player.stop();
      this.layers.dispose();
      this.control.element.remove();
      this.label.element.remove();
      this.publish([]);
    });
    this.disposer.add(store.subscribe((state, previous) => {
      if (state.time !== previous.time || state.timeLayer !== previous.timeLayer || state.visible !== previous.visible || state.order !== previous.order) void this.update();
    }));
    void this.update();
  }

  override relabel(): void {
    this.render();
  }

  override dispose(): void {
    this.generation++;
    super.dispose();
    this.shown = null;
    this.others = [];
  }

  private select(selection: TimeSelection): void {
    this.context.store.update(() => ({ time: selection }));
  }

  /** One step of the player; false at the end. */
  private step(): boolean {
    if (!this.shown) return false;
    const next = nextSelection(this.shown.values, this.shown.selection, false);
    if (next) this.select(next);
    return next !== null;
  }

  private controlActions(): TimeControlActions {
    return {
      select: (selection) => {
        this.player.stop();
        this.select(selection);
      },
      play: (on) => {
        if (!on) return this.player.stop();
        const { shown } = this;
        // Pressed at the end: start again from the beginning.
        if (shown && !nextSelection(shown.values, shown.selection, false)) this.select(nextSelection(shown.values, shown.selection, true)!);
        this.player.start();
      },
      speed: (value) => {
        this.speed = value;
        this.render();
      },
      drive: (layerId) => {
        this.player.stop();
        // another layer's times rarely fit: its own default until the user picks one
        this.context.store.update(() => ({ timeLayer: layerId, time: null }));
      },
    };
  }

  /** What every time layer shows, for identify, exports and the comparison (time-changed). */
  private publish(times: readonly ShownTime[]): void {
    this.context.times.set(times);
  }

  private render(): void {
    const { shown, others, control, label } = this;
    if (!shown) {
      control.element.hidden = true;
      label.hide();
      return this.publish([]);
    }
    const { def, values, selection } = shown;
    const lang = currentLang();
    const kind = timeKindOf(def);
    const order = this.context.store.get().order;
    control.update({
      layerId: def.id, title: pick(def.title), kind, values, selection, playing: this.player.playing, speed: this.speed, lang,
      allowRange: !def.source.series,
      choices: [def, ...others.map((other) => other.def)]
        .map((layer) => ({ id: layer.id, title: pick(layer.title) }))
        .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)),
    });
    control.element.hidden = false;
    label.show(formatSelection(kind, selection, lang), pick(def.title));
    this.publish([shownTime(shown, true), ...others.map((other) => shownTime(other, false))]);
  }

  private async update(): Promise<void> {
    const state = this.context.store.get();
    const candidates = timeLayersOf(state, this.context.defs);
    const chosen = state.timeLayer;
    // The layer the user chose, while it is visible; else the topmost time layer.
    const def = candidates.find((candidate) => candidate.id === chosen) ?? candidates[0];
    const run = ++this.generation;
    if (this.shown && this.shown.def.id !== def?.id) this.layers.clear(this.shown.def);
    if (!def) {
      this.player.stop();
      this.shown = null;
      this.others = [];
      return this.render();
    }
    const values = await this.timesOf(def);
    const rest = await this.defaultTimes(candidates.filter((other) => other !== def));
    if (run !== this.generation) return;
    this.show(def, values, rest, state.time);
  }

  /** The other time layers keep their default time; their times only label exports. */
  private async defaultTimes(defs: LayerDefinition[]): Promise<Shown[]> {
    const rest = await Promise.all(defs.map(async (other) => {
      const times = await this.timesOf(other);
      return { def: other, values: times, selection: resolveSelection(other, times, null) };
    }));
    return rest.filter((other) => other.values.length > 0);
  }

  private show(def: LayerDefinition, values: string[], rest: Shown[], asked: TimeSelection | null): void {
    const key = (shown: Shown | null) => JSON.stringify([shown?.def.id, shown?.selection, this.others.map((o) => o.def.id)]);
    const before = key(this.shown);
    this.others = rest;
    if (values.length === 0) {
      this.shown = null;
      return this.render();
    }
    const selection = resolveSelection(def, values, asked);
    const index = values.indexOf(selection.mode === 'single' ? selection.value : selection.to);
    this.layers.set(def, {
      filter: def.source.series ? null : timeFilter(def.time ?? { kind: 'date' }, values, selection),
      date: def.source.series && selection.mode === 'single' ? selection.value : undefined,
      preload: values[(index + 1) % values.length],
      visible: true,
    });
    this.shown = { def, values, selection };
    if (before !== key(this.shown)) this.render();
  }
}

export const controller: ControllerFactory = () => new TimeController();

/** A layer's times, read once; a failure is said once and the layer gets no control. */
function cachedTimes(context: AppContext): (def: LayerDefinition) => Promise<string[]> {
  const data = fetchDataAccess(context.resolveUrl);
  const cache = new Map<string, Promise<string[]>>();
  return (def) => {
    let pending = cache.get(def.id);
    if (!pending) {
      pending = collectTimes(def, data).catch((error: unknown) => {
        context.notices.show(t('time.values_error', { layer: pick(def.title), message: String(error) }), 'error');
        return [];
      });
      cache.set(def.id, pending);
    }
    return pending;
  };
}

function timeLayersOf(state: AppState, defs: ReadonlyMap<string, LayerDefinition>): LayerDefinition[] {
  return state.order.filter((id) => state.visible.has(id)).flatMap((id) => defs.get(id) ?? []).filter(isTimeLayer);
}

function shownTime({ def, values, selection }: Shown, driven: boolean): ShownTime {
  return {
    layerId: def.id, title: pick(def.title), kind: timeKindOf(def), selection, driven,
    label: formatSelection(timeKindOf(def), selection, currentLang()),
    filter: def.source.series ? null : timeFilter(def.time ?? { kind: 'date' }, values, selection),
  };
}
