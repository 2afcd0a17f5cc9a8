// MapLibre filter expressions that keep the features of one time or of a range of times.
// Pure data (no maplibre import): the map glue passes them to setFilter, so the tiles
// already loaded are filtered again without being fetched.
import type { TimeSpec } from '../catalogue/types';
import { timeBounds, valuesBetween } from './time_values';
import type { TimeSelection } from '../state/time_state';

export type FilterExpression = unknown[];

/** The attribute as comparable text: "1990" for years (numbers, strings or dates), "2019-05-04" for dates. */
function timeKey(spec: TimeSpec & { field: string }): FilterExpression {
  const text = ['to-string', ['get', spec.field]];
  if (spec.kind === 'year') return ['slice', text, 0, 4];
  if (spec.kind === 'date') return ['slice', text, 0, 10];
  return text;
}

/**
 * The filter for a selection, or null when it keeps everything (no selection, or a range
 * over every value: features without a time then stay visible too).
 */
export function timeFilter(spec: TimeSpec, values: readonly string[], selection: TimeSelection | null): FilterExpression | null {
  if (!spec.field || !selection) return null;
  const field = { ...spec, field: spec.field };
  if (selection.mode === 'single') return ['==', timeKey(field), selection.value];
  const chosen = valuesBetween(values, selection.from, selection.to);
  if (chosen.length === values.length && values.length > 0) return null;
  // Periods are labels ("1990-1999"): keep the listed ones. Years and dates compare as text.
  if (spec.kind === 'period') return ['in', timeKey(field), ['literal', chosen]];
  const [from] = timeBounds(spec.kind, selection.from);
  const [, to] = timeBounds(spec.kind, selection.to);
  return ['all', ['>=', timeKey(field), from], ['<=', timeKey(field), to]];
}

/** A style layer's own filter and the time filter together. */
export function combineFilters(base: unknown[] | undefined, time: FilterExpression | null): FilterExpression | null {
  if (!time) return base ?? null;
  return base ? ['all', base, time] : time;
}
