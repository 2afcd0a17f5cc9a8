// The pair helpers every hash-key codec uses (state/codecs/pairs.ts): links are written back as
// they came, a rewritten key goes last, a malformed escape never throws.
import { describe, expect, it } from 'vitest';
import { decodedParam, rawParam, safeDecode, withParam, withoutParams } from '../../src/state/codecs/pairs';
import { aoiParamOf, withAoiParam } from '../../src/state/codecs/aoi';
import { decodeHash, encodeHash } from '../../src/state/url_codec';

describe('hash pairs', () => {
  const pairs: Array<[string, string]> = [['time', '2019'], ['aoi', 'a1.U2VjdGV1cg.AQA'], ['base', 'rues-demo']];

  it('should replace a key by moving it last, and leave the others in their order', () => {
    expect(withParam(pairs, 'time', '2020')).toEqual([['aoi', 'a1.U2VjdGV1cg.AQA'], ['base', 'rues-demo'], ['time', '2020']]);
    expect(withParam(pairs, 'aoi', undefined)).toEqual([['time', '2019'], ['base', 'rues-demo']]);
    expect(withoutParams(pairs, ['time', 'base'])).toEqual([['aoi', 'a1.U2VjdGV1cg.AQA']]);
    expect(pairs).toHaveLength(3); // never changed in place
  });

  it('should read raw and decoded values, and keep a malformed escape as it is', () => {
    expect(rawParam([['add', 'https%3A%2F%2Fx.org']], 'add')).toBe('https%3A%2F%2Fx.org');
    expect(decodedParam([['add', 'https%3A%2F%2Fx.org']], 'add')).toBe('https://x.org');
    expect(safeDecode('%E0%A4%A')).toBeNull();
    expect(decodedParam([['aoi', '%E0%A4%A']], 'aoi')).toBe('%E0%A4%A');
    expect(rawParam(pairs, 'absent')).toBeUndefined();
  });

  it('should write a link with an aoi back byte for byte, and drop the key for no areas', () => {
    const link = '#map=12/46.35/-72.55&lang=fr&layers=zones-inondables&aoi=a1.U2VjdGV1cg.AQA&time=2019';
    const { state } = decodeHash(link);
    expect(aoiParamOf(state.extra)).toBe('a1.U2VjdGV1cg.AQA');
    expect(encodeHash({ view: state.view!, lang: state.lang!, layers: state.layers!, extra: state.extra })).toBe(link);
    expect(withAoiParam(state.extra, '')).toEqual([['time', '2019']]);
  });
});
