// Which time each side of a comparison shows. The left side is the main map (its time control);
// the right side shows its own time layer at the comparison's right time, or at the left's time
// when none was chosen. Pure (no DOM, no maplibre): the feature and the unit tests share it.
import type { LayerDefinition } from '../catalogue/types';
import { isTimeLayer } from '../queries/time_collect';
import { timeFilter, type FilterExpression } from '../queries/time_filter';
import { resolveSelection } from '../state/time_selection';
import type { TimeSelection } from '../state/time_state';

/** What the right map's time glue draws for one layer (see map/time_layers.ts). */
export interface SideTimeWanted {
  filter: FilterExpression | null;
  date?: string;
  preload?: string;
  visible: boolean;
}

/**
 * The right side's time layer: the layer the left's time control drives, when the right shows
 * it too (same layer, another date); else the right's topmost time-enabled layer.
 */
export function rightTimeLayer(
  rightIds: readonly string[],
  order: readonly string[],
  defs: ReadonlyMap<string, LayerDefinition>,
  leftDriven: string | undefined,
): LayerDefinition | undefined {
  const candidates = order.filter((id) => rightIds.includes(id)).flatMap((id) => defs.get(id) ?? []).filter(isTimeLayer);
  return candidates.find((def) => def.id === leftDriven) ?? candidates[0];
}

/** The right side's selection: its own time, else the left's, snapped to the layer's times. */
export function rightSelection(
  def: LayerDefinition,
  values: string[],
  own: TimeSelection | undefined,
  left: TimeSelection | null,
): TimeSelection {
  return resolveSelection(def, values, own ?? left);
}

/** The filter (attribute layers) or file date (series) the right map shows for a selection. */
export function sideTimeWanted(def: LayerDefinition, values: string[], selection: TimeSelection): SideTimeWanted {
  const end = selection.mode === 'single' ? selection.value : selection.to;
  const next = values[(values.indexOf(end) + 1) % Math.max(1, values.length)];
  return {
    filter: def.source.series ? null : timeFilter(def.time ?? { kind: 'date' }, values, selection),
    date: def.source.series && selection.mode === 'single' ? selection.value : undefined,
    preload: def.source.series ? next : undefined,
    visible: true,
  };
}

/**
 * "Same layer, another date": a time of the layer other than what the left shows — the last
 * one, or the first when the left already ends on the last. Null when the layer has one time.
 */
export function anotherTime(values: readonly string[], left: TimeSelection | null): TimeSelection | null {
  if (values.length < 2) return null;
  const first = values[0]!;
  const last = values[values.length - 1]!;
  const leftEnd = left ? (left.mode === 'single' ? left.value : left.to) : undefined;
  return { mode: 'single', value: leftEnd === last ? first : last };
}
