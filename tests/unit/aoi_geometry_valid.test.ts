// The fast validity check that lets valid uploads skip the (slow) polygon union: it must say
// "valid" only when the union would change nothing, and it must be fast on a 250 000-vertex ring.
import * as polyclip from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import { isCertainlyValid, ringArea } from '../../src/queries/aoi_geometry_valid';
import { cleanGeometry } from '../../src/queries/aoi_geometry_repair';
import { aoiFeaturesFrom, MAX_AOI_VERTICES } from '../../src/queries/aoi_geometry_read';
import { AoiReadError } from '../../src/queries/aoi_geometry_types';
import { wavyRing, zigzagRing, type Ring } from '../support/rings';

const square = (x: number, y: number, d: number): Ring => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const reversed = (ring: Ring): Ring => [...ring].reverse();


describe('fast polygon validity check', () => {
  it('should accept simple rings, holes inside their ring and separate parts', () => {
    expect(isCertainlyValid([[square(0, 0, 1)]])).toBe(true);
    expect(isCertainlyValid([[square(0, 0, 4), square(1, 1, 1)]])).toBe(true);
    expect(isCertainlyValid([[square(0, 0, 1)], [square(3, 0, 1)]])).toBe(true);
    expect(isCertainlyValid([[wavyRing(2000, 7)]])).toBe(true);
  });

  it('should refuse crossings, touching corners, spikes and wrong nesting', () => {
    const bowTie: Ring = [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]];
    const figureEight: Ring = [[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [1, 2], [1, 1], [0, 1], [0, 0]];
    const spike: Ring = [[0, 0], [2, 0], [3, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
    expect(isCertainlyValid([[bowTie]])).toBe(false);
    expect(isCertainlyValid([[figureEight]])).toBe(false);
    expect(isCertainlyValid([[spike]])).toBe(false);
    expect(isCertainlyValid([[square(0, 0, 1), square(3, 3, 1)]])).toBe(false); // hole outside its ring
    expect(isCertainlyValid([[square(0, 0, 4), square(1, 1, 2), square(1.5, 1.5, 0.5)]])).toBe(false); // hole in a hole
    expect(isCertainlyValid([[square(0, 0, 2)], [square(1, 1, 2)]])).toBe(false); // overlapping parts
    expect(isCertainlyValid([[square(0, 0, 4)], [square(1, 1, 1)]])).toBe(false); // part inside a part
    expect(isCertainlyValid([[square(0, 0, 1)], [square(1, 0, 1)]])).toBe(false); // parts sharing an edge
  });

  it('should call valid only what the union leaves with the same vertices', () => {
    let valid = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const ring = wavyRing(300, seed, seed % 2 ? 0.02 : 0);
      const verdict = isCertainlyValid([[ring]]);
      const union = polyclip.union([ring] as polyclip.Geom) as Ring[][];
      const unchanged = union.length === 1 && union[0]!.length === 1 && union[0]![0]!.length === ring.length;
      if (verdict) {
        valid++;
        expect(unchanged, `seed ${seed}`).toBe(true);
      }
      if (!unchanged) expect(verdict, `seed ${seed}`).toBe(false);
    }
    expect(valid).toBeGreaterThan(10); // the even seeds, at least, are smooth
  });

  it('should orient a valid clockwise polygon like the union does, without a repair note', () => {
    const result = cleanGeometry({ type: 'Polygon', coordinates: [reversed(square(0, 0, 4)), square(1, 1, 1)] });
    expect(result.notes).toEqual([]);
    const [outer, hole] = (result.geometry as { coordinates: Ring[] }).coordinates;
    expect(ringArea(outer!)).toBeGreaterThan(0);
    expect(ringArea(hole!)).toBeLessThan(0);
  });

  // Speed: tests/bench/input_budgets.ts; the timeout here only guards against a hang.
  it('should give up (and leave it to the union) on a dense zigzag', () => {
    expect(isCertainlyValid([[zigzagRing(20_000)]])).toBe(false);
  }, 20_000);

  it('should clean a 250 000-vertex valid ring without notes, keeping every vertex', () => {
    const ring = wavyRing(250_000, 3);
    const result = cleanGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(result.notes).toEqual([]);
    expect((result.geometry as { coordinates: Ring[] }).coordinates[0]).toHaveLength(ring.length);
  }, 60_000);

  it('should refuse a file with more vertices than the limit, naming the count', () => {
    const ring = wavyRing(MAX_AOI_VERTICES + 10, 5);
    const collection = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [ring] } }] };
    let error: unknown;
    try {
      aoiFeaturesFrom(collection, 'énorme.geojson');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AoiReadError);
    expect((error as AoiReadError).code).toBe('too_many_vertices');
    expect((error as AoiReadError).detail).toBe(String(MAX_AOI_VERTICES + 11));
    expect((error as AoiReadError).file).toBe('énorme.geojson');
  });
});
