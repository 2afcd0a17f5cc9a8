// Ids and names of AOIs: pure, so the upload worker computes them exactly as the store does.
import type { AoiGeometry } from '../queries/aoi_geometry_types';
import { hashText } from './aoi_codec_bytes';

export const MAX_AOI_NAME = 60;

/** The id of a geometry: its hash, so a stored full geometry can be checked against a link's id. */
export function geometryId(geometry: AoiGeometry): string {
  return `a${hashText(JSON.stringify(geometry.coordinates))}`;
}

export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_AOI_NAME);
}

/** `base`, or `base-2`, `base-3`… when taken (the same shape added twice). */
export function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** How many positions the rings hold (a cheap size measure: no string is built). */
export function vertexCount(geometry: AoiGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let count = 0;
  for (const rings of polygons) for (const ring of rings) count += ring.length;
  return count;
}
