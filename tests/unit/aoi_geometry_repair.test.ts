// Repair and rejection of invalid AOI geometries, with the feature number in every note.
import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { cleanGeometry } from '../../src/queries/aoi_geometry_repair';
import { aoiFeaturesFrom } from '../../src/queries/aoi_geometry_read';
import { describeNote } from '../../src/queries/aoi_geometry_types';
import type { FeatureCollection, Geometry } from 'geojson';

const bowTie: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] };

describe('AOI geometry repair', () => {
  it('should repair a bow-tie polygon into two valid triangles of the same total area', () => {
    const { geometry, notes } = cleanGeometry(bowTie, 1);
    expect(geometry?.type).toBe('MultiPolygon');
    expect(geometry?.type === 'MultiPolygon' && geometry.coordinates).toHaveLength(2);
    // Each triangle is a quarter of the 2×2 square; the input's signed area would cancel out.
    const expected = area({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 2], [0, 0]]] }) * 2;
    expect(area(geometry!)).toBeCloseTo(expected, 0);
    expect(notes).toEqual([{ code: 'repaired', feature: 1 }]);
  });

  it('should leave a valid polygon as it is, without notes', () => {
    const square: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    const { geometry, notes } = cleanGeometry(square, 1);
    expect(notes).toEqual([]);
    expect(area(geometry!)).toBeCloseTo(area(square as never), 0);
  });

  it('should close an unclosed ring and say so', () => {
    const open: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] };
    const { geometry, notes } = cleanGeometry(open, 3);
    expect(geometry).not.toBeNull();
    expect(notes).toContainEqual({ code: 'unclosed_ring', feature: 3 });
    expect(describeNote(notes[0]!)).toBe('feature 3: unclosed ring (closed)');
  });

  it('should reject NaN coordinates with the feature number, and keep the other features', () => {
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { nom: 'bon' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
        { type: 'Feature', properties: { nom: 'point' }, geometry: { type: 'Point', coordinates: [0, 0] } },
        { type: 'Feature', properties: { nom: 'NaN' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [Number.NaN, 0], [1, 1], [0, 0]]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0]]] } },
      ],
    };
    const { features, notes } = aoiFeaturesFrom(collection, 'zones.geojson');
    expect(features.map((feature) => feature.properties.name)).toEqual(['bon']);
    expect(notes).toContainEqual({ code: 'bad_coordinates', feature: 3 });
    expect(notes).toContainEqual({ code: 'empty', feature: 4 });
    expect(notes).toContainEqual({ code: 'ignored_non_polygon', count: 1 });
  });

  it('should reject projected coordinates and empty geometries', () => {
    expect(cleanGeometry({ type: 'Polygon', coordinates: [[[-250000, 300000], [1, 0], [1, 1], [-250000, 300000]]] }, 2).notes)
      .toEqual([{ code: 'out_of_range', feature: 2 }]);
    expect(cleanGeometry({ type: 'Polygon', coordinates: [] }, 5).notes).toEqual([{ code: 'empty', feature: 5 }]);
    expect(cleanGeometry({ type: 'Polygon', coordinates: 'nope' } as never, 6).notes).toEqual([{ code: 'bad_coordinates', feature: 6 }]);
  });
});
