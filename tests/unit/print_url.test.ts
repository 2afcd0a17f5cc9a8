// `print=1` in the link: decoded into extra, read by printRequested, written and removed by withPrint.
import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash, printRequested, withPrint } from '../../src/state/url_codec';

describe('print=1 in the permalink', () => {
  it('should be read from a decoded hash and only for the value 1', () => {
    expect(printRequested(decodeHash('#map=12/46.35/-72.55&print=1').state.extra)).toBe(true);
    expect(printRequested(decodeHash('#map=12/46.35/-72.55&print=0').state.extra)).toBe(false);
    expect(printRequested(decodeHash('#map=12/46.35/-72.55').state.extra)).toBe(false);
  });

  it('should be added once and removed, keeping the other keys', () => {
    const extra: Array<[string, string]> = [['time', '2019'], ['print', '1']];
    expect(withPrint(withPrint(extra, true), true)).toEqual([['time', '2019'], ['print', '1']]);
    const closed = withPrint(extra, false);
    expect(closed).toEqual([['time', '2019']]);
    const hash = encodeHash({ view: { zoom: 12, lat: 46.35, lon: -72.55 }, lang: 'fr', layers: [], extra: withPrint(closed, true) });
    expect(hash.endsWith('&time=2019&print=1')).toBe(true);
  });
});
