// Shared shapes of the AOI geometry reader: polygon features, and notes/errors as data
// (codes plus numbers) so the browser can word them in its language and the CLI in English.
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type AoiGeometry = Polygon | MultiPolygon;
export type AoiFeature = Feature<AoiGeometry, { name?: string }>;

export type AoiNoteCode =
  /** Self-intersections or overlapping parts were cleaned (union of the rings). */
  | 'repaired'
  /** A ring did not end on its first point; it was closed. */
  | 'unclosed_ring'
  /** A ring with fewer than 3 distinct points was dropped. */
  | 'degenerate_ring'
  /** NaN, Infinity or missing coordinates: the feature was rejected. */
  | 'bad_coordinates'
  /** Longitude/latitude out of range (projected coordinates?): the feature was rejected. */
  | 'out_of_range'
  /** Nothing left after cleaning, or no geometry at all: the feature was rejected. */
  | 'empty'
  /** The repair itself failed: the feature was rejected. */
  | 'unrepairable'
  /** Points or lines were ignored (count = how many features). */
  | 'ignored_non_polygon'
  /** More polygon features than allowed (count = how many were dropped). */
  | 'too_many';

export interface AoiNote {
  code: AoiNoteCode;
  /** 1-based feature number in the file, when the note is about one feature. */
  feature?: number;
  count?: number;
}

export type AoiErrorCode =
  | 'too_large'
  | 'unknown_format'
  | 'gml_unsupported'
  | 'unreadable'
  | 'projected_crs'
  | 'no_polygon'
  /** More vertices than the reader accepts (detail = how many). */
  | 'too_many_vertices';

/** A file that cannot be used at all. `detail` is the parser's own message, when there is one. */
export class AoiReadError extends Error {
  constructor(
    readonly code: AoiErrorCode,
    readonly file: string,
    readonly detail = '',
  ) {
    super(`${file}: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'AoiReadError';
  }
}

export interface AoiReadResult {
  /** Valid polygon features, each with a display name. */
  features: AoiFeature[];
  notes: AoiNote[];
}

/** English wording of a note, for the CLI and logs (the browser uses its i18n files). */
export function describeNote(note: AoiNote): string {
  const where = note.feature !== undefined ? `feature ${note.feature}: ` : '';
  const texts: Record<AoiNoteCode, string> = {
    repaired: 'geometry repaired (self-intersections or overlaps cleaned)',
    unclosed_ring: 'unclosed ring (closed)',
    degenerate_ring: 'ring with fewer than 3 points dropped',
    bad_coordinates: 'invalid coordinates (NaN or missing), feature rejected',
    out_of_range: 'coordinates outside longitude/latitude range, feature rejected',
    empty: 'empty geometry, feature rejected',
    unrepairable: 'geometry could not be repaired, feature rejected',
    ignored_non_polygon: `${note.count ?? 0} point or line feature(s) ignored`,
    too_many: `${note.count ?? 0} feature(s) beyond the limit ignored`,
  };
  return where + texts[note.code];
}
