// What a comparison is (the layers of each side, where the divider stands) and how it lives in
// the URL hash: "compare=<left ids>|<right ids>&swipe=0.5" (ids comma-separated). Pure, no DOM.

export interface CompareState {
  /** Layer ids drawn left of the divider (the main map), top first. */
  left: string[];
  /** Layer ids drawn right of the divider, top first. */
  right: string[];
  /** Divider position, 0 (left edge) … 1 (right edge). */
  swipe: number;
}

export const COMPARE_KEY = 'compare';
export const SWIPE_KEY = 'swipe';
const LAYER_ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

export function clampSwipe(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5;
}

/** The hash entries of a comparison (values already safe in a URL fragment). */
export function encodeCompare(state: CompareState): Array<[string, string]> {
  return [
    [COMPARE_KEY, `${state.left.join(',')}|${state.right.join(',')}`],
    [SWIPE_KEY, String(Math.round(clampSwipe(state.swipe) * 1000) / 1000)],
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
  return { left, right, swipe };
}

/** The hash entries with the comparison replaced (or removed, with null); other keys keep their place. */
export function withCompare(extra: Array<[string, string]>, state: CompareState | null): Array<[string, string]> {
  const others = extra.filter(([key]) => key !== COMPARE_KEY && key !== SWIPE_KEY);
  return state ? [...others, ...encodeCompare(state)] : others;
}

function idList(text: string): string[] | null {
  const ids = text.split(',').filter((id) => id !== '');
  if (!ids.every((id) => LAYER_ID.test(id))) return null;
  return [...new Set(ids)];
}

function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
