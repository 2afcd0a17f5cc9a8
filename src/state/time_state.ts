// The map's time: what the user asked (a TimeSelection, kept in the link by codecs/time.ts) and
// what each time layer shows (ShownTime, held by shown_times.ts on the app context).
import type { FilterExpression } from '../queries/time_filter';
import type { TimeKind } from '../queries/time_values';

export { decodeDriver, decodeTime, encodeDriver, encodeTime } from './codecs/time';

export type TimeSelection =
  | { mode: 'single'; value: string }
  | { mode: 'range'; from: string; to: string };

export function sameSelection(a: TimeSelection | null, b: TimeSelection | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What exports and other features read: the time layer and its selection, with a label. */
export interface TimeInfo {
  layerId: string;
  selection: TimeSelection;
  /** In the UI language, e.g. "4 mai 2019" or "1990–2019". */
  label: string;
}

/** What one visible time-enabled layer shows now (the layer the control drives, or its default). */
export interface ShownTime extends TimeInfo {
  /** The layer title in the UI language. */
  title: string;
  kind: TimeKind;
  /** The MapLibre time filter applied to the layer (null: every feature); identify and exports apply the same. */
  filter: FilterExpression | null;
  /** True for the layer the time control drives. */
  driven: boolean;
}
