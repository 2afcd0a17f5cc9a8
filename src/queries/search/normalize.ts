// Text normalisation shared by every search kind: accent-, case- and punctuation-insensitive,
// so "Trois-Rivières", "trois rivieres" and "TROIS RIVIÈRES" compare equal.

/** Letters that NFD does not decompose into a base letter plus a mark. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

/** Abbreviations people type for the saints of Québec place names (St-Jean = Saint-Jean). */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/** Lower case, no accents, letters and digits only, single spaces. */
export function normalize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= LATIN_END) return normalizeText(text);
    out += (CHAR_FORMS[code] ??= normalizeText(text[i]!, false));
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * Below U+0250 (the Latin letters of French and its neighbours) every character normalises on its
 * own, the same alone as in a word: read one at a time from a table, as towns and streets are
 * compared by the thousand. Other scripts, and combining marks, take the whole-text path.
 */
const LATIN_END = 0x250;
const CHAR_FORMS: string[] = [];

function normalizeText(text: string, trim = true): string {
  const form = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return trim ? form.trim() : form;
}

/** Normalised words, with St/Ste expanded. */
export function tokens(text: string): string[] {
  const normal = normalize(text);
  if (!normal) return [];
  return normal.split(' ').map((word) => ABBREVIATIONS[word] ?? word);
}

/** Normalised words joined by single spaces (the form names are compared in). */
export function searchForm(text: string): string {
  return tokens(text).join(' ');
}
