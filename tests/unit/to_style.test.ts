import { describe, expect, it } from 'vitest';
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import { opacityPaint, perFeature, toMapLayers } from '../../src/catalogue/to_style';
import type { LayerDefinition } from '../../src/catalogue/types';

const def: LayerDefinition = {
  id: 'zones-inondables',
  title: { fr: 'Zones inondables', en: 'Flood zones' },
  description: { fr: 'd', en: 'd' },
  group: 'floods',
  source: { kind: 'pmtiles-vector', url: 'data/zones.pmtiles', sourceLayer: 'zones' },
  style: [
    { type: 'fill', paint: { 'fill-color': ['match', ['get', 'classe'], '0-20', '#08519c', '#6baed6'], 'fill-opacity': 0.6 } },
    { type: 'line', paint: { 'line-color': '#08306b' }, minzoom: 8 },
  ],
  legend: { type: 'categories', items: [{ label: { fr: '0-20', en: '0-20' }, color: '#08519c' }] },
  attribution: { organisation: { fr: 'o', en: 'o' }, licence: 'CC-BY 4.0', date: '2024' },
};

describe('catalogue to MapLibre style', () => {
  it('should make one style layer per style entry on a pmtiles source with the source-layer', () => {
    const parts = toMapLayers(def, 'http://host/app/data/zones.pmtiles', 0.5);
    expect(parts.source).toEqual({ type: 'vector', url: 'pmtiles://http://host/app/data/zones.pmtiles' });
    expect(parts.layers.map((layer) => layer.id)).toEqual(['zones-inondables::0', 'zones-inondables::1']);
    const [fill, line] = parts.layers as Array<Record<string, unknown>>;
    expect(fill!['source-layer']).toBe('zones');
    expect((fill!.paint as Record<string, unknown>)['fill-opacity']).toBeCloseTo(0.3);
    expect((line!.paint as Record<string, unknown>)['line-opacity']).toBe(0.5);
    expect(line!.minzoom).toBe(8);
  });

  it('should share one source between layers reading the same file', () => {
    const other = { ...def, id: 'autre' };
    expect(toMapLayers(other, 'http://h/x.pmtiles').sourceId).toBe(toMapLayers(def, 'http://h/x.pmtiles').sourceId);
  });

  it('should scale the outputs of a zoom curve, keeping it the outermost expression', () => {
    const curve = ['interpolate', ['linear'], ['zoom'], 5, 0.2, 10, 0.8];
    const [[, scaled]] = opacityPaint({ type: 'fill', paint: { 'fill-opacity': curve } }, 0.5) as [[string, unknown[]]];
    expect(scaled.slice(0, 4)).toEqual(curve.slice(0, 4));
    expect(scaled[4]).toBeCloseTo(0.1);
    expect(scaled[6]).toBeCloseTo(0.4);
  });

  it('should wrap a data-driven opacity in a product', () => {
    const expression = ['get', 'alpha'];
    expect(opacityPaint({ type: 'circle', paint: { 'circle-opacity': expression } }, 0.25)[0]).toEqual([
      'circle-opacity',
      ['*', 0.25, expression],
    ]);
  });

  it('should read one-colour fills and lines per feature, like class-coloured ones, with the same colour', () => {
    // MapLibre links one shader program per set of per-feature paint properties (issue 15)
    const [fill, line] = toMapLayers(def, 'http://h/x.pmtiles').layers as Array<{ paint: Record<string, unknown> }>;
    expect(fill!.paint['fill-color']).toEqual(def.style[0]!.paint!['fill-color']);
    expect(line!.paint['line-color']).toEqual(perFeature('#08306b'));
    const parsed = expression.createPropertyExpression(perFeature('#08306b'), 'line-color', latest.paint_line['line-color'] as never);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    expect(parsed.value.kind).toBe('source');
    for (const properties of [{}, { kind: 'land' }, { classe: '0-20' }]) {
      const colour = parsed.value.evaluate({ zoom: 6 }, { type: 'Polygon', properties } as never) as { toString(): string };
      expect(colour.toString()).toBe('rgba(8,48,107,1)');
    }
  });
});
