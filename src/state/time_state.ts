// The map's time in the URL hash: `time=2019-05-04` (one time) or `from=1990-1999&to=2010-2019`
// (a range). The URL codec keeps these keys in AppState.extra; this module reads and writes
// them there, so links keep the time and other features (exports) can read it.
import type { AppState } from './app_state';
import type { FilterExpression } from '../queries/time_filter';
import type { TimeKind } from '../queries/time_values';

export type TimeSelection =
  | { mode: 'single'; value: string }
  | { mode: 'range'; from: string; to: string };

const TIME_KEYS = ['time', 'from', 'to'] as const;
/** The layer the time control drives, when the user chose one (default: the topmost time layer). */
const DRIVER_KEY = 'timelayer';
const LAYER_ID = /^[A-Za-z0-9_.:-]{1,120}$/;
/** What a time value may hold: years, dates, periods ("1990-1999"), date-times. */
const TIME_TEXT = /^[0-9][0-9A-Za-z:.+–-]{0,40}$/;

function readKey(extra: AppState['extra'], key: string): string | undefined {
  const raw = extra.find(([name]) => name === key)?.[1];
  if (raw === undefined) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return TIME_TEXT.test(value) ? value : undefined;
}

/** The selection held by the hash keys; a range wins over `time` when both are present. */
export function decodeTime(extra: AppState['extra']): TimeSelection | null {
  const from = readKey(extra, 'from');
  const to = readKey(extra, 'to');
  if (from !== undefined && to !== undefined) return { mode: 'range', from, to };
  const value = readKey(extra, 'time');
  return value === undefined ? null : { mode: 'single', value };
}

/** `extra` with the time keys replaced by the selection's (removed for null). */
export function encodeTime(extra: AppState['extra'], selection: TimeSelection | null): AppState['extra'] {
  const kept = extra.filter(([key]) => !(TIME_KEYS as readonly string[]).includes(key));
  if (!selection) return kept;
  const pairs: Array<[string, string]> = selection.mode === 'single'
    ? [['time', encodeURIComponent(selection.value)]]
    : [['from', encodeURIComponent(selection.from)], ['to', encodeURIComponent(selection.to)]];
  return [...kept, ...pairs];
}

/** The time layer the user chose for the time control (may be hidden now: the caller checks). */
export function decodeDriver(extra: AppState['extra']): string | undefined {
  const raw = extra.find(([name]) => name === DRIVER_KEY)?.[1];
  return raw !== undefined && LAYER_ID.test(raw) ? raw : undefined;
}

/** `extra` driving another layer: its time keys are dropped (another layer's times rarely fit). */
export function encodeDriver(extra: AppState['extra'], layerId: string | undefined): AppState['extra'] {
  const kept = encodeTime(extra, null).filter(([key]) => key !== DRIVER_KEY);
  return layerId && LAYER_ID.test(layerId) ? [...kept, [DRIVER_KEY, layerId]] : kept;
}

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
