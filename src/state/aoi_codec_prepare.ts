// The expensive, pure part of adding big AOIs, done in the upload worker so the page stays
// responsive: the id (a hash of the whole coordinate text), the link-fitted bytes for the share
// the link will give them, and a lighter outline for the map. The store seeds these into its own
// path (same functions, same results); anything that no longer matches is recomputed there.
import { simplify } from '@turf/simplify';
import type { AoiGeometry } from '../queries/aoi_geometry_types';
import { cleanName, geometryId, uniqueId, vertexCount } from './aoi_codec_ids';
import { fitGeometry, linkShare, type PrecomputedFit } from './aoi_codec_fit';

/** Above this many vertices the map gets a simplified outline (setData of 250 000 took seconds). */
export const DISPLAY_MAX_VERTICES = 20_000;
/** ~1 m at Québec latitudes: below a pixel at the zooms an outline of this size is looked at. */
const DISPLAY_TOLERANCE = 1e-5;

export interface PreparedAoi {
  /** geometryId of the full geometry. */
  baseId: string;
  fit: PrecomputedFit;
  vertices: number;
  /** A simplified outline for the map only (statistics and exports keep the full geometry). */
  display?: AoiGeometry;
}

/** Prepares items about to be added after `existing` (the list as it is when the reading starts). */
export function prepareAois(
  existing: Array<{ id: string; name: string }>,
  items: Array<{ name: string; geometry: AoiGeometry }>,
): PreparedAoi[] {
  const taken = new Set(existing.map((aoi) => aoi.id));
  const ids = items.map(({ geometry }) => geometryId(geometry));
  const named = items.map(({ name }, i) => {
    const id = uniqueId(ids[i]!, taken);
    taken.add(id);
    return { id, name: cleanName(name) || id };
  });
  const maxChars = linkShare([...existing, ...named]);
  return items.map(({ geometry }, i) => {
    const vertices = vertexCount(geometry);
    const display = vertices > DISPLAY_MAX_VERTICES ? displayOutline(geometry) : undefined;
    return { baseId: ids[i]!, fit: { maxChars, bytes: fitGeometry(geometry, maxChars) }, vertices, ...(display ? { display } : {}) };
  });
}

export function displayOutline(geometry: AoiGeometry): AoiGeometry {
  return simplify(geometry, { tolerance: DISPLAY_TOLERANCE, highQuality: false, mutate: false });
}
