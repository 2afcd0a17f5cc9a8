// AOI features cross from the upload worker as flat typed arrays: packing then unpacking must
// give back the same polygons (holes, several parts, names) and nothing else.
import { describe, expect, it } from 'vitest';
import { packFeature, transferables, unpackFeature } from '../../src/queries/aoi_geometry_pack';
import type { AoiFeature } from '../../src/queries/aoi_geometry_types';

const ring = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

describe('packing AOI features for the worker', () => {
  it('should give back a polygon with a hole and its name', () => {
    const feature: AoiFeature = { type: 'Feature', properties: { name: 'Lac à l’Île' }, geometry: { type: 'Polygon', coordinates: [ring(-72.6, 46.3, 0.2), ring(-72.55, 46.35, 0.01).reverse()] } };
    const packed = packFeature(feature);
    expect(packed.coordinates).toHaveLength(20);
    expect(Array.from(packed.ringLengths)).toEqual([5, 5]);
    expect(unpackFeature(packed)).toEqual(feature);
  });

  it('should give back a multipolygon and leave a missing name missing', () => {
    const feature: AoiFeature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[ring(0, 0, 1)], [ring(2, 2, 1), ring(2.2, 2.2, 0.1)], [ring(5, 5, 3)]] } };
    const packed = packFeature(feature);
    expect(Array.from(packed.polygonRings)).toEqual([1, 2, 1]);
    expect(unpackFeature(packed)).toEqual(feature);
    expect(transferables([packed])).toHaveLength(3);
  });
});
