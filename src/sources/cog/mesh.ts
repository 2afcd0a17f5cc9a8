// Web Mercator tile pixel → full-resolution source pixel, through an approximating mesh:
// proj4 runs on (n+1)² grid points only, and pixels in between are interpolated bilinearly
// (the same idea as GDAL's approximate transformer). tests/unit/cog_render.test.ts measures
// that the error stays under half a pixel.
import type { Cog } from './open';
import { crsToPixel } from './georef';

const EARTH_HALF_CIRCUMFERENCE = 20037508.342789244;

export interface Mesh {
  /** Cells per side. */
  n: number;
  size: number;
  /** (n+1)² pairs of full-resolution source pixel coordinates (x, y), row-major. */
  points: Float64Array;
}

/** lon/lat of a point given in pixels of tile z/x/y (size px per side). */
export function tilePixelToLonLat(z: number, x: number, y: number, size: number, px: number, py: number): [number, number] {
  const worldSize = size * 2 ** z;
  const mx = ((x * size + px) / worldSize) * 2 - 1;
  const my = 1 - ((y * size + py) / worldSize) * 2;
  const lon = mx * 180;
  const lat = (Math.atan(Math.sinh(my * Math.PI)) * 180) / Math.PI;
  return [lon, lat];
}

/** Exact full-resolution source pixel coordinates of a tile pixel position. */
export function exactSourcePixel(cog: Cog, z: number, x: number, y: number, size: number, px: number, py: number): [number, number] {
  const [lon, lat] = tilePixelToLonLat(z, x, y, size, px, py);
  const [sx, sy] = cog.proj.forward([lon, Math.max(-85.05112878, Math.min(85.05112878, lat))]) as [number, number];
  return crsToPixel(cog.georef, sx, sy);
}

export function buildMesh(cog: Cog, z: number, x: number, y: number, size: number, n = 16): Mesh {
  const points = new Float64Array((n + 1) * (n + 1) * 2);
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i <= n; i++) {
      const [sx, sy] = exactSourcePixel(cog, z, x, y, size, (i * size) / n, (j * size) / n);
      const k = (j * (n + 1) + i) * 2;
      points[k] = sx;
      points[k + 1] = sy;
    }
  }
  return { n, size, points };
}

/** Interpolated source pixel of tile pixel position (px, py), written into `out`. */
export function meshLookup(mesh: Mesh, px: number, py: number, out: Float64Array): void {
  const { n, size, points } = mesh;
  const gx = Math.min(n - 1e-9, Math.max(0, (px * n) / size));
  const gy = Math.min(n - 1e-9, Math.max(0, (py * n) / size));
  const i = Math.floor(gx), j = Math.floor(gy);
  const fx = gx - i, fy = gy - j;
  const k00 = (j * (n + 1) + i) * 2, k10 = k00 + 2, k01 = k00 + (n + 1) * 2, k11 = k01 + 2;
  for (let c = 0; c < 2; c++) {
    const top = (points[k00 + c] as number) * (1 - fx) + (points[k10 + c] as number) * fx;
    const bottom = (points[k01 + c] as number) * (1 - fx) + (points[k11 + c] as number) * fx;
    out[c] = top * (1 - fy) + bottom * fy;
  }
}

/** [minX, minY, maxX, maxY] of the mesh in full-resolution source pixels (NaN points ignored). */
export function meshBounds(mesh: Mesh): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k < mesh.points.length; k += 2) {
    const sx = mesh.points[k] as number, sy = mesh.points[k + 1] as number;
    if (!Number.isFinite(sx) || !Number.isFinite(sy)) continue;
    minX = Math.min(minX, sx); maxX = Math.max(maxX, sx);
    minY = Math.min(minY, sy); maxY = Math.max(maxY, sy);
  }
  return [minX, minY, maxX, maxY];
}

export { EARTH_HALF_CIRCUMFERENCE };
