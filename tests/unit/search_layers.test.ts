// Layer-title search and the combined suggestions, over the real layer catalogue in layers/.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import { matchLayers } from '../../src/queries/search/layers';
import { PlaceIndex } from '../../src/queries/search/places';
import { suggestNow, zoomFor } from '../../src/queries/search/suggest';

const layersDir = path.resolve(import.meta.dirname, '../../layers');
const defs: LayerDefinition[] = readdirSync(layersDir)
  .filter((file) => file.endsWith('.json') && file !== 'catalogue.json')
  .map((file) => JSON.parse(readFileSync(path.join(layersDir, file), 'utf8')) as LayerDefinition);

describe('matchLayers', () => {
  it('should find a layer by the start of its French or English title, accents ignored', () => {
    expect(matchLayers('zones inond', defs, 'fr')[0]?.def.id).toBe('zones-inondables');
    expect(matchLayers('hydrographie', defs, 'en')[0]?.def.id).toBe('hydrographie');
    const english = matchLayers('historical flo', defs, 'en').map((m) => m.def.id);
    expect(english).toContain('crues-historiques');
  });

  it('should find a later word and tolerate a typo in a long word', () => {
    expect(matchLayers('inondables', defs, 'fr').map((m) => m.def.id)).toContain('zones-inondables');
    expect(matchLayers('hydrograhie', defs, 'fr')[0]?.def.id).toBe('hydrographie');
  });

  it('should not match one letter or nonsense', () => {
    expect(matchLayers('z', defs, 'fr')).toEqual([]);
    expect(matchLayers('qqqqqq', defs, 'fr')).toEqual([]);
  });
});

describe('suggestNow', () => {
  const places = new PlaceIndex([
    { name: 'Trois-Rivières', lon: -72.54, lat: 46.35, admin: 'Mauricie', population: 139_000 },
    { name: 'Trois-Pistoles', lon: -69.17, lat: 48.12, admin: 'Bas-Saint-Laurent', population: 3_000 },
  ]);

  it('should offer only the point for coordinates, with the order guess', () => {
    const answer = suggestNow('-72.55 46.35', { places, layers: defs, lang: 'fr' });
    expect(answer.suggestions).toEqual([{ kind: 'coordinates', lon: -72.55, lat: 46.35, order: 'lonlat', ambiguous: true }]);
    expect(zoomFor(answer.suggestions[0]!)).toBe(14);
  });

  it('should report bad coordinates as a problem, not as an empty search', () => {
    expect(suggestNow('95, -200', { places, layers: defs, lang: 'fr' })).toMatchObject({ suggestions: [], problem: 'out_of_range' });
  });

  it('should list places first, best match first, then layers', () => {
    const answer = suggestNow('trois', { places, layers: defs, lang: 'fr' });
    expect(answer.suggestions.map((s) => (s.kind === 'place' ? s.name : s.kind))).toEqual(['Trois-Rivières', 'Trois-Pistoles']);
    expect(zoomFor(answer.suggestions[0]!)).toBe(11);
    const mixed = suggestNow('zones inondables', { places, layers: defs, lang: 'fr' });
    expect(mixed.suggestions[0]).toMatchObject({ kind: 'layer' });
  });
});
