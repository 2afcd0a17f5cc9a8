// Words for the AOI reader's notes and errors in the UI language (the reader returns codes).
import { t } from '../i18n';
import { AoiReadError, type AoiNote } from '../queries/aoi_geometry_types';
import { AoiLinkTooLong } from '../state/aoi_codec_fit';
import { AoiLimitReached, MAX_AOIS } from '../state/aoi_store';
import { MAX_AOI_FILE_BYTES, MAX_AOI_VERTICES } from '../queries/aoi_geometry_limits';

export function noteText(note: AoiNote): string {
  const text = t(`aoi.note.${note.code}`, { count: note.count ?? 0 });
  return note.feature !== undefined ? t('aoi.note.feature', { n: note.feature, text }) : text;
}

/** One line naming the file and what is wrong with it. */
export function errorText(file: string, error: unknown): string {
  if (error instanceof AoiReadError) {
    const reason = t(`aoi.error.${error.code}`, { max: MAX_AOI_FILE_BYTES / 1024 / 1024, maxVertices: MAX_AOI_VERTICES, detail: error.detail });
    return t('aoi.error.file', { file, reason });
  }
  if (error instanceof AoiLimitReached) return t('aoi.error.file', { file, reason: t('aoi.error.limit', { max: MAX_AOIS }) });
  if (error instanceof AoiLinkTooLong) return t('aoi.error.file', { file, reason: t('aoi.error.link') });
  return t('aoi.error.file', { file, reason: error instanceof Error ? error.message : String(error) });
}
