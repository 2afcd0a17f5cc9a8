// Defaults of `npm run import` without a recipe: a time block from date, year and period fields,
// colours per class for a short list of values, and the data's own date.
import { describe, expect, it } from 'vitest';
import { dataDate, detectCategories, detectTime } from '../../src/cli/import/vector_defaults';
import type { FieldSample } from '../../src/cli/import/vector_samples';
import { withRasterDefaults, withVectorDefaults } from '../../src/cli/import/layer_defaults';
import type { LayerDefinition } from '../../src/catalogue/types';
import { validateLayer } from '../../src/catalogue/validate';

const decades = Array.from({ length: 15 }, (_, i) => `${1880 + 10 * i}-${1889 + 10 * i}`);
const fires: FieldSample[] = [
  { name: 'SUP_HA', type: 'Real' },
  { name: 'Region', type: 'String', distinct: ['Québec', 'Saguenay'] },
  { name: 'Periode', type: 'String', distinct: decades },
];
const observations: FieldSample[] = [
  { name: 'date_observation', type: 'DateTime', max: '2019/04/25 16:00:00' },
  { name: 'nom', type: 'String' },
  { name: 'urgence', type: 'String', distinct: ['Future', 'Immédiate', 'Passée', 'Prévue'] },
  { name: 'severite', type: 'String', distinct: ['Extrême', 'Importante', 'Mineure', 'Modérée'] },
];
const nrcan: FieldSample[] = [
  { name: 'OBJECTID', type: 'Integer' },
  { name: 'year', type: 'String', distinct: ['1980', '1996', '2021'] },
  { name: 'start_date', type: 'String', distinct: ['1980-07-01', '2021-05-02'] },
];

describe('import defaults', () => {
  it('should find periods, years and dates, preferring periods and years', () => {
    expect(detectTime(fires)).toEqual({ field: 'Periode', kind: 'period' });
    expect(detectTime(nrcan)).toEqual({ field: 'year', kind: 'year' });
    expect(detectTime(observations)).toEqual({ field: 'date_observation', kind: 'date' });
    expect(detectTime([{ name: 'code', type: 'String', distinct: ['1990', '2000'] }])).toBeUndefined();
  });

  it("should take the latest time as the data's date, not an unfinished decade", () => {
    expect(dataDate(detectTime(observations), observations)).toBe('2019-04-25');
    expect(dataDate(detectTime(nrcan), nrcan)).toBe('2021');
    expect(dataDate(detectTime(fires), fires)).toBeUndefined();
    expect(dataDate({ field: 'Periode', kind: 'period' }, [{ name: 'Periode', type: 'String', distinct: ['1990-1999', '2000-2009'] }])).toBe('2009');
  });

  it('should colour by period first, else by a text field of few values', () => {
    const byDecade = detectCategories(fires, 'polygon', detectTime(fires));
    expect(byDecade?.field).toBe('Periode');
    expect(byDecade?.legend.items).toHaveLength(15);
    const bySeverity = detectCategories(observations, 'point', detectTime(observations));
    expect(bySeverity?.field).toBe('severite');
    expect(bySeverity?.style[0]?.paint?.['circle-color']).toEqual(['match', ['to-string', ['get', 'severite']],
      'Extrême', '#1f77b4', 'Importante', '#ff7f0e', 'Mineure', '#2ca02c', 'Modérée', '#d62728', '#9e9e9e']);
    expect(bySeverity?.legend.items.map((i) => [i.label.fr, i.shape])).toEqual([['Extrême', 'circle'], ['Importante', 'circle'], ['Mineure', 'circle'], ['Modérée', 'circle']]);
    expect(detectCategories(nrcan, 'point', detectTime(nrcan))).toBeUndefined();
    expect(detectCategories(nrcan, 'point')).toBeUndefined();
  });
});

describe('starter layer files take what the data says', () => {
  const starter = (): LayerDefinition => ({
    id: 'obs', title: { fr: 'Obs', en: 'Obs' }, description: { fr: 'Couche importée.', en: 'Imported layer.' }, group: 'floods',
    source: { kind: 'pmtiles-vector', url: 'data/local/obs.pmtiles', sourceLayer: 'obs' },
    style: [{ type: 'circle', paint: { 'circle-color': '#d7301f' } }],
    legend: { type: 'categories', items: [{ label: { fr: 'Obs', en: 'Obs' }, color: '#d7301f', shape: 'circle' }] },
    fields: [{ name: 'date_observation', label: { fr: 'date_observation', en: 'date_observation' }, type: 'string' }],
    attribution: { organisation: { fr: 'À compléter', en: 'To be completed' }, licence: '—', date: '2026-12-04' },
  });

  it('should add the time block, the classes and the data date to a vector layer, and stay valid', () => {
    const layer = withVectorDefaults(starter(), observations, 'point');
    expect(layer.time).toEqual({ field: 'date_observation', kind: 'date' });
    expect(layer.attribution.date).toBe('2019-04-25');
    expect(layer.legend.items.map((i) => i.label.fr)).toEqual(['Extrême', 'Importante', 'Mineure', 'Modérée']);
    expect(layer.fields?.[0]?.type).toBe('date');
    expect(validateLayer(layer, 'layers/local/obs.json', ['floods'])).toEqual([]);
  });

  it("should take a raster's title, band descriptions and date from its metadata unless a title was given", () => {
    const meta = { bandDescriptions: ['age (stand age class, years)'], datetime: '2020:06:30 12:00:00' };
    const layer = withRasterDefaults(starter(), meta, false);
    expect(layer.title).toEqual({ fr: 'age (stand age class, years)', en: 'age (stand age class, years)' });
    expect(layer.description.en).toBe('Imported layer. Bands — 1: age (stand age class, years).');
    expect(layer.attribution.date).toBe('2020-06-30');
    expect(withRasterDefaults(starter(), meta, true).title).toEqual({ fr: 'Obs', en: 'Obs' });
    expect(withRasterDefaults(starter(), { bandDescriptions: [] }, false)).toEqual(starter());
  });
});
