// The dates of a comparison: which time the right map shows (its own, or the left's), the date
// badges on each half, and what the compare panel's date section shows. The left side is the
// main map, whose time is the time control's (context.times.current()).
import type { LayerDefinition } from '../catalogue/types';
import { currentLang, pick } from '../i18n';
import { fetchDataAccess } from '../queries/identify_data';
import { collectTimes, timeKindOf } from '../queries/time_collect';
import type { CompareMap } from '../map/compare_map';
import type { TimeSelection } from '../state/time_state';
import type { CompareBadges, SideLabel } from '../ui/compare_badges';
import type { CompareDatesModel } from '../ui/compare_dates';
import type { CompareState } from '../state/codecs/compare';
import { anotherTime, rightSelection, rightTimeLayer, sideTimeWanted } from '../ui/compare_time';
import { formatSelection } from '../ui/time_format';
import type { AppContext } from './context';

interface Shown { def: LayerDefinition; values: string[]; selection: TimeSelection }

export interface CompareRightTime {
  /** Works out and draws the right side's time; true when what it shows changed. */
  refresh(state: CompareState, right: CompareMap, badges: CompareBadges): Promise<boolean>;
  /** The panel's date section for the comparison. */
  model(state: CompareState): CompareDatesModel;
  /** "Same layer, another date": the left's time layer and a time of it the left does not show. */
  anotherDate(): Promise<{ layerId: string; time: TimeSelection } | null>;
  forget(): void;
}

export function createCompareRightTime(context: AppContext): CompareRightTime {
  return new RightTime(context);
}

class RightTime implements CompareRightTime {
  private readonly data;
  private readonly cache = new Map<string, Promise<string[]>>();
  private shown: Shown | null = null;
  private generation = 0;

  constructor(private readonly context: AppContext) {
    this.data = fetchDataAccess(context.resolveUrl);
  }

  async refresh(state: CompareState, right: CompareMap, badges: CompareBadges): Promise<boolean> {
    const app = this.context.store.get();
    const left = this.context.times.current();
    const def = rightTimeLayer(state.right, app.order, this.context.defs, left?.layerId);
    const run = ++this.generation;
    const values = def ? await this.timesOf(def) : [];
    if (run !== this.generation) return false; // a newer refresh runs
    const before = this.key();
    if (!def || values.length === 0) {
      this.shown = null;
      right.showTime(null);
    } else {
      // Following the left: its resolved time when it is the same layer, else the map's asked time.
      const leftTime = left?.layerId === def.id ? left.selection : app.time;
      const selection = rightSelection(def, values, state.rightTime, leftTime);
      this.shown = { def, values, selection };
      right.showTime(def, sideTimeWanted(def, values, selection));
    }
    badges.set(this.shown ? this.leftLabel() : null, this.rightLabel());
    return before !== this.key();
  }

  model(state: CompareState): CompareDatesModel {
    const left = this.leftLabel();
    const { shown } = this;
    return {
      lang: currentLang(),
      left: left ? { title: left.title } : null,
      right: shown && {
        title: pick(shown.def.title), kind: timeKindOf(shown.def), values: shown.values, selection: shown.selection,
        own: Boolean(state.rightTime), allowRange: !shown.def.source.series,
      },
    };
  }

  async anotherDate(): Promise<{ layerId: string; time: TimeSelection } | null> {
    const left = this.context.times.current();
    const def = left ? this.context.defs.get(left.layerId) : undefined;
    if (!left || !def) return null;
    const time = anotherTime(await this.timesOf(def), left.selection);
    return time && { layerId: def.id, time };
  }

  forget(): void {
    this.generation++;
    this.shown = null;
  }

  /** What the right side shows, to tell whether a refresh changed it. */
  private key(): string {
    const { shown } = this;
    return JSON.stringify(shown && { id: shown.def.id, selection: shown.selection, values: shown.values.length });
  }

  private timesOf(def: LayerDefinition): Promise<string[]> {
    let pending = this.cache.get(def.id);
    if (!pending) {
      // A layer whose times cannot be read has no date picker; the time control reports why.
      pending = collectTimes(def, this.data).catch(() => []);
      this.cache.set(def.id, pending);
    }
    return pending;
  }

  private leftLabel(): SideLabel | null {
    const left = this.context.times.current();
    const def = left ? this.context.defs.get(left.layerId) : undefined;
    return left && def ? { time: left.label, title: pick(def.title) } : null;
  }

  private rightLabel(): SideLabel | null {
    const { shown } = this;
    return shown ? { time: formatSelection(timeKindOf(shown.def), shown.selection, currentLang()), title: pick(shown.def.title) } : null;
  }
}
