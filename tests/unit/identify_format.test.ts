// Attribute values labelled and formatted for fr-CA / en-CA: codes decoded, units, years, dates.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { LayerDefinition, QueryField } from '../../src/catalogue/types';
import { formatAttributes, formatCoordinate, formatValue, rasterValueText, yearOf } from '../../src/queries/identify_format';
import { featureHits, metresPerPixel, uniqueFeatures } from '../../src/queries/identify_hit';
import type { Feature } from 'geojson';

const fields: QueryField[] = [
  { name: 'gr_ess', label: { fr: 'Groupement d’essences', en: 'Species group' }, type: 'string',
    codes: { SB: { fr: 'Sapinière à bouleau blanc', en: 'Balsam fir–white birch' } } },
  { name: 'superficie_ha', label: { fr: 'Superficie', en: 'Area' }, type: 'number', unit: 'ha' },
  { name: 'annee', label: { fr: 'Année', en: 'Year' }, type: 'year' },
  { name: 'date_obs', label: { fr: 'Date', en: 'Date' }, type: 'date' },
  { name: 'vide', label: { fr: 'Vide', en: 'Empty' } },
];

describe('identify formatting', () => {
  it('should decode codes and label fields in the UI language, in the declared order, skipping empty values', () => {
    const props = { date_obs: '2019-04-21', annee: 2019, superficie_ha: 1234.5, gr_ess: 'SB', vide: '', autre: 'x' };
    expect(formatAttributes(props, fields, 'fr')).toEqual([
      { name: 'gr_ess', label: 'Groupement d’essences', value: 'Sapinière à bouleau blanc' },
      { name: 'superficie_ha', label: 'Superficie', value: '1\u00a0234,5\u00a0ha' },
      { name: 'annee', label: 'Année', value: '2019' },
      { name: 'date_obs', label: 'Date', value: '21 avril 2019' },
    ]);
    expect(formatAttributes(props, fields, 'en').map((r) => r.value)).toEqual(
      ['Balsam fir–white birch', '1,234.5\u00a0ha', '2019', 'April 21, 2019']);
  });

  it('should keep unknown codes and unparsable dates as they are', () => {
    expect(formatValue('XX', fields[0], 'fr')).toBe('XX');
    expect(formatValue('hier', fields[3], 'en')).toBe('hier');
    expect(yearOf('2019-04-21')).toBe(2019);
    expect(yearOf('vers 1990')).toBeNull();
  });

  it('should show every raw attribute when the layer declares no fields', () => {
    expect(formatAttributes({ a: 1.5, b: 'x', c: null }, undefined, 'fr')).toEqual([
      { name: 'a', label: 'a', value: '1,5' }, { name: 'b', label: 'b', value: 'x' },
    ]);
  });

  it('should format coordinates with the locale decimal mark', () => {
    expect(formatCoordinate(-72.55, 'fr')).toBe('-72,55000');
    expect(formatCoordinate(46.35, 'en')).toBe('46.35000');
  });
});

describe('identify hit test', () => {
  const line: Feature = { type: 'Feature', properties: { n: 1 }, geometry: { type: 'LineString', coordinates: [[0, 0], [0, 1]] } };
  const point: Feature = { type: 'Feature', properties: { n: 2 }, geometry: { type: 'Point', coordinates: [0.001, 0] } };

  it('should hit lines and points only within the tolerance', () => {
    // 0.0005° of longitude at the equator ≈ 55.7 m from the line.
    expect(featureHits(line, [0.0005, 0.5], 60)).toBe(true);
    expect(featureHits(line, [0.0005, 0.5], 50)).toBe(false);
    expect(featureHits(point, [0, 0], 120)).toBe(true);
    expect(featureHits(point, [0, 0], 100)).toBe(false);
  });

  it('should turn a few pixels into metres that shrink as the map zooms in', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.5, 0);
    expect(metresPerPixel(46.35, 12) * 2).toBeCloseTo(metresPerPixel(46.35, 11), 6);
  });

  it('should keep one copy of a feature cut by tile edges', () => {
    const piece = (x: number): Feature => ({ type: 'Feature', properties: { id_peup: 7 }, geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x, 1], [x, 0]]] } });
    expect(uniqueFeatures([piece(0), piece(1), { ...piece(0), properties: { id_peup: 8 } }])).toHaveLength(2);
  });
});

describe('raster values in words', () => {
  const layer = (id: string) => JSON.parse(readFileSync(new URL(`../../layers/${id}.json`, import.meta.url), 'utf8')) as LayerDefinition;

  it('should name a categorical value through the layer legend, not "Band 1: 1"', () => {
    const flood = layer('etendue-crue-2019');
    expect(rasterValueText(1, flood, 'fr')).toBe('Eau observée');
    expect(rasterValueText(1, flood, 'en')).toBe('Water observed');
    expect(rasterValueText(7, flood, 'fr')).toBe('7');
    expect(rasterValueText(null, flood, 'fr')).toBeNull();
  });

  it('should give a continuous value with its unit, formatted for the language', () => {
    const slope = layer('lidar-pente');
    expect(rasterValueText(12.5, slope, 'fr')).toBe('12,5\u00a0°');
    expect(rasterValueText(12.5, slope, 'en')).toBe('12.5\u00a0°');
  });
});
