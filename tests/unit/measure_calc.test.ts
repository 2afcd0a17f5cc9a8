import { area, destination, distance, point } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatArea, formatDistance, measure } from '../../src/ui/measure_calc';

/** A square of `side` metres starting at (lon, lat), built with geodesic steps east and north. */
function square(lon: number, lat: number, side: number): Position[] {
  const sw = point([lon, lat]);
  const se = destination(sw, side, 90, { units: 'meters' });
  const ne = destination(se, side, 0, { units: 'meters' });
  const nw = destination(sw, side, 0, { units: 'meters' });
  return [sw, se, ne, nw].map((p) => p.geometry.coordinates);
}

describe('measure', () => {
  it('should give about 100 ha for a 1 km × 1 km square at 46.8 °N, equal to turf.area', () => {
    const corners = square(-71.2, 46.8, 1000);
    const result = measure('area', corners);
    expect(result.area / 10_000).toBeCloseTo(100, 0);
    expect(result.area).toBeCloseTo(area({ type: 'Polygon', coordinates: [[...corners, corners[0]!]] }), 6);
    expect(result.length).toBeGreaterThan(3990);
    expect(result.length).toBeLessThan(4010);
    expect(formatArea(result.area, 'fr')).toMatch(/^(99,\d\d|100,\d\d) ha \(1,00 km²\)$/);
  });

  it('should measure a polyline as the sum of its geodesic legs', () => {
    const points: Position[] = [[-72.55, 46.35], [-72.5, 46.4], [-72.4, 46.41]];
    const expected = distance(points[0]!, points[1]!, { units: 'meters' }) + distance(points[1]!, points[2]!, { units: 'meters' });
    const result = measure('distance', points);
    expect(result.length).toBeCloseTo(expected, 3);
    expect(result.area).toBe(0);
  });

  it('should measure 0 until there are enough points', () => {
    expect(measure('distance', [[0, 0]]).length).toBe(0);
    expect(measure('area', [[0, 0], [0, 1]]).area).toBe(0);
    expect(measure('area', [[0, 0], [0, 1]]).length).toBeGreaterThan(110_000);
  });
});

describe('measure text', () => {
  it('should switch units with the size, in each language', () => {
    expect(formatDistance(850.4, 'fr')).toBe('850 m');
    expect(formatDistance(12_345, 'en')).toBe('12.35 km');
    expect(formatDistance(12_345, 'fr')).toBe('12,35 km');
    expect(formatArea(420, 'en')).toBe('420 m²');
    expect(formatArea(2.5e6, 'en')).toBe('250.00 ha (2.50 km²)');
    expect(formatArea(1.2345e9, 'en')).toBe('1,234.5 km²');
  });
});
