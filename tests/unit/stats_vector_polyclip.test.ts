// The float clipper (polygon-clipping) against turf `intersect` (polyclip-ts, BigNumber) on
// generated polygons: same emptiness, same number of parts, geodesic areas equal within 1e-9.
import { describe, expect, it } from 'vitest';
import { area, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { intersectPolygons } from '../../src/queries/stats_vector_polyclip';

function random(seed: number): () => number {
  return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
}

/** A star-shaped (concave) ring of n vertices around a centre. */
function star(rand: () => number, cx: number, cy: number, r: number, n: number): Position[] {
  const ring = Array.from({ length: n }, (_, k) => {
    const a = (k / n) * 2 * Math.PI;
    const rr = r * (0.4 + 0.6 * rand());
    return [cx + rr * Math.cos(a), cy + rr * 0.7 * Math.sin(a)];
  });
  return [...ring, ring[0] as Position];
}

const feature = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry });

const concaveAoi: Polygon = { type: 'Polygon', coordinates: [[[-72.62, 46.3], [-72.5, 46.31], [-72.47, 46.4], [-72.55, 46.37], [-72.6, 46.42], [-72.62, 46.3]]] };
const aoiWithHole: Polygon = { type: 'Polygon', coordinates: [
  [[-72.7, 46.25], [-72.4, 46.25], [-72.4, 46.45], [-72.7, 46.45], [-72.7, 46.25]],
  [[-72.58, 46.33], [-72.58, 46.37], [-72.52, 46.37], [-72.52, 46.33], [-72.58, 46.33]],
] };

describe('intersectPolygons (polygon-clipping) equals turf intersect', () => {
  for (const [name, aoi] of [['concave AOI', concaveAoi], ['AOI with a hole', aoiWithHole]] as const) {
    it(`${name}: 300 random star polygons, some across the edge, some outside`, () => {
      const rand = random(name.length * 7919);
      let crossing = 0, empty = 0;
      for (let i = 0; i < 300; i++) {
        const subject: Polygon = { type: 'Polygon', coordinates: [star(rand, -72.75 + rand() * 0.45, 46.22 + rand() * 0.26, 0.005 + rand() * 0.05, 5 + Math.floor(rand() * 20))] };
        const truth = intersect(featureCollection([feature(aoi), feature(subject)]));
        const ours = intersectPolygons(aoi, subject);
        expect(ours === null).toBe(truth === null);
        if (!truth || !ours) { empty++; continue; }
        expect(ours.type).toBe(truth.geometry.type);
        const [a, b] = [area(feature(ours)), area(truth)];
        expect(Math.abs(a - b) / b).toBeLessThan(1e-9);
        if (Math.abs(a - area(feature(subject))) > 1) crossing++;
      }
      // the sample must exercise real clipping and empty results, not only whole polygons
      expect(crossing).toBeGreaterThan(20);
      expect(empty).toBeGreaterThan(20);
    });
  }

  it('a multipolygon subject keeps its parts apart', () => {
    const subject: MultiPolygon = { type: 'MultiPolygon', coordinates: [
      [[[-72.63, 46.32], [-72.58, 46.32], [-72.58, 46.35], [-72.63, 46.35], [-72.63, 46.32]]],
      [[[-72.52, 46.33], [-72.46, 46.33], [-72.46, 46.36], [-72.52, 46.36], [-72.52, 46.33]]],
    ] };
    const truth = intersect(featureCollection([feature(concaveAoi), feature(subject)]));
    const ours = intersectPolygons(concaveAoi, subject);
    expect(ours?.type).toBe('MultiPolygon');
    expect(ours?.coordinates.length).toBe((truth?.geometry as MultiPolygon).coordinates.length);
    expect(Math.abs(area(feature(ours as MultiPolygon)) - area(truth as Feature)) / area(truth as Feature)).toBeLessThan(1e-9);
  });
});
