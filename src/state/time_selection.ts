// Which time a layer shows: the URL's request snapped to the layer's actual times (or the
// default: a series' own date, else every time), and the next step when playing. Pure.
import type { LayerDefinition } from '../catalogue/types';
import { timeKindOf } from '../queries/time_kind';
import { nearestTime } from '../queries/time_values';
import type { ShownTime, TimeSelection } from './time_state';

/** The series date whose file is the layer's own source.url (the date shown first). */
export function dateOfUrl(def: LayerDefinition): string | undefined {
  return def.source.series?.find((entry) => entry.url === def.source.url)?.date;
}

/** The selection a layer shows for what the URL asks (null: nothing asked), snapped to its times. */
export function resolveSelection(def: LayerDefinition, values: string[], asked: TimeSelection | null): TimeSelection {
  const kind = timeKindOf(def);
  const first = values[0] ?? '';
  const snap = (value: string) => nearestTime(kind, values, value) ?? first;
  if (def.source.series) {
    // One image at a time: a range shows its start.
    const wanted = asked ? (asked.mode === 'single' ? asked.value : asked.from) : dateOfUrl(def) ?? first;
    return { mode: 'single', value: snap(wanted) };
  }
  if (!asked) return { mode: 'range', from: first, to: values[values.length - 1] ?? first };
  if (asked.mode === 'single') return { mode: 'single', value: snap(asked.value) };
  const [from, to] = [snap(asked.from), snap(asked.to)];
  return values.indexOf(from) <= values.indexOf(to) ? { mode: 'range', from, to } : { mode: 'range', from: to, to: from };
}

/** One step forward (single: next time; range: the end grows); null at the end. */
export function nextSelection(values: string[], selection: TimeSelection, restart: boolean): TimeSelection | null {
  const last = values.length - 1;
  if (selection.mode === 'single') {
    const index = values.indexOf(selection.value);
    if (index >= last) return restart ? { mode: 'single', value: values[0]! } : null;
    return { mode: 'single', value: values[index + 1]! };
  }
  const to = values.indexOf(selection.to);
  if (to >= last) return restart ? { ...selection, to: selection.from } : null;
  return { ...selection, to: values[to + 1]! };
}

/**
 * The file a layer shows now: for a series layer driven by the time control, that date's file;
 * otherwise its source.url. For identify, reports and exports of what is on screen.
 */
export function shownUrl(def: LayerDefinition, time: { layerId: string; selection: TimeSelection } | null): string {
  if (!def.source.series || time?.layerId !== def.id) return def.source.url;
  const date = time.selection.mode === 'single' ? time.selection.value : time.selection.from;
  return def.source.series.find((entry) => entry.date === date)?.url ?? def.source.url;
}

/** The file a layer shows on the map now (its series date, or its own url): what queries read. */
export function shownFileOf(def: LayerDefinition, shown: ShownTime | undefined): string {
  return shownUrl(def, shown ?? null);
}
