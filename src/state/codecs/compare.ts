// What a comparison is (the layers of each side, where the divider stands, the right side's own
// time) and how it lives in the URL hash:
//   compare=<left ids>|<right ids>&swipe=0.5[&rtime=2019-05-11 | &rfrom=1990-1999&rto=2010-2019]
// (ids comma-separated). The left side is the main map: its time is the map's own `time=` /
// `from=`/`to=`. Links without rtime (older ones) show the right side at the left's time. Pure, no DOM.
import { decodeTime, encodeTime, type TimeSelection } from '../time_state';
import { safeDecode } from './pairs';

export interface CompareState {
  /** Layer ids drawn left of the divider (the main map), top first. */
  left: string[];
  /** Layer ids drawn right of the divider, top first. */
  right: string[];
  /** Divider position, 0 (left edge) … 1 (right edge). */
  swipe: number;
  /** The right side's own time for its time-enabled layer; absent: the same time as the left. */
  rightTime?: TimeSelection;
}

export const COMPARE_KEY = 'compare';
export const SWIPE_KEY = 'swipe';
/** The right side's time keys: the map's time keys (time, from, to) with an "r" in front. */
const RIGHT_TIME_PREFIX = 'r';
export const RIGHT_TIME_KEYS = ['rtime', 'rfrom', 'rto'];
const LAYER_ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

export function clampSwipe(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5;
}

/** The hash entries of a comparison (values already safe in a URL fragment). */
export function encodeCompare(state: CompareState): Array<[string, string]> {
  const time = encodeTime([], state.rightTime ?? null).map(([key, value]): [string, string] => [`${RIGHT_TIME_PREFIX}${key}`, value]);
  return [
    [COMPARE_KEY, `${state.left.join(',')}|${state.right.join(',')}`],
    [SWIPE_KEY, String(Math.round(clampSwipe(state.swipe) * 1000) / 1000)],
    ...time,
  ];
}

/** Reads a comparison from the hash's extra entries; null when there is none or it is malformed. */
export function decodeCompare(extra: ReadonlyArray<readonly [string, string]>): CompareState | null {
  const raw = extra.find(([key]) => key === COMPARE_KEY)?.[1];
  if (raw === undefined) return null;
  const text = safeDecode(raw);
  if (text === null || !text.includes('|')) return null;
  const [leftText = '', rightText = ''] = text.split('|');
  const left = idList(leftText);
  const right = idList(rightText);
  if (!left || !right) return null;
  const swipeRaw = extra.find(([key]) => key === SWIPE_KEY)?.[1];
  const swipe = swipeRaw === undefined || swipeRaw === '' ? 0.5 : clampSwipe(Number(safeDecode(swipeRaw)));
  const rightTime = decodeRightTime(extra);
  return rightTime ? { left, right, swipe, rightTime } : { left, right, swipe };
}

/** The hash entries with the comparison replaced (or removed, with null); other keys keep their place. */
export function withCompare(extra: Array<[string, string]>, state: CompareState | null): Array<[string, string]> {
  const others = extra.filter(([key]) => key !== COMPARE_KEY && key !== SWIPE_KEY && !RIGHT_TIME_KEYS.includes(key));
  return state ? [...others, ...encodeCompare(state)] : others;
}

/** rtime / rfrom+rto read with the map time's own rules (a value that is not a time is ignored). */
function decodeRightTime(extra: ReadonlyArray<readonly [string, string]>): TimeSelection | null {
  const own: Array<[string, string]> = extra
    .filter(([key]) => RIGHT_TIME_KEYS.includes(key))
    .map(([key, value]) => [key.slice(RIGHT_TIME_PREFIX.length), value]);
  return decodeTime(own);
}

function idList(text: string): string[] | null {
  const ids = text.split(',').filter((id) => id !== '');
  if (!ids.every((id) => LAYER_ID.test(id))) return null;
  return [...new Set(ids)];
}
