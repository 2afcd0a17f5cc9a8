// The text of a layer's error row, said in the UI language from the error's code (sources/errors.ts).
// Network failures are worded wholly in the UI language; a file that cannot be read gets a
// translated reason followed by the source's own technical words; an error without a code (a
// library's, or one that crossed MapLibre as plain text) is wrapped as it is.
import { t } from '../i18n';
import type { SourceProblem } from '../sources/errors';

/** `problem`: what the source reported; a bare message when only text is known. */
export function layerErrorText(title: string, problem: SourceProblem | string): string {
  const facts: SourceProblem = typeof problem === 'string' ? { code: 'other', message: problem } : problem;
  const url = facts.url ?? '';
  switch (facts.code) {
    case 'timeout':
      return t('source_errors.timeout', { title, seconds: facts.seconds ?? '', url });
    case 'network':
      return t('source_errors.network', { title, attempts: facts.attempts ?? 1, url });
    case 'blocked':
      return t('source_errors.blocked', { title, url });
    case 'http':
      return t('source_errors.http', { title, status: facts.status ?? '', url });
    case 'striped-too-large':
      return t('geotiff.striped_too_large', { title, mib: facts.mib ?? '', limit: facts.limit ?? '' });
    case 'offline-missing':
      return t('offline.layer_missing', { title });
    case 'other':
      return t('errors.source', { title, message: facts.message });
    default:
      return t('source_errors.file', { title, reason: t(`source_errors.reason.${facts.code.replace(/-/g, '_')}`), message: facts.message });
  }
}
