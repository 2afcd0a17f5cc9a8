// UI strings through i18next; layer texts come from the catalogue (see pick()).
import i18next from 'i18next';
import frCore from 'virtual:geoveille-strings/fr/core';
import type { I18nText, Lang } from '../catalogue/types';

export const DEFAULT_LANG: Lang = 'fr';

// French (the default) ships with the page, and only the first view's blocks of it
// (src/i18n/parts.ts); the tools' blocks and English load on first use (first-load budget, issue 15).
async function coreOf(lang: Lang): Promise<Record<string, unknown>> {
  return lang === 'fr' ? frCore : (await import('virtual:geoveille-strings/en/core')).default;
}

async function toolsOf(lang: Lang): Promise<Record<string, unknown>> {
  return lang === 'fr'
    ? (await import('virtual:geoveille-strings/fr/tools')).default
    : (await import('virtual:geoveille-strings/en/tools')).default;
}

/** Set once a tool asked for its strings: every language switched to afterwards gets them too. */
let toolsWanted = false;
const toolsAdded = new Map<Lang, Promise<void>>();

function addTools(lang: Lang): Promise<void> {
  let added = toolsAdded.get(lang);
  if (!added) {
    added = toolsOf(lang).then((tools) => void i18next.addResourceBundle(lang, 'translation', tools, true, false));
    added.catch(() => toolsAdded.delete(lang)); // the next tool tries again
    toolsAdded.set(lang, added);
  }
  return added;
}

/** The tools' strings in the current language; FeatureLoader awaits it before mounting a tool. */
export function loadToolStrings(): Promise<void> {
  toolsWanted = true;
  return addTools(currentLang());
}

export async function initI18n(lang: Lang): Promise<void> {
  await i18next.init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { translation: await coreOf(lang) } },
    // Values are inserted with textContent, never as HTML: no escaping needed here.
    interpolation: { escapeValue: false },
    returnNull: false,
    // a key asked before its block loaded (or never written) shows as the key: say so loudly
    saveMissing: true,
    missingKeyHandler: (_langs, _namespace, key) => console.error(`missing UI string: ${key}`),
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
    i18next.addResourceBundle(lang, 'translation', await coreOf(lang));
  }
  if (toolsWanted) await addTools(lang);
  await i18next.changeLanguage(lang);
}

/** A catalogue text in the UI language. */
export function pick(text: I18nText, lang: Lang = currentLang()): string {
  return text[lang];
}
