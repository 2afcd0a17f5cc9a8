// The remarks under a vector layer's report, in the UI language, from the numbers the statistics
// keep (the English `notes` of the queries are for the command line).
import { t } from '../i18n';

export interface VectorNoteFacts {
  /** Features without a usable geometry (ignored). */
  unusable: number;
  /** Geometries repaired before clipping. */
  repaired: number;
  /** Geometries that could not be clipped (skipped). */
  skipped: number;
  /** How tiles were read, when the layer came from its PMTiles archive. */
  tiles?: { zoom: number; maxZoom: number; anonymous: number };
}

export function vectorNotes(facts: VectorNoteFacts): string[] {
  const { unusable, repaired, skipped, tiles } = facts;
  return [
    tiles && tiles.zoom < tiles.maxZoom ? t('report_notes.zoom', { zoom: tiles.zoom, maxZoom: tiles.maxZoom }) : null,
    tiles?.anonymous ? t('report_notes.anonymous', { count: tiles.anonymous }) : null,
    unusable ? t('report_notes.unusable', { count: unusable }) : null,
    repaired ? t('report_notes.repaired', { count: repaired }) : null,
    skipped ? t('report_notes.skipped', { count: skipped }) : null,
  ].filter((note): note is string => note !== null);
}
