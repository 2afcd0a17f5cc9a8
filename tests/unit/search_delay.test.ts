// The address search waits for a pause only between keystrokes (app/search_delay.ts): a paste,
// the browser's autofill or a text set at once is searched without waiting.
import { describe, expect, it } from 'vitest';
import { addressDelayMs, isKeystroke, TYPING_PAUSE_MS } from '../../src/app/search_delay';

describe('address search delay', () => {
  it('waits after one character typed or deleted, wherever it is', () => {
    expect(isKeystroke('300 rue Princ', '300 rue Princi')).toBe(true);
    expect(isKeystroke('300 rue Princi', '300 rue Princ')).toBe(true);
    expect(isKeystroke('30 rue Principale', '300 rue Principale')).toBe(true);
    expect(isKeystroke('', '3')).toBe(true);
    expect(addressDelayMs('300 rue Princ', '300 rue Princi')).toBe(TYPING_PAUSE_MS);
  });

  it('searches at once for a paste, a replacement or the same text again', () => {
    expect(isKeystroke('', '300 rue Principale, Rivière-Claire')).toBe(false);
    expect(isKeystroke('300 rue Princ', '300 rue Principale')).toBe(false);
    expect(isKeystroke('12 rue Roy', '13 rue Roy')).toBe(false); // one letter replaced: a selection typed over
    expect(isKeystroke('rue Roy', 'rue Roy')).toBe(false);
    expect(isKeystroke('abc', 'xbcd')).toBe(false);
    expect(addressDelayMs('', '300 rue Principale, Rivière-Claire')).toBe(0);
  });
});
