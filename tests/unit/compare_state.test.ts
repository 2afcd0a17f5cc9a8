import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash } from '../../src/state/url_codec';
import { decodeCompare, encodeCompare, withCompare, type CompareState } from '../../src/ui/compare_state';

const VIEW = { zoom: 9, lat: 46.35, lon: -72.55 };

describe('compare URL codec', () => {
  it('should round-trip two layer sets and the divider through the whole hash', () => {
    const state: CompareState = { left: ['crues-historiques', 'hydrographie'], right: ['zones-inondables'], swipe: 0.37 };
    const hash = encodeHash({ view: VIEW, lang: 'fr', layers: [{ id: 'hydrographie', opacity: 1 }], extra: withCompare([['aoi', 'x1']], state) });
    expect(hash).toContain('compare=crues-historiques,hydrographie|zones-inondables');
    expect(hash).toContain('swipe=0.37');
    const { state: decoded, problems } = decodeHash(hash);
    expect(problems).toEqual([]);
    expect(decodeCompare(decoded.extra)).toEqual(state);
    // other unknown keys survive next to it
    expect(decoded.extra.find(([key]) => key === 'aoi')).toEqual(['aoi', 'x1']);
  });

  it('should survive a browser that percent-encodes the separators', () => {
    const [[, value]] = encodeCompare({ left: ['a'], right: ['b', 'c'], swipe: 0.5 }) as [[string, string]];
    const encoded = encodeURIComponent(value);
    expect(decodeCompare([['compare', encoded], ['swipe', '0.5']])).toEqual({ left: ['a'], right: ['b', 'c'], swipe: 0.5 });
  });

  it('should allow an empty side (the basemap alone) and clamp or default the divider', () => {
    expect(decodeCompare([['compare', '|zones-inondables'], ['swipe', '7']])).toEqual({ left: [], right: ['zones-inondables'], swipe: 1 });
    expect(decodeCompare([['compare', 'a|b']])?.swipe).toBe(0.5);
    expect(decodeCompare([['compare', 'a|b'], ['swipe', 'abc']])?.swipe).toBe(0.5);
  });

  it('should reject malformed values instead of guessing', () => {
    expect(decodeCompare([])).toBeNull();
    expect(decodeCompare([['compare', 'no-separator']])).toBeNull();
    expect(decodeCompare([['compare', 'Bad Id|b']])).toBeNull();
    expect(decodeCompare([['compare', '%E0%A4%A|b']])).toBeNull();
  });

  it('should replace the previous comparison and remove it with null', () => {
    const first = withCompare([['lang2', 'x']], { left: ['a'], right: ['b'], swipe: 0.2 });
    const second = withCompare(first, { left: ['a'], right: ['c'], swipe: 0.8 });
    expect(second.filter(([key]) => key === 'compare')).toEqual([['compare', 'a|c']]);
    expect(withCompare(second, null)).toEqual([['lang2', 'x']]);
  });
});
