// Ground area of one pixel. Projected CRSs: the grid cell area (in metres, whatever the CRS unit).
// Geographic CRSs: the spherical area of a cell at the AOI's mean latitude, flagged approximate.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Cog } from '../sources/cog/open';
import { metresPerUnit } from '../sources/cog/crs';

export interface PixelArea {
  m2: number;
  /** 'grid': exact cell area in the projected CRS; 'approximate': geographic CRS, at one latitude */
  kind: 'grid' | 'approximate';
}

/** authalic radius of the WGS 84 ellipsoid */
const EARTH_RADIUS_M = 6371007.2;

export function pixelAreaM2(cog: Cog, level: number, aoi: Polygon | MultiPolygon): PixelArea {
  const grid = cog.levels[level] ?? cog.levels[0];
  if (!grid) throw new Error(`${cog.key}: no image`);
  if (!cog.crs.geographic) {
    // |det| of the geotransform: the cell area of a rotated or sheared grid too
    const t = cog.georef.transform;
    const cell = Math.abs(t[1] * t[5] - t[2] * t[4]) * (cog.width / grid.width) * (cog.height / grid.height);
    return { m2: cell * metresPerUnit(cog.crs) ** 2, kind: 'grid' };
  }
  const lat = meanLatitude(aoi);
  const rad = Math.PI / 180;
  const south = (lat - grid.resY / 2) * rad;
  const north = (lat + grid.resY / 2) * rad;
  const m2 = EARTH_RADIUS_M * EARTH_RADIUS_M * grid.resX * rad * Math.abs(Math.sin(north) - Math.sin(south));
  return { m2, kind: 'approximate' };
}

function meanLatitude(aoi: Polygon | MultiPolygon): number {
  const rings = aoi.type === 'Polygon' ? [aoi.coordinates[0] ?? []] : aoi.coordinates.map((p) => p[0] ?? []);
  let sum = 0;
  let n = 0;
  for (const ring of rings) for (const p of ring) { sum += p[1] as number; n++; }
  return n ? sum / n : 0;
}

