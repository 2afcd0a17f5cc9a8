// floodVerdict on hand-made polygons: every status, the synthetic flag, history within a distance.
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { floodVerdict, type FloodHistoryInput, type FloodZoneInput, type LayerInfo } from '../../src/queries/flood_verdict';

/** A lon/lat rectangle as a polygon feature. */
function box(west: number, south: number, east: number, north: number, properties: Record<string, unknown> = {}): Feature<Polygon> {
  const ring = [[west, south], [east, south], [east, north], [west, north], [west, south]];
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } };
}

function info(id: string, synthetic = false): LayerInfo {
  return { id, title: { fr: id, en: id }, producer: { fr: 'MELCCFP', en: 'MELCCFP' }, date: '2021-06', synthetic };
}

// A river reach mapped from lon 0 to 1: a 20–100 band, with a 0–20 band nested inside it.
const coverage = [box(0, 0, 1, 1)];
const zone20100 = box(0, 0.3, 1, 0.7, { classe: 'faible' });
const zone020 = box(0, 0.45, 1, 0.55, { classe: 'grand' });
const spec = { field: 'classe', classes: { grand: '0-20', faible: '20-100' } as const };

function zones(overrides: Partial<FloodZoneInput> = {}): FloodZoneInput {
  return { layer: info('zi'), spec, features: [zone20100, zone020], coverage, ...overrides };
}

const noHistory = { radiusKm: 5, history: [] };

describe('floodVerdict', () => {
  it('should give 0–20 inside the nested 0–20 zone (and list 20–100 too)', () => {
    const verdict = floodVerdict([0.5, 0.5], { ...noHistory, zones: [zones()] });
    expect(verdict.zones[0]).toMatchObject({ status: 'in-zone', classes: ['0-20', '20-100'] });
    expect(verdict.highestClass).toBe('0-20');
  });

  it('should give 20–100 only inside the outer band', () => {
    const verdict = floodVerdict([0.5, 0.35], { ...noHistory, zones: [zones()] });
    expect(verdict.zones[0]).toMatchObject({ status: 'in-zone', classes: ['20-100'] });
    expect(verdict.highestClass).toBe('20-100');
  });

  it('should say "outside the mapped zones" inside the coverage but in no zone', () => {
    const verdict = floodVerdict([0.5, 0.9], { ...noHistory, zones: [zones()] });
    expect(verdict.zones[0]).toMatchObject({ status: 'outside-zones', classes: [] });
    expect(verdict.highestClass).toBeNull();
  });

  it('should say "no mapping" outside the coverage, even next to the zones', () => {
    const verdict = floodVerdict([1.2, 0.5], { ...noHistory, zones: [zones()] });
    expect(verdict.zones[0]?.status).toBe('no-mapping');
  });

  it('should not claim "outside the zones" when the layer declares no coverage', () => {
    const verdict = floodVerdict([0.5, 0.9], { ...noHistory, zones: [zones({ coverage: null })] });
    expect(verdict.zones[0]?.status).toBe('coverage-unknown');
  });

  it('should ignore values the layer does not map to a class', () => {
    const odd = box(0, 0.8, 1, 0.95, { classe: 'inconnue' });
    const verdict = floodVerdict([0.5, 0.9], { ...noHistory, zones: [zones({ features: [odd] })] });
    expect(verdict.zones[0]?.status).toBe('outside-zones');
  });

  it('should flag the verdict synthetic only when a synthetic layer answered', () => {
    const real = zones();
    const demo = zones({ layer: info('demo', true) });
    expect(floodVerdict([0.5, 0.5], { ...noHistory, zones: [real] }).synthetic).toBe(false);
    expect(floodVerdict([0.5, 0.5], { ...noHistory, zones: [real, demo] }).synthetic).toBe(true);
    const broken = zones({ layer: info('demo', true), error: 'demo.pmtiles: no such file' });
    const verdict = floodVerdict([0.5, 0.5], { ...noHistory, zones: [real, broken] });
    expect(verdict.synthetic).toBe(false);
    expect(verdict.zones[1]).toMatchObject({ status: 'error', error: 'demo.pmtiles: no such file' });
  });

  it('should count history events within the distance, by year, once per event', () => {
    // At lat 0, 0.01° of longitude is about 1.113 km.
    const event = (dLon: number, annee: unknown, id: string) => box(dLon, -0.001, dLon + 0.001, 0.001, { annee, id });
    const features = [
      event(-0.0005, 2019, 'a'), // holds the point
      event(0.03, '2019-04-25', 'b'), // ~3.3 km east
      event(0.03, '2019-04-25', 'b'), // the same event again (cut by a tile edge)
      event(0.08, 2017, 'c'), // ~8.9 km
      event(0.2, 1998, 'd'), // ~22 km: outside every choice
    ];
    const history: FloodHistoryInput = { layer: info('crues', true), spec: { dateField: 'annee' }, features };
    const within = (radiusKm: number) => floodVerdict([0, 0], { radiusKm, zones: [], history: [history] }).history[0]!;
    expect(within(1)).toMatchObject({ total: 1, byYear: [{ year: 2019, count: 1, nearestKm: 0 }] });
    expect(within(5)).toMatchObject({ total: 2, byYear: [{ year: 2019, count: 2 }] });
    const ten = within(10);
    expect(ten.total).toBe(3);
    expect(ten.byYear.map((y) => [y.year, y.count])).toEqual([[2017, 1], [2019, 2]]);
    expect(ten.byYear[0]!.nearestKm).toBeCloseTo(0.08 * 111.32, 0);
  });

  it('should count point observations by their date field', () => {
    const observation = (lon: number, date: string): Feature => ({
      type: 'Feature', properties: { date_observation: date }, geometry: { type: 'Point', coordinates: [lon, 0] },
    });
    const features = [observation(0.001, '2019-04-20'), observation(0.002, '2019-04-21'), observation(0.5, '2019-04-22')];
    const history: FloodHistoryInput = { layer: info('obs'), spec: { dateField: 'date_observation' }, features };
    const answer = floodVerdict([0, 0], { radiusKm: 1, zones: [], history: [history] }).history[0]!;
    expect(answer).toMatchObject({ status: 'ok', total: 2, byYear: [{ year: 2019, count: 2 }] });
  });
});
