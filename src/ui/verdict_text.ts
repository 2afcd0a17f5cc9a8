// The words of the flood verdict. They say what is mapped, by whom and when; they never say
// a place is free of flooding (no "safe", "sûr", "sans risque").
import { t } from '../i18n';
import type { Verdict, ZoneAnswer } from '../queries/flood_verdict';

/** One layer's answer as a sentence. */
export function zoneStatusText(answer: ZoneAnswer): string {
  switch (answer.status) {
    case 'in-zone':
      return answer.classes[0] === '0-20' ? t('verdict.in_0_20') : t('verdict.in_20_100');
    case 'outside-zones':
      return t('verdict.outside');
    case 'no-mapping':
      return t('verdict.no_mapping');
    case 'coverage-unknown':
      return t('verdict.coverage_unknown');
    case 'error':
      return t('verdict.layer_error', { message: answer.error ?? '' });
  }
}

/** What a reader should keep in mind about an answer, if anything. */
export function zoneCaveat(answer: ZoneAnswer): string | null {
  if (answer.status === 'outside-zones' || answer.status === 'coverage-unknown') return t('verdict.caveat_outside');
  if (answer.status === 'no-mapping') return t('verdict.caveat_no_mapping');
  return null;
}

/**
 * The headline over all flood-zone layers: the most frequent flooding class found, else
 * the most informative of the answers (outside the zones before no mapping).
 */
export function verdictHeadline(verdict: Verdict): string {
  if (verdict.highestClass === '0-20') return t('verdict.in_0_20');
  if (verdict.highestClass === '20-100') return t('verdict.in_20_100');
  const order: Array<ZoneAnswer['status']> = ['outside-zones', 'coverage-unknown', 'no-mapping', 'error'];
  for (const status of order) {
    const answer = verdict.zones.find((zone) => zone.status === status);
    if (answer) return zoneStatusText(answer);
  }
  return t('verdict.no_layers');
}

/** The short sentence announced to screen readers when the card appears. */
export function verdictSummary(verdict: Verdict): string {
  const headline = verdictHeadline(verdict);
  return verdict.synthetic ? `${headline}. ${t('verdict.synthetic')}.` : `${headline}.`;
}
