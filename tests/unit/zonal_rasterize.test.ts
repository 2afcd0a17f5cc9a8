import { describe, expect, it } from 'vitest';
import { countSpanPixels, rasterizeSpans, type PixelPolygon } from '../../src/queries/zonal_rasterize';
import { histogram, percentile, createTally } from '../../src/queries/zonal_tally';
import { insidePolygons } from '../support/pixel_inside';

/** Brute force: test every pixel centre with a ray-crossing point-in-polygon (even-odd over all rings). */
function bruteForce(polygons: PixelPolygon[], width: number, height: number): number {
  let count = 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const [x, y] = [c + 0.5, r + 0.5];
      if (insidePolygons(polygons, x, y)) count++;
    }
  }
  return count;
}

describe('rasterizeSpans (pixel-centre rule)', () => {
  it('counts the pixels of an axis-aligned square exactly', () => {
    const square: PixelPolygon = [[[2, 3], [6, 3], [6, 8], [2, 8], [2, 3]]];
    const spans = rasterizeSpans([square], 10, 10);
    expect(countSpanPixels(spans)).toBe(20);
    expect([spans.rowStart, spans.rowEnd]).toEqual([3, 8]);
  });

  it('agrees with a brute-force point-in-polygon test on random concave polygons with holes', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 25; k++) {
      const star = (cx: number, cy: number, r: number): Array<[number, number]> => Array.from({ length: 11 }, (_, i) => {
        const a = (i % 10) * (Math.PI / 5);
        const rr = (i % 2 ? 0.45 : 1) * r * (0.7 + 0.3 * rand());
        return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)];
      });
      const outer = star(20 + rand() * 5, 18 + rand() * 5, 15);
      const hole = star(22, 20, 4).reverse();
      const other = star(45, 40, 6);
      const polygons: PixelPolygon[] = [[outer, hole], [other]];
      expect(countSpanPixels(rasterizeSpans(polygons, 50, 45))).toBe(bruteForce(polygons, 50, 45));
    }
  });

  it('clips to the grid and returns nothing for a polygon outside it', () => {
    const outside: PixelPolygon = [[[-10, -10], [-2, -10], [-2, -2], [-10, -10]]];
    expect(countSpanPixels(rasterizeSpans([outside], 10, 10))).toBe(0);
    const overlapping: PixelPolygon = [[[-5, -5], [5, -5], [5, 5], [-5, 5], [-5, -5]]];
    expect(countSpanPixels(rasterizeSpans([overlapping], 10, 10))).toBe(25);
  });
});

describe('value tally', () => {
  it('percentiles and histogram follow numpy on a known sample', () => {
    const values = [5, 1, 9, 3, 3, 7, 2, 8, 6, 4];
    for (const dtype of ['int16', 'float32']) {
      const tally = createTally(dtype);
      values.forEach((v) => tally.add(v));
      const counts = tally.finish();
      // numpy.percentile([1,2,3,3,4,5,6,7,8,9], [10, 50, 90]) = [1.9, 4.5, 8.1]
      expect(percentile(counts, 10)).toBeCloseTo(1.9, 12);
      expect(percentile(counts, 50)).toBeCloseTo(4.5, 12);
      expect(percentile(counts, 90)).toBeCloseTo(8.1, 12);
      // numpy.histogram(values, 4) → counts [2, 3, 2, 3], edges [1, 3, 5, 7, 9]
      expect(histogram(counts, 4)).toEqual({ edges: [1, 3, 5, 7, 9], counts: [2, 3, 2, 3] });
    }
  });

  it('switches to a flagged bounded sample past the distinct-value limit', () => {
    const tally = createTally('float64', 1000);
    for (let i = 0; i < 20000; i++) tally.add(i / 7);
    const counts = tally.finish();
    expect(counts.exact).toBe(false);
    expect(counts.values.length).toBe(1000);
    expect(Math.abs((percentile(counts, 50) as number) - 19999 / 14)).toBeLessThan(200);
  });
});
