// The feature keys of a link are typed fields of AppState, decoded once and written back in the
// link's own key order: an untouched link comes back byte for byte, a typed change rewrites only
// its own key's text.
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/state/app_state';
import { hashOf } from '../../src/state/hash_sync';
import { decodeHash, decodeLinkKeys } from '../../src/state/url_codec';

/** Every feature key, in an order no version writes, with a key from a newer version in the middle. */
const LINK = '#map=12/46.81/-71.2&lang=en&layers=hydro:80,ortho'
  + '&zz=future%20key&print=1&bands=ortho:4.3.2&add=https%3A%2F%2Fexample.org%2Fa.geojson'
  + '&timelayer=crues&swipe=0.25&compare=hydro|ortho&rtime=2019-05-11&aoi=abc.def~x'
  + '&base=dark&to=2010-2019&from=1990-1999&add=https%3A%2F%2Fexample.org%2Fb.pmtiles';

function stateOf(hash: string): AppState {
  const { state, problems } = decodeHash(hash);
  expect(problems).toEqual([]);
  const layers = state.layers ?? [];
  return {
    lang: state.lang ?? 'fr',
    view: state.view!,
    order: layers.map(({ id }) => id),
    visible: new Map(layers.map(({ id, opacity }) => [id, opacity])),
    extra: state.extra,
    ...decodeLinkKeys(state.extra),
  };
}

function changed(state: AppState, change: Partial<AppState>): string {
  return hashOf({ ...state, ...change });
}

describe('typed link keys', () => {
  it('should decode every feature key into its typed field', () => {
    const state = stateOf(LINK);
    expect(state.time).toEqual({ mode: 'range', from: '1990-1999', to: '2010-2019' });
    expect(state.timeLayer).toBe('crues');
    expect(state.compare).toEqual({ left: ['hydro'], right: ['ortho'], swipe: 0.25, rightTime: { mode: 'single', value: '2019-05-11' } });
    expect(state.aoi).toBe('abc.def~x');
    expect(state.add).toEqual(['https://example.org/a.geojson', 'https://example.org/b.pmtiles']);
    expect(state.print).toBe(true);
    expect(state.basemap).toEqual({ id: 'dark', malformed: false });
    expect([...state.bands]).toEqual([['ortho', [4, 3, 2]]]);
  });

  it('should write a link with every key, in any order, back byte for byte', () => {
    expect(hashOf(stateOf(LINK))).toBe(LINK);
  });

  it('should keep values it cannot read, and unknown keys, while other keys change', () => {
    const odd = '#map=5/46/-72&lang=fr&layers=&time=not-a-time&base=Bad%20Id&newer=1&print=0';
    const state = stateOf(odd);
    expect(state.time).toBeNull();
    expect(state.basemap.malformed).toBe(true);
    expect(hashOf(state)).toBe(odd);
    expect(changed(state, { print: true })).toBe(odd.replace('print=0', 'print=1'));
  });

  it('should rewrite only the text of the key a typed update changed, in its place', () => {
    const state = stateOf(LINK);
    expect(changed(state, { time: { mode: 'single', value: '2000-2009' } }))
      .toBe(LINK.replace('to=2010-2019&from=1990-1999', 'time=2000-2009'));
    expect(changed(state, { print: false })).toBe(LINK.replace('&print=1', ''));
    expect(changed(state, { bands: new Map([['ortho', [1]]]) })).toBe(LINK.replace('bands=ortho:4.3.2', 'bands=ortho:1'));
    expect(changed(state, { basemap: { id: 'none', malformed: false } })).toBe(LINK.replace('base=dark', 'base=none'));
    expect(changed(state, { aoi: undefined })).toBe(LINK.replace('&aoi=abc.def~x', ''));
    expect(changed(state, { timeLayer: 'marees' })).toBe(LINK.replace('timelayer=crues', 'timelayer=marees'));
    expect(changed(state, { compare: { ...state.compare!, swipe: 0.5 } }))
      .toBe(LINK.replace('swipe=0.25&compare=hydro|ortho&rtime=2019-05-11', 'compare=hydro|ortho&swipe=0.5&rtime=2019-05-11'));
  });

  it('should keep each added URL in place and put a new one last', () => {
    const state = stateOf(LINK);
    const [first, second] = state.add;
    expect(changed(state, { add: [second!] })).toBe(LINK.replace('&add=https%3A%2F%2Fexample.org%2Fa.geojson', ''));
    expect(changed(state, { add: [first!, second!, 'https://example.org/c d.tif'] }))
      .toBe(`${LINK}&add=https%3A%2F%2Fexample.org%2Fc%20d.tif`);
  });

  it('should append a key the link did not have, after the others', () => {
    const bare = '#map=5/46/-72&lang=fr&layers=a&zz=1';
    expect(changed(stateOf(bare), { time: { mode: 'single', value: '2019-05-04' }, print: true }))
      .toBe(`${bare}&time=2019-05-04&print=1`);
  });
});
