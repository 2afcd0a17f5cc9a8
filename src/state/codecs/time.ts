// The map's time in the URL hash: `time=2019-05-04` (one time) or `from=1990-1999&to=2010-2019`
// (a range), and `timelayer=<id>`, the layer the time control drives. Typed in AppState
// (`time`, `timeLayer`) by link_keys.ts; read from and written to the link's pairs here only.
import type { TimeSelection } from '../time_state';
import { rawParam, safeDecode, withParam, withoutParams, type HashPairs } from './pairs';

type Pairs = Array<[string, string]>;

export const TIME_KEYS = ['time', 'from', 'to'] as const;
/** The layer the time control drives, when the user chose one (default: the topmost time layer). */
export const DRIVER_KEY = 'timelayer';
const LAYER_ID = /^[A-Za-z0-9_.:-]{1,120}$/;
/** What a time value may hold: years, dates, periods ("1990-1999"), date-times. */
const TIME_TEXT = /^[0-9][0-9A-Za-z:.+–-]{0,40}$/;

function readKey(extra: HashPairs, key: string): string | undefined {
  const raw = rawParam(extra, key);
  const value = raw === undefined ? null : safeDecode(raw);
  return value !== null && TIME_TEXT.test(value) ? value : undefined;
}

/** The selection held by the hash keys; a range wins over `time` when both are present. */
export function decodeTime(extra: HashPairs): TimeSelection | null {
  const from = readKey(extra, 'from');
  const to = readKey(extra, 'to');
  if (from !== undefined && to !== undefined) return { mode: 'range', from, to };
  const value = readKey(extra, 'time');
  return value === undefined ? null : { mode: 'single', value };
}

/** `extra` with the time keys replaced by the selection's (removed for null). */
export function encodeTime(extra: HashPairs, selection: TimeSelection | null): Pairs {
  const kept = withoutParams(extra, TIME_KEYS);
  if (!selection) return kept;
  const pairs: Pairs = selection.mode === 'single'
    ? [['time', encodeURIComponent(selection.value)]]
    : [['from', encodeURIComponent(selection.from)], ['to', encodeURIComponent(selection.to)]];
  return [...kept, ...pairs];
}

/** The time layer the user chose for the time control (may be hidden now: the caller checks). */
export function decodeDriver(extra: HashPairs): string | undefined {
  const raw = rawParam(extra, DRIVER_KEY);
  return raw !== undefined && LAYER_ID.test(raw) ? raw : undefined;
}

/** `extra` driving another layer: its time keys are dropped (another layer's times rarely fit). */
export function encodeDriver(extra: HashPairs, layerId: string | undefined): Pairs {
  return withParam(encodeTime(extra, null), DRIVER_KEY, layerId && LAYER_ID.test(layerId) ? layerId : undefined);
}
