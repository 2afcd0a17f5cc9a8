// Time-enabled layers: collecting a layer's distinct times (catalogue, GeoJSON, tilestats,
// tiles), the MapLibre filters built for one time and for ranges (evaluated with MapLibre's
// own filter engine on real attribute values), and the time in the URL hash.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerDefinition } from '../../src/catalogue/types';
import { fileDataAccess } from '../../src/queries/identify_data_node';
import { collectTimes, timesFromTiles, timesFromTilestats } from '../../src/queries/time_collect';
import { combineFilters, timeFilter } from '../../src/queries/time_filter';
import { distinctTimes, nearestTime, parsePeriod, valuesBetween } from '../../src/queries/time_values';
import { decodeTime, encodeTime, type TimeSelection } from '../../src/state/time_state';
import { decodeHash, encodeHash } from '../../src/state/url_codec';
import { repoRoot } from './cog_helpers';
import { hasSharedFiles, sharedPath, skipReason } from '../support/shared_data';

const FIRES = 'quebec/fires/mrnf_fires_by_decade_1880-2029.geojson';
const firesFile = sharedPath(FIRES);
const hasFires = hasSharedFiles(FIRES);
const demoData = path.join(repoRoot, 'public');
const hasDemo = existsSync(path.join(demoData, 'data/perturbations.pmtiles'));

const readLayer = (id: string) => JSON.parse(readFileSync(path.join(repoRoot, 'layers', `${id}.json`), 'utf8')) as LayerDefinition;

/** Which of the given property sets a filter keeps, evaluated by MapLibre's style-spec. */
function kept(filter: unknown[] | null, properties: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  if (!filter) return properties;
  const compiled = featureFilter(filter as FilterSpecification, 'layers[0].filter');
  return properties.filter((props) => compiled.filter({ zoom: 5 }, { type: 1, properties: props, geometry: [] } as never));
}

describe('distinct times', () => {
  it('should sort periods, years and dates in time order and drop values of another kind', () => {
    expect(distinctTimes('period', ['1990-1999', '1880-1889', '1990-1999', 'inconnu', null, '2020-2029'])).toEqual(['1880-1889', '1990-1999', '2020-2029']);
    expect(distinctTimes('year', [2017, '1998', '2011-04-20', 1998, 'n/a', undefined])).toEqual(['1998', '2011', '2017']);
    expect(distinctTimes('date', ['2019-05-04T10:00:00Z', '2019-04-20', '2019-05-04', 'hier'])).toEqual(['2019-04-20', '2019-05-04']);
    expect(parsePeriod('2000–2009')).toEqual([2000, 2009]);
    expect(parsePeriod('2009-2000')).toBeNull();
  });

  it('should find the nearest listed time for a year given against periods', () => {
    const periods = ['1970-1979', '1980-1989', '1990-1999', '2000-2009', '2010-2019'];
    expect(nearestTime('period', periods, '1990')).toBe('1990-1999');
    expect(nearestTime('period', periods, '2019')).toBe('2010-2019');
    expect(nearestTime('date', ['2019-04-20', '2019-05-04'], '2019-04-30')).toBe('2019-05-04');
    expect(valuesBetween(periods, '2000-2009', '1980-1989')).toEqual(['1980-1989', '1990-1999', '2000-2009']);
  });

  it('should take a series layer\'s dates from the catalogue, in order', async () => {
    const def = readLayer('etendue-crue-2019');
    const times = await collectTimes(def, fileDataAccess(demoData));
    expect(times).toEqual(def.source.series!.map((entry) => entry.date));
    expect(times.length).toBeGreaterThanOrEqual(4);
    expect([...times].sort()).toEqual(times);
  });

  it.skipIf(!hasFires)('should list the 15 decades of the real fire perimeters (GeoJSON layer)', async () => {
    const def = { id: 'feux', source: { kind: 'geojson', url: firesFile }, time: { field: 'Periode', kind: 'period' } } as unknown as LayerDefinition;
    const raw = JSON.parse(readFileSync(firesFile, 'utf8')) as { features: Array<{ properties: { Periode: string } }> };
    const expected = [...new Set(raw.features.map((f) => f.properties.Periode))].sort();
    const times = await collectTimes(def, fileDataAccess(repoRoot));
    expect(times).toEqual(expected);
    expect(times[0]).toBe('1880-1889');
    expect(times).toHaveLength(15);
  });
  if (!hasFires) it.skip(`real fire perimeters ${skipReason(FIRES)}`, () => undefined);

  it('should trust tilestats only when they list every distinct value', async () => {
    const archive = (attributes: unknown[]) => ({
      getMetadata: async () => ({ tilestats: { layers: [{ layer: 'feux', attributes }] } }),
    }) as unknown as Parameters<typeof timesFromTilestats>[0];
    const complete = archive([{ attribute: 'Periode', count: 3, values: ['2000-2009', '1880-1889', '1990-1999'] }]);
    expect(await timesFromTilestats(complete, 'feux', 'Periode', 'period')).toEqual(['1880-1889', '1990-1999', '2000-2009']);
    const truncated = archive([{ attribute: 'Periode', count: 150, values: ['1880-1889', '1990-1999'] }]);
    expect(await timesFromTilestats(truncated, 'feux', 'Periode', 'period')).toBeNull();
    expect(await timesFromTilestats(complete, 'other-layer', 'Periode', 'period')).toBeNull();
  });

  it.skipIf(!hasDemo)('should read the same years from the demo PMTiles tiles as from its GeoJSON', async () => {
    const def = readLayer('perturbations-naturelles');
    const data = fileDataAccess(demoData);
    const geojson = JSON.parse(readFileSync(path.join(demoData, 'data/perturbations.geojson'), 'utf8')) as { features: Array<{ properties: Record<string, unknown> }> };
    const expected = distinctTimes('year', geojson.features.map((f) => f.properties[def.time!.field!]));
    expect(expected.length).toBeGreaterThan(5);
    const fromTiles = await timesFromTiles(data.pmtiles(def.source.url), def.source.sourceLayer!, def.time!.field!, 'year');
    expect(fromTiles).toEqual(expected);
    expect(await collectTimes(def, data)).toEqual(expected);
  });
  if (!hasDemo) it.skip('demo data missing (npm run data:demo): skipped', () => undefined);
});

describe('time filters', () => {
  const decades = ['1880-1889', '1970-1979', '1980-1989', '1990-1999', '2000-2009', '2010-2019', '2020-2029'];
  const fires = decades.flatMap((Periode) => [{ Periode, Region: 'Québec' }, { Periode, Region: 'Saguenay' }]);
  const period = { field: 'Periode', kind: 'period' as const };

  it('should keep one decade, then only the decades of a range', () => {
    const one = kept(timeFilter(period, decades, { mode: 'single', value: '1990-1999' }), fires);
    expect(one.map((p) => p.Periode)).toEqual(['1990-1999', '1990-1999']);
    const range = kept(timeFilter(period, decades, { mode: 'range', from: '1990-1999', to: '2010-2019' }), fires);
    expect([...new Set(range.map((p) => p.Periode))]).toEqual(['1990-1999', '2000-2009', '2010-2019']);
  });

  it('should filter nothing for no selection or a range over every value', () => {
    expect(timeFilter(period, decades, null)).toBeNull();
    expect(timeFilter(period, decades, { mode: 'range', from: decades[0]!, to: decades.at(-1)! })).toBeNull();
  });

  it('should compare years stored as numbers, strings or dates', () => {
    const features = [{ annee: 1998 }, { annee: '2011' }, { annee: '2017-04-21' }, { annee: 2019 }, { autre: 1 }];
    const spec = { field: 'annee', kind: 'year' as const };
    const values = ['1998', '2011', '2017', '2019'];
    expect(kept(timeFilter(spec, values, { mode: 'single', value: '2011' }), features)).toEqual([{ annee: '2011' }]);
    const range = kept(timeFilter(spec, values, { mode: 'range', from: '2011', to: '2017' }), features);
    expect(range).toEqual([{ annee: '2011' }, { annee: '2017-04-21' }]);
  });

  it('should compare dates by day, time of day ignored', () => {
    const features = [{ d: '2019-04-14T08:00:00' }, { d: '2019-04-20' }, { d: '2019-04-25T23:59:00Z' }, { d: '2019-05-02' }];
    const spec = { field: 'd', kind: 'date' as const };
    const values = ['2019-04-14', '2019-04-20', '2019-04-25', '2019-05-02'];
    expect(kept(timeFilter(spec, values, { mode: 'single', value: '2019-04-14' }), features)).toEqual([{ d: '2019-04-14T08:00:00' }]);
    expect(kept(timeFilter(spec, values, { mode: 'range', from: '2019-04-20', to: '2019-04-25' }), features)).toHaveLength(2);
  });

  it('should keep a style layer\'s own filter beside the time filter', () => {
    const base = ['==', ['get', 'Region'], 'Québec'];
    const filter = combineFilters(base, timeFilter(period, decades, { mode: 'single', value: '2000-2009' }));
    expect(kept(filter, fires)).toEqual([{ Periode: '2000-2009', Region: 'Québec' }]);
    expect(combineFilters(base, null)).toBe(base);
    expect(combineFilters(undefined, null)).toBeNull();
  });
});

describe('time in the URL hash', () => {
  const roundTrip = (selection: TimeSelection | null) => {
    const extra = encodeTime([['aoi', 'x1'], ['time', 'old']], selection);
    const hash = encodeHash({ view: { zoom: 6, lat: 47, lon: -72 }, lang: 'fr', layers: [{ id: 'feux', opacity: 1 }], extra });
    const decoded = decodeHash(hash);
    expect(decoded.problems).toEqual([]);
    expect(decoded.state.extra.find(([key]) => key === 'aoi')).toEqual(['aoi', 'x1']);
    return { hash, back: decodeTime(decoded.state.extra) };
  };

  it('should round-trip one time, a range and no time', () => {
    const single = roundTrip({ mode: 'single', value: '2019-05-04' });
    expect(single.hash).toContain('time=2019-05-04');
    expect(single.back).toEqual({ mode: 'single', value: '2019-05-04' });
    const range = roundTrip({ mode: 'range', from: '1990-1999', to: '2010-2019' });
    expect(range.hash).toContain('from=1990-1999&to=2010-2019');
    expect(range.hash).not.toContain('time=');
    expect(range.back).toEqual({ mode: 'range', from: '1990-1999', to: '2010-2019' });
    const none = roundTrip(null);
    expect(none.hash).not.toMatch(/time=|from=|to=/);
    expect(none.back).toBeNull();
  });

  it('should ignore time values that are not times', () => {
    expect(decodeTime([['time', encodeURIComponent('<script>')]])).toBeNull();
    expect(decodeTime([['time', '%E0%A4%A']])).toBeNull();
    expect(decodeTime([['from', '1990'], ['time', '2001']])).toEqual({ mode: 'single', value: '2001' });
  });
});
