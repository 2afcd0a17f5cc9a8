// Fits every AOI into the link: each gets a share of a bounded length; a geometry longer than its
// share is simplified (turf simplify, growing tolerance), then loses its smallest parts, and at
// worst becomes its bounding box. The full geometry stays in localStorage (see aoi_persist.ts).
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { polygon } from '@turf/helpers';
import { simplify } from '@turf/simplify';
import type { Position } from 'geojson';
import type { AoiGeometry } from '../queries/aoi_geometry_types';
import { encodeGeometry, encodeItem } from './aoi_codec';
import { utf8ToBase64Url } from './aoi_codec_bytes';

/** The URL codec refuses values longer than 4000 characters; keep a margin. */
export const AOI_PARAM_LIMIT = 3800;
const MIN_GEOMETRY_CHARS = 48;

export interface AoiForLink {
  id: string;
  name: string;
  geometry: AoiGeometry;
  /** Already a simplified copy: keep the flag so the next reader knows. */
  approximate?: boolean;
}

export class AoiLinkTooLong extends Error {
  constructor() {
    super('too many or too large areas for the link');
  }
}

/** The characters each geometry of these AOIs gets in the link (ids and names come first). */
export function linkShare(aois: Array<{ id: string; name: string }>, limit = AOI_PARAM_LIMIT): number {
  const overhead = aois.reduce((sum, aoi) => sum + aoi.id.length + utf8ToBase64Url(aoi.name).length + 3, 0);
  return Math.max(MIN_GEOMETRY_CHARS, Math.floor((limit - overhead) / Math.max(1, aois.length)));
}

export function encodeAoiParam(aois: AoiForLink[], limit = AOI_PARAM_LIMIT): string {
  if (aois.length === 0) return '';
  const share = linkShare(aois, limit);
  const value = aois.map((aoi) => encodeItem(aoi.id, aoi.name, fitGeometry(aoi.geometry, share, aoi.approximate))).join('~');
  if (value.length > limit) throw new AoiLinkTooLong();
  return value;
}

/** Fitted bytes by geometry object and length (geometries are never mutated): renames stay cheap. */
const fitted = new WeakMap<AoiGeometry, Map<string, Uint8Array>>();

/** A fit computed elsewhere (the upload worker, with this same code) for this geometry and share. */
export interface PrecomputedFit {
  maxChars: number;
  bytes: Uint8Array;
}

/** Puts a fit computed off the main thread into the cache, so fitGeometry returns it at once. */
export function seedFit(geometry: AoiGeometry, fit: PrecomputedFit): void {
  const cache = fitted.get(geometry) ?? new Map<string, Uint8Array>();
  fitted.set(geometry, cache);
  cache.set(`${fit.maxChars}:false`, fit.bytes);
}

/** The encoded bytes of the geometry, at most maxChars once in base64url. */
export function fitGeometry(geometry: AoiGeometry, maxChars: number, approximate = false): Uint8Array {
  const cache = fitted.get(geometry) ?? new Map<string, Uint8Array>();
  fitted.set(geometry, cache);
  const key = `${maxChars}:${approximate}`;
  const bytes = cache.get(key) ?? fitUncached(geometry, maxChars, approximate);
  cache.set(key, bytes);
  return bytes;
}

function fitUncached(geometry: AoiGeometry, maxChars: number, approximate: boolean): Uint8Array {
  // Unpadded base64url length, computed: building a megabyte string just to measure it was slow.
  const fits = (bytes: Uint8Array) => Math.ceil((bytes.length * 4) / 3) <= maxChars;
  const exact = encodeGeometry(geometry, approximate);
  if (fits(exact)) return exact;
  let simplified: AoiGeometry = geometry;
  // Start near the tolerance that leaves about as many points as the share can hold (~5 chars each).
  const [west, south, east, north] = bbox(geometry) as [number, number, number, number];
  const start = Math.max(1e-5, Math.hypot(east - west, north - south) / (maxChars / 5) / 4);
  for (let tolerance = start; tolerance < 2; tolerance *= 2) {
    simplified = simplify(geometry, { tolerance, highQuality: false, mutate: false });
    const bytes = encodeGeometry(simplified, true);
    if (fits(bytes)) return bytes;
  }
  const largest = largestParts(simplified, fits);
  return largest ?? encodeGeometry(boundingBox(geometry), true);
}

/** Drops the smallest parts of a MultiPolygon until it fits (null when even one part is too long). */
function largestParts(geometry: AoiGeometry, fits: (bytes: Uint8Array) => boolean): Uint8Array | null {
  if (geometry.type !== 'MultiPolygon') return null;
  const parts = [...geometry.coordinates]
    .map((rings) => ({ rings: [rings[0]!], size: area(polygon([rings[0]!])) }))
    .sort((a, b) => b.size - a.size);
  let best: Uint8Array | null = null;
  for (let count = 1; count <= parts.length; count++) {
    const kept = parts.slice(0, count).map((part) => part.rings);
    const bytes = encodeGeometry(count === 1 ? { type: 'Polygon', coordinates: kept[0]! }
      : { type: 'MultiPolygon', coordinates: kept }, true);
    if (!fits(bytes)) break;
    best = bytes;
  }
  return best;
}

function boundingBox(geometry: AoiGeometry): AoiGeometry {
  const [west, south, east, north] = bbox(geometry) as [number, number, number, number];
  const ring: Position[] = [[west, south], [east, south], [east, north], [west, north], [west, south]];
  return { type: 'Polygon', coordinates: [ring] };
}
