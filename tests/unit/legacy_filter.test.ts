// The basemap's legacy filters converted without the style-spec package keep exactly the features
// MapLibre's own convertFilter keeps (evaluated by MapLibre's featureFilter on sample features).
import { describe, expect, it } from 'vitest';
import { convertFilter, featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { layers, namedFlavor } from '@protomaps/basemaps';
import { legacyFilterToExpression } from '../../src/map/legacy_filter';

const KINDS = ['address', 'river', 'stream', 'lake', 'island', 'locality', 'region', 'country', 'highway', 'park', 'other'];

function samples(): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [{}];
  for (const kind of KINDS) {
    out.push({ kind }, { kind, oneway: 'yes', shield_text: 'A20', min_zoom: 3 }, { kind, shield_text: 'toolong', min_zoom: 12 });
  }
  return out;
}

function keeps(filter: unknown): boolean[] {
  const compiled = featureFilter(filter as FilterSpecification, 'layers[0].filter');
  return samples().map((properties) => compiled.filter({ zoom: 10 }, { type: 1, properties }));
}

describe('legacyFilterToExpression', () => {
  it('keeps the same features as convertFilter for every Protomaps symbol filter', () => {
    const filters = layers('basemap', namedFlavor('light'), { lang: 'fr' })
      .filter((layer) => layer.type === 'symbol' && layer.filter)
      .map((layer) => (layer as { filter: unknown[] }).filter);
    expect(filters.length).toBeGreaterThan(5);
    for (const filter of filters) {
      expect(keeps(legacyFilterToExpression(filter)), JSON.stringify(filter)).toEqual(keeps(convertFilter(filter as FilterSpecification)));
    }
  });

  it('converts the other legacy forms: !=, !in, !has, $type', () => {
    for (const filter of [['!=', 'kind', 'river'], ['!in', 'kind', 'lake', 'island'], ['!has', 'oneway'], ['==', '$type', 'Point'], ['any', ['==', 'kind', 'park'], ['has', 'oneway']]]) {
      expect(keeps(legacyFilterToExpression(filter)), JSON.stringify(filter)).toEqual(keeps(convertFilter(filter as FilterSpecification)));
    }
  });

  it('returns expressions unchanged', () => {
    const expression = ['==', ['get', 'oneway'], 'yes'];
    expect(legacyFilterToExpression(expression)).toEqual(expression);
  });
});
