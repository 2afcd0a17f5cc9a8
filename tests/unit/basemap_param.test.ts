// `base=<id>` in the link: read, written, and malformed values recognised (never thrown).
import { describe, expect, it } from 'vitest';
import { basemapParamOf, hasMalformedBasemapParam, NO_BASEMAP, withBasemapParam } from '../../src/state/basemap_param';
import { decodeHash, encodeHash } from '../../src/state/url_codec';

describe('base= in the link', () => {
  it('should read the basemap id from the hash and write it back after the other keys', () => {
    const { state } = decodeHash('#map=16/46.43/-72.61&lang=fr&layers=&base=rues-demo&time=2019');
    expect(basemapParamOf(state.extra)).toBe('rues-demo');
    const extra = withBasemapParam(state.extra, NO_BASEMAP);
    expect(basemapParamOf(extra)).toBe('none');
    expect(encodeHash({ view: state.view!, lang: 'fr', layers: [], extra })).toBe('#map=16/46.43/-72.61&lang=fr&layers=&time=2019&base=none');
  });

  it('should ignore a malformed value and say so, and leave a link without base= to the default', () => {
    const { state } = decodeHash('#base=%3Cscript%3E');
    expect(basemapParamOf(state.extra)).toBeUndefined();
    expect(hasMalformedBasemapParam(state.extra)).toBe(true);
    expect(basemapParamOf(decodeHash('#map=3/0/0').state.extra)).toBeUndefined();
    expect(hasMalformedBasemapParam(decodeHash('#map=3/0/0').state.extra)).toBe(false);
  });
});
