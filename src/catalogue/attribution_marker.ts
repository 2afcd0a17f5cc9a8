// The organisation an import writes when it cannot know the producer: shown as "À compléter" in the
// layer's info view, and left off the map's attribution line (a "© À compléter" credit says nothing).
import type { I18nText } from './types';

export const TO_BE_COMPLETED: I18nText = { fr: 'À compléter', en: 'To be completed' };

/** Also the older imports' "À préciser / To be specified". */
export function isToBeCompleted(organisation: I18nText): boolean {
  return [TO_BE_COMPLETED.en, 'To be specified'].includes(organisation.en.trim()) || [TO_BE_COMPLETED.fr, 'À préciser'].includes(organisation.fr.trim());
}
