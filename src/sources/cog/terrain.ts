// Hillshade and slope from a DEM window (Horn's method, as gdaldem), computed on the source
// grid before warping so the shading follows the data, not the screen.

export interface DemGrid {
  values: ArrayLike<number>;
  width: number;
  height: number;
  /** Cell size in metres. */
  cellX: number;
  cellY: number;
  isValid: (v: number) => boolean;
}

type Product = 'hillshade' | 'slope';

/** Slope in degrees, or hillshade 0–255 (sun azimuth 315°, altitude 45°); NaN where undefined. */
export function terrainProduct(dem: DemGrid, product: Product): Float32Array {
  const { values, width, height, cellX, cellY, isValid } = dem;
  const out = new Float32Array(width * height).fill(NaN);
  const at = (c: number, r: number) => values[Math.min(height - 1, Math.max(0, r)) * width + Math.min(width - 1, Math.max(0, c))] as number;
  const zenith = ((90 - 45) * Math.PI) / 180;
  const azimuth = ((360 - 315 + 90) * Math.PI) / 180;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const w = [at(c - 1, r - 1), at(c, r - 1), at(c + 1, r - 1), at(c - 1, r), at(c, r), at(c + 1, r), at(c - 1, r + 1), at(c, r + 1), at(c + 1, r + 1)];
      if (!w.every(isValid)) continue;
      const [a, b, cc, d, , f, g, h, i] = w as [number, number, number, number, number, number, number, number, number];
      const dzdx = ((cc + 2 * f + i) - (a + 2 * d + g)) / (8 * cellX);
      const dzdy = ((g + 2 * h + i) - (a + 2 * b + cc)) / (8 * cellY);
      const slope = Math.atan(Math.hypot(dzdx, dzdy));
      if (product === 'slope') {
        out[r * width + c] = (slope * 180) / Math.PI;
        continue;
      }
      const aspect = Math.atan2(dzdy, -dzdx);
      const shade = Math.cos(zenith) * Math.cos(slope) + Math.sin(zenith) * Math.sin(slope) * Math.cos(azimuth - aspect);
      out[r * width + c] = Math.max(0, 255 * shade);
    }
  }
  return out;
}
