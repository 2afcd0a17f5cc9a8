// UI strings through i18next; layer texts come from the catalogue (see pick()).
import i18next from 'i18next';
import fr from './fr.json';
import type { I18nText, Lang } from '../catalogue/types';

export const DEFAULT_LANG: Lang = 'fr';

// French (the default) ships with the page; English loads on first use (first-load budget, issue 15).
async function stringsOf(lang: Lang): Promise<Record<string, unknown>> {
  return lang === 'fr' ? fr : (await import('./en.json')).default;
}

export async function initI18n(lang: Lang): Promise<void> {
  await i18next.init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { translation: await stringsOf(lang) } },
    // Values are inserted with textContent, never as HTML: no escaping needed here.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export function t(key: string, options?: Record<string, unknown>): string {
  return i18next.t(key, options ?? {});
}

export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'fr';
}

export async function setLang(lang: Lang): Promise<void> {
  if (!i18next.hasResourceBundle(lang, 'translation')) {
    i18next.addResourceBundle(lang, 'translation', await stringsOf(lang));
  }
  await i18next.changeLanguage(lang);
}

/** A catalogue text in the UI language. */
export function pick(text: I18nText, lang: Lang = currentLang()): string {
  return text[lang];
}
