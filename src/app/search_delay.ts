// When the address search waits for typing to pause. Keystrokes (one character added or removed)
// wait, so that each letter does not cost index requests; a paste, a pick from the browser's
// autofill or any other change of several characters at once is a whole query: searched at once.

/** The pause after a keystroke before the address indexes are asked. */
export const TYPING_PAUSE_MS = 150;

/** True when `next` is `previous` with one character typed or deleted (anywhere). */
export function isKeystroke(previous: string, next: string): boolean {
  if (Math.abs(next.length - previous.length) !== 1) return false;
  const [long, short] = next.length > previous.length ? [next, previous] : [previous, next];
  let at = 0;
  while (at < short.length && short[at] === long[at]) at++;
  return long.slice(at + 1) === short.slice(at);
}

/** Milliseconds to wait before searching the address indexes for `next`. */
export function addressDelayMs(previous: string, next: string): number {
  return isKeystroke(previous, next) ? TYPING_PAUSE_MS : 0;
}
