// The line a report section shows when its statistics fail: wholly in the UI language, naming the
// layer and, when known, its file and what is wrong with it. Typed errors carry a code that picks
// the words (sources/errors.ts, queries/stats_errors.ts); the English message of anything else
// goes to the console for whoever debugs, never into the sentence.
import { t } from '../i18n';
import { problemOf, type SourceProblem } from '../sources/errors';
import { StatsError } from '../queries/stats_errors';
import { layerErrorText } from './layer_error_text';

/** Codes whose layer-panel wording is already whole (no English detail in it). */
const WORDED_AS_LAYER_ERRORS = new Set<SourceProblem['code']>(['timeout', 'network', 'blocked', 'http', 'striped-too-large', 'offline-missing']);

/** "https://host/data/zones.geojson?v=2" → "zones.geojson". */
export function fileNameOf(url: string | undefined): string {
  if (!url) return '';
  const path = url.split(/[?#]/)[0] ?? url;
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function reportErrorText(title: string, error: unknown): string {
  if (error instanceof StatsError) {
    const { file, wanted = '', layers = [], geometry = '', band, bands } = error.facts;
    // the newer codes' words live in their own block (one block per change keeps merges easy)
    const key = `${error.code === 'band-missing' ? 'polish' : 'report_errors'}.${error.code.replace(/-/g, '_')}`;
    return t(key, { title, file: fileNameOf(file), wanted, layers: layers.join(', '), geometry, band, count: bands });
  }
  const problem = problemOf(error);
  if (WORDED_AS_LAYER_ERRORS.has(problem.code)) return layerErrorText(title, problem);
  if (problem.code === 'other') {
    console.warn(`report, layer "${title}":`, error);
    return t('report_errors.other', { title });
  }
  const reason = t(`source_errors.reason.${problem.code.replace(/-/g, '_')}`);
  const file = fileNameOf(problem.url);
  return file ? t('report_errors.file', { title, reason, file }) : t('report_errors.reason', { title, reason });
}
