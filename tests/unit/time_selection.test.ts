// Which time a layer shows (URL request snapped to its times, defaults), the play steps, the
// file a series shows, and the time labels in both languages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import { nextSelection, resolveSelection, shownUrl } from '../../src/state/time_selection';
import { formatSelection, formatTime } from '../../src/ui/time_format';
import { repoRoot } from './cog_helpers';
import { decodeDriver, decodeTime, encodeDriver, encodeTime } from '../../src/state/time_state';

const series = JSON.parse(readFileSync(path.join(repoRoot, 'layers/etendue-crue-2019.json'), 'utf8')) as LayerDefinition;
const dates = series.source.series!.map((entry) => entry.date);
const fires = { id: 'feux', source: { kind: 'pmtiles-vector', url: 'x.pmtiles' }, time: { field: 'Periode', kind: 'period' } } as LayerDefinition;
const decades = ['1970-1979', '1980-1989', '1990-1999', '2000-2009', '2010-2019'];

describe('time selection', () => {
  it('should show a series on its own date first, and every time of an attribute layer', () => {
    const own = series.source.series!.find((entry) => entry.url === series.source.url)!.date;
    expect(resolveSelection(series, dates, null)).toEqual({ mode: 'single', value: own });
    expect(resolveSelection(fires, decades, null)).toEqual({ mode: 'range', from: '1970-1979', to: '2010-2019' });
  });

  it('should snap what the URL asks to the layer\'s times', () => {
    expect(resolveSelection(fires, decades, { mode: 'range', from: '1990', to: '2019' })).toEqual({ mode: 'range', from: '1990-1999', to: '2010-2019' });
    expect(resolveSelection(fires, decades, { mode: 'range', from: '2010-2019', to: '1980-1989' })).toEqual({ mode: 'range', from: '1980-1989', to: '2010-2019' });
    expect(resolveSelection(series, dates, { mode: 'single', value: '2019-04-22' })).toEqual({ mode: 'single', value: '2019-04-27' });
    // A series shows one image at a time: a range shows its start.
    expect(resolveSelection(series, dates, { mode: 'range', from: dates[1]!, to: dates[3]! })).toEqual({ mode: 'single', value: dates[1] });
  });

  it('should step forward, stop at the end, and restart when asked', () => {
    expect(nextSelection(decades, { mode: 'single', value: '1980-1989' }, false)).toEqual({ mode: 'single', value: '1990-1999' });
    expect(nextSelection(decades, { mode: 'single', value: '2010-2019' }, false)).toBeNull();
    expect(nextSelection(decades, { mode: 'single', value: '2010-2019' }, true)).toEqual({ mode: 'single', value: '1970-1979' });
    expect(nextSelection(decades, { mode: 'range', from: '1980-1989', to: '1990-1999' }, false)).toEqual({ mode: 'range', from: '1980-1989', to: '2000-2009' });
    expect(nextSelection(decades, { mode: 'range', from: '1980-1989', to: '2010-2019' }, true)).toEqual({ mode: 'range', from: '1980-1989', to: '1980-1989' });
  });

  it('should name the file a series shows at the current time', () => {
    const first = series.source.series![0]!;
    expect(shownUrl(series, { layerId: series.id, selection: { mode: 'single', value: first.date } })).toBe(first.url);
    expect(shownUrl(series, null)).toBe(series.source.url);
    expect(shownUrl(series, { layerId: 'other', selection: { mode: 'single', value: first.date } })).toBe(series.source.url);
    expect(shownUrl(fires, { layerId: 'feux', selection: { mode: 'single', value: '1990-1999' } })).toBe('x.pmtiles');
  });
});

describe('time labels', () => {
  it('should write dates, periods and ranges in French and English', () => {
    expect(formatTime('date', '2019-05-04', 'fr')).toBe('4 mai 2019');
    expect(formatTime('date', '2019-05-04', 'en')).toBe('May 4, 2019');
    expect(formatTime('date', '2019-04-20', 'fr', true)).toBe('20 avr.');
    expect(formatTime('period', '1990-1999', 'fr')).toBe('1990–1999');
    expect(formatSelection('period', { mode: 'range', from: '1990-1999', to: '2010-2019' }, 'en')).toBe('1990–2019');
    expect(formatSelection('year', { mode: 'range', from: '1998', to: '2017' }, 'fr')).toBe('1998–2017');
    expect(formatSelection('date', { mode: 'range', from: '2019-04-20', to: '2019-05-04' }, 'fr')).toBe('20 avril 2019 – 4 mai 2019');
  });
});

describe('the layer the time control drives, in the hash', () => {
  it('should round-trip, drop the other layer\'s time keys, and refuse odd ids', () => {
    const extra = encodeTime([['compare', 'x']], { mode: 'range', from: '1990-1999', to: '2000-2009' });
    const driven = encodeDriver(extra, 'etendue-crue-2019');
    expect(decodeDriver(driven)).toBe('etendue-crue-2019');
    expect(decodeTime(driven)).toBeNull();
    expect(driven).toContainEqual(['compare', 'x']);
    expect(decodeDriver(encodeDriver(driven, undefined))).toBeUndefined();
    expect(decodeDriver([['timelayer', '<script>']])).toBeUndefined();
  });
});
