// Reads an address query: the civic number, the municipality (matched against the index's list,
// typos allowed, possibly cut short while typing) and the street words left over.
import { COMMON_WORDS, isNumber, keyWords, type TownEntry } from './address_format';
import { editDistances } from './fuzzy';
import { searchForm, tokens } from './normalize';

export interface TownMatch {
  id: number;
  /** 0 the whole name, 1 the start of the name (typing, or "(démo)" left out), 2 with typos. */
  tier: number;
  typos: number;
}

export interface AddressQuery {
  /** The civic number typed, or undefined. */
  number?: number;
  /** The full civic token ("12a"), to prefer an exact suffix. */
  numberText?: string;
  /** Best municipalities named in the query (same tier and typos), best first; empty when none. */
  towns: TownMatch[];
  /** Words of the street (the municipality's words removed when one was found). */
  street: string[];
  /** The street's key words, longest first (see keyWords). */
  lookup: string[];
  /** Every word but the civic number, for a second reading without the municipality. */
  words: string[];
  /** The last word when the text does not end with a space or punctuation: perhaps still being typed. */
  partial?: string;
}

/** Normalised town names, prepared once per manifest. */
export class TownList {
  readonly forms: string[];
  constructor(readonly entries: readonly TownEntry[]) {
    this.forms = entries.map(([name]) => searchForm(name));
  }

  /** Towns whose name matches `text` (normalised), best first. */
  match(text: string): TownMatch[] {
    if (text.length < 3) return [];
    // One typo in a name of 6+ letters: street words must not pass for a town ("gatineau" is
    // two letters from "papineau…"); the start of a name only from 8 letters ("riviere clsire").
    const max = text.length >= 6 ? 1 : 0;
    const found: TownMatch[] = [];
    this.forms.forEach((form, id) => {
      if (form === text) found.push({ id, tier: 0, typos: 0 });
      else if (form.startsWith(text) && (text.length >= 4 || form.split(' ')[0] === text)) found.push({ id, tier: 1, typos: 0 });
      // below 8 letters only the whole name counts: one typo cannot bridge two letters' difference in length
      else if (max > 0 && (text.length >= 8 || Math.abs(form.length - text.length) <= max) && startsAlike(text, form)) {
        const distances = editDistances(text, form, max);
        const typos = distances ? Math.min(distances.full, text.length >= 8 ? distances.prefix : Infinity) : Infinity;
        if (typos <= max) found.push({ id, tier: 2, typos });
      }
    });
    return found.sort((a, b) => a.tier - b.tier || a.typos - b.typos || this.entries[b.id]![1] - this.entries[a.id]![1]);
  }
}

/**
 * Within one typo (substitution, insertion, deletion or swap) of a name or of its start, one of
 * the first two letters of `text` is one of the name's first two: a quick test before the full one.
 */
function startsAlike(text: string, form: string): boolean {
  const [a, b] = [text[0], text[1]];
  return a === form[0] || a === form[1] || b === form[0] || b === form[1];
}

/**
 * Splits the query into number, municipality and street. The municipality is the longest run of
 * words at the end (or the start) that names one, provided a distinctive street word is left.
 */
export function readAddressQuery(query: string, towns: TownList): AddressQuery {
  const words = tokens(query);
  // The civic number comes first ("300 rue …"), or last ("rue Principale 300"); other numbers name streets ("route 132").
  const numberAt = words[0] && isNumber(words[0]) ? 0 : words.length > 1 && isNumber(words.at(-1)!) ? words.length - 1 : -1;
  const numberText = numberAt >= 0 ? words[numberAt] : undefined;
  const rest = words.filter((_, i) => i !== numberAt);
  // The start of a name ("Rivière-Cl") counts only after a comma: otherwise it is as likely the end of the street.
  const afterComma = query.includes(',') ? searchForm(query.slice(query.lastIndexOf(',') + 1)) : undefined;
  let best: { towns: TownMatch[]; street: string[] } | undefined;
  let doubtful: readonly string[] = [];
  for (let length = rest.length - 1; length >= 1 && !best; length--) {
    for (const [span, street] of [[rest.slice(-length), rest.slice(0, -length)], [rest.slice(0, length), rest.slice(length)]] as const) {
      if (!keyWords(street).length || span.every((word) => COMMON_WORDS.has(word))) continue;
      const text = span.join(' ');
      const all = towns.match(text);
      const matches = all.filter((m) => m.tier !== 1 || text === afterComma);
      if (all.length && !doubtful.length) doubtful = span; // perhaps a town: looked up last
      if (!matches.length) continue;
      const top = matches[0]!;
      const same = matches.filter((m) => m.tier === top.tier && m.typos === top.typos);
      if (!best || top.tier < best.towns[0]!.tier) best = { towns: same, street };
    }
  }
  const street = best?.street ?? rest;
  return {
    ...(numberText ? { number: Number.parseInt(numberText, 10), numberText } : {}),
    towns: best?.towns ?? [],
    street,
    lookup: keyWords(street).sort((a, b) => Number(doubtful.includes(a)) - Number(doubtful.includes(b))),
    words: rest,
    ...(/[\p{L}\p{N}]$/u.test(query) && words.length ? { partial: words.at(-1)! } : {}),
  };
}
