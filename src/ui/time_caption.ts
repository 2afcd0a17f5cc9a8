// The caption lines printed under an exported map image: which time each time-enabled layer
// shows ("Date affichée — Perturbations naturelles : 1990–2019"), the driven layer first, so
// a saved or printed map says when, like the label on the live map.
import { t } from '../i18n';
import type { ShownTime } from '../state/time_state';

export function timeCaptionLines(times: readonly Pick<ShownTime, 'title' | 'label' | 'driven'>[]): string[] {
  return [...times]
    .sort((a, b) => Number(b.driven) - Number(a.driven))
    .map((time) => t('time.caption', { layer: time.title, time: time.label }));
}
