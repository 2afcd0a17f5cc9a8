// A JSON description of an opened COG (what `cli info` prints).
import type { Cog } from './open';
import { crsLabel } from './crs';
import { pixelToCrs } from './georef';

export interface CogInfo {
  crs: string;
  width: number;
  height: number;
  bands: number;
  dtype: string;
  /** "NaN" when NaN is the nodata value (JSON has no NaN). */
  nodata: number | 'NaN' | null;
  /** [west, south, east, north] in degrees. */
  bounds4326: [number, number, number, number];
  /** [width, height] of each overview, largest first. */
  overviews: Array<[number, number]>;
}

export function cogInfo(cog: Cog): CogInfo {
  return {
    crs: crsLabel(cog.crs),
    width: cog.width,
    height: cog.height,
    bands: cog.bands,
    dtype: cog.dtype,
    nodata: cog.nodata !== null && Number.isNaN(cog.nodata) ? 'NaN' : cog.nodata,
    bounds4326: bounds4326(cog),
    overviews: cog.levels.slice(1).map((l) => [l.width, l.height]),
  };
}

/** Source extent in the CRS: [minX, minY, maxX, maxY] (of the four corners when rotated). */
export function sourceExtent(cog: Cog): [number, number, number, number] {
  const corners = [[0, 0], [cog.width, 0], [0, cog.height], [cog.width, cog.height]].map(([c, r]) => pixelToCrs(cog.georef, c as number, r as number));
  const xs = corners.map((p) => p[0]), ys = corners.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Lon/lat bounds, from 32 points along each edge of the image (edges curve after reprojection). */
export function bounds4326(cog: Cog): [number, number, number, number] {
  const steps = 32;
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const edge: Array<[number, number]> = [[t * cog.width, 0], [t * cog.width, cog.height], [0, t * cog.height], [cog.width, t * cog.height]];
    for (const [col, row] of edge) {
      const [lon, lat] = cog.proj.inverse(pixelToCrs(cog.georef, col, row)) as [number, number];
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      w = Math.min(w, lon); e = Math.max(e, lon);
      s = Math.min(s, lat); n = Math.max(n, lat);
    }
  }
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  return [round(Math.max(w, -180)), round(Math.max(s, -90)), round(Math.min(e, 180)), round(Math.min(n, 90))];
}
