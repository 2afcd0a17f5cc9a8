import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash } from '../../src/state/url_codec';
import { decodeCompare, encodeCompare, withCompare, type CompareState } from '../../src/ui/compare_state';
import { anotherTime, rightSelection, rightTimeLayer, sideTimeWanted } from '../../src/ui/compare_time';
import type { LayerDefinition } from '../../src/catalogue/types';

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

  it('should round-trip the right side’s own date or range next to the map’s time', () => {
    const single: CompareState = { left: ['etendue-crue-2019'], right: ['etendue-crue-2019'], swipe: 0.5, rightTime: { mode: 'single', value: '2019-05-11' } };
    const hash = encodeHash({ view: VIEW, lang: 'fr', layers: [], extra: withCompare([['time', '2019-04-20']], single) });
    expect(hash).toContain('rtime=2019-05-11');
    const { state: decoded } = decodeHash(hash);
    expect(decodeCompare(decoded.extra)).toEqual(single);
    // the left side's time (the map's own key) is untouched
    expect(decoded.extra.find(([key]) => key === 'time')).toEqual(['time', '2019-04-20']);
    const range: CompareState = { left: ['a'], right: ['a'], swipe: 0.3, rightTime: { mode: 'range', from: '1990-1999', to: '2010-2019' } };
    const entries = withCompare([], range);
    expect(entries).toContainEqual(['rfrom', '1990-1999']);
    expect(entries).toContainEqual(['rto', '2010-2019']);
    expect(decodeCompare(entries)).toEqual(range);
  });

  it('should read old links (no right time) and ignore a right time that is not a time', () => {
    const old = decodeCompare([['compare', 'a|a'], ['swipe', '0.4']]);
    expect(old).toEqual({ left: ['a'], right: ['a'], swipe: 0.4 });
    expect(old?.rightTime).toBeUndefined();
    for (const garbage of ['<script>', 'abc', '', '%E0%A4%A', '2019-05-11<img>']) {
      expect(decodeCompare([['compare', 'a|a'], ['rtime', garbage]])?.rightTime, garbage).toBeUndefined();
    }
    // half a range is no range; a lone rfrom falls back to rtime
    expect(decodeCompare([['compare', 'a|a'], ['rfrom', '1990-1999']])?.rightTime).toBeUndefined();
    expect(decodeCompare([['compare', 'a|a'], ['rfrom', '1990-1999'], ['rtime', '2000-2009']])?.rightTime).toEqual({ mode: 'single', value: '2000-2009' });
    // a right time without a comparison is no comparison
    expect(decodeCompare([['rtime', '2019-05-11']])).toBeNull();
  });

  it('should replace and remove the right time with the comparison', () => {
    const dated = withCompare([['x', '1']], { left: ['a'], right: ['a'], swipe: 0.5, rightTime: { mode: 'range', from: '1990', to: '2000' } });
    const undated = withCompare(dated, { left: ['a'], right: ['a'], swipe: 0.5 });
    expect(undated.some(([key]) => key.startsWith('r') && key !== 'x')).toBe(false);
    expect(withCompare(dated, null)).toEqual([['x', '1']]);
  });
});

describe('compare times', () => {
  const series = {
    id: 'crue', source: { kind: 'cog', url: 'data/c-05-04.tif', series: ['2019-04-20', '2019-05-04', '2019-05-11'].map((date) => ({ date, url: `data/c-${date.slice(5)}.tif` })) },
    style: [], time: { kind: 'date' },
  } as unknown as LayerDefinition;
  const fires = { id: 'feux', source: { kind: 'pmtiles-vector', url: 'f.pmtiles' }, style: [], time: { field: 'Periode', kind: 'period' } } as unknown as LayerDefinition;
  const plain = { id: 'plain', source: { kind: 'geojson', url: 'p.geojson' }, style: [] } as unknown as LayerDefinition;
  const defs = new Map([series, fires, plain].map((def) => [def.id, def]));
  const dates = series.source.series!.map((entry) => entry.date);
  const decades = ['1990-1999', '2000-2009', '2010-2019'];

  it('should pick the left’s time layer when the right shows it, else the right’s topmost time layer', () => {
    const order = ['plain', 'feux', 'crue'];
    expect(rightTimeLayer(['crue', 'feux', 'plain'], order, defs, 'crue')?.id).toBe('crue');
    expect(rightTimeLayer(['crue', 'feux', 'plain'], order, defs, undefined)?.id).toBe('feux');
    expect(rightTimeLayer(['plain'], order, defs, 'crue')).toBeUndefined();
  });

  it('should show the right’s own time, else the left’s, snapped to the layer’s times', () => {
    expect(rightSelection(series, dates, { mode: 'single', value: '2019-05-11' }, { mode: 'single', value: '2019-04-20' })).toEqual({ mode: 'single', value: '2019-05-11' });
    expect(rightSelection(series, dates, undefined, { mode: 'single', value: '2019-04-20' })).toEqual({ mode: 'single', value: '2019-04-20' });
    // a time the layer lacks goes to its next time (nearestTime's rule)
    expect(rightSelection(series, dates, undefined, { mode: 'single', value: '2019-05-05' })).toEqual({ mode: 'single', value: '2019-05-11' });
    // nothing asked anywhere: the series' own file date
    expect(rightSelection(series, dates, undefined, null)).toEqual({ mode: 'single', value: '2019-05-04' });
  });

  it('should draw a series by date (preloading the next) and an attribute layer by filter', () => {
    const wanted = sideTimeWanted(series, dates, { mode: 'single', value: '2019-05-04' });
    expect(wanted).toMatchObject({ filter: null, date: '2019-05-04', preload: '2019-05-11', visible: true });
    const filtered = sideTimeWanted(fires, decades, { mode: 'range', from: '1990-1999', to: '2000-2009' });
    expect(filtered.date).toBeUndefined();
    expect(JSON.stringify(filtered.filter)).toContain('Periode');
    expect(JSON.stringify(filtered.filter)).not.toContain('2010-2019');
  });

  it('should offer another time than the left’s for "same layer, another date"', () => {
    expect(anotherTime(dates, { mode: 'single', value: '2019-05-04' })).toEqual({ mode: 'single', value: '2019-05-11' });
    expect(anotherTime(dates, { mode: 'single', value: '2019-05-11' })).toEqual({ mode: 'single', value: '2019-04-20' });
    expect(anotherTime(decades, { mode: 'range', from: '1990-1999', to: '2010-2019' })).toEqual({ mode: 'single', value: '1990-1999' });
    expect(anotherTime(['2019'], { mode: 'single', value: '2019' })).toBeNull();
  });
});
