import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash } from '../../src/state/url_codec';

describe('URL hash codec', () => {
  it('should round-trip view, language, layers with opacity and unknown keys', () => {
    const hash = '#map=7.25/46.81234/-71.20876&lang=en&layers=zones-inondables:60,perturbations-naturelles&time=2019';
    const { state, problems } = decodeHash(hash);
    expect(problems).toEqual([]);
    expect(state.view).toEqual({ zoom: 7.25, lat: 46.81234, lon: -71.20876 });
    expect(state.lang).toBe('en');
    expect(state.layers).toEqual([
      { id: 'zones-inondables', opacity: 0.6 },
      { id: 'perturbations-naturelles', opacity: 1 },
    ]);
    expect(encodeHash({ view: state.view!, lang: state.lang!, layers: state.layers!, extra: state.extra })).toBe(hash);
  });

  it('should report malformed values and keep the valid ones', () => {
    const { state, problems } = decodeHash('#map=99/500/x&lang=de&layers=ok-layer:abc,<img src=x>,second');
    expect(state.view).toBeUndefined();
    expect(state.lang).toBeUndefined();
    expect(state.layers).toEqual([
      { id: 'ok-layer', opacity: 1 },
      { id: 'second', opacity: 1 },
    ]);
    expect(problems).toEqual([
      { kind: 'bad_value', key: 'map' },
      { kind: 'bad_value', key: 'lang' },
      { kind: 'bad_opacity', id: 'ok-layer' },
      { kind: 'bad_value', key: 'layers' },
    ]);
  });

  it('should not throw on broken percent-encoding or huge values', () => {
    const { problems } = decodeHash(`#layers=%E0%A4%A&map=${'1'.repeat(10000)}`);
    expect(problems.map((problem) => problem.kind)).toEqual(['bad_value', 'bad_value']);
  });

  it('should keep the layers key present but empty when no layer is visible', () => {
    expect(decodeHash('#layers=').state.layers).toEqual([]);
    expect(decodeHash('#map=5/46/-72').state.layers).toBeUndefined();
  });
});
