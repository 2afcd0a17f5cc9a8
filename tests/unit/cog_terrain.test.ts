import { describe, expect, it } from 'vitest';
import { terrainProduct } from '../../src/sources/cog/terrain';

/** A tilted plane rising `rise` metres per metre towards the east. */
function plane(rise: number, size = 5, cell = 10): { values: Float32Array; width: number; height: number; cellX: number; cellY: number; isValid: (v: number) => boolean } {
  const values = new Float32Array(size * size).map((_, i) => (i % size) * cell * rise);
  return { values, width: size, height: size, cellX: cell, cellY: cell, isValid: (v) => v !== -9999 };
}

describe('terrain products', () => {
  it('slope of a tilted plane is atan(rise) in degrees', () => {
    for (const rise of [0, 0.1, 1]) {
      const slope = terrainProduct(plane(rise), 'slope');
      expect(slope[12]).toBeCloseTo((Math.atan(rise) * 180) / Math.PI, 4);
    }
  });

  it('a slope facing the north-west sun is brighter than one facing south-east', () => {
    const west = terrainProduct(plane(0.5), 'hillshade')[12] as number; // rises to the east: faces west
    const east = terrainProduct(plane(-0.5), 'hillshade')[12] as number;
    const flat = terrainProduct(plane(0), 'hillshade')[12] as number;
    expect(flat).toBeCloseTo(255 * Math.cos(Math.PI / 4), 3);
    expect(west).toBeGreaterThan(flat);
    expect(east).toBeLessThan(flat);
  });

  it('is NaN next to nodata', () => {
    const dem = plane(0.2);
    dem.values[6] = -9999;
    expect(terrainProduct(dem, 'slope')[12]).toBeNaN();
  });
});
