// Scores candidate rows against a query. A shard holds ~1,000 rows but few distinct streets
// ("rue Principale" in 300 towns), so the street text and each municipality's name are read and
// matched once per query, not once per row: ranking a large candidate list costs one regex per
// row instead of a normalisation and several edit distances.
import { COMMON_WORDS, isNumber } from './address_format';
import type { AddressQuery } from './address_query';
import { allowedTypos, fullDistance } from './fuzzy';
import { tokens } from './normalize';

/** Names of saints and directions are part of a street's name; the other common words may be left out. */
const NAME_PARTS = new Set(['saint', 'sainte', 'saints', 'saintes', 'nord', 'sud', 'est', 'ouest', 'north', 'south', 'east', 'west']);
const OMITTABLE = new Set([...COMMON_WORDS].filter((word) => !NAME_PARTS.has(word)));

/** How a query word matches a list of words: 0 exactly, 1 as a prefix, 2 + typos, or Infinity. */
type Match = number;
const NONE: Match = Infinity;

function wordMatch(word: string, words: readonly string[]): Match {
  if (words.includes(word)) return 0;
  if (words.some((candidate) => candidate.startsWith(word))) return 1;
  const max = allowedTypos(word.length);
  let typos = Infinity;
  for (const candidate of words) typos = Math.min(typos, fullDistance(word, candidate, max));
  return typos <= max ? 2 + typos : NONE;
}

/** Penalty for one query word given its best match, or null when it matches nothing. */
function penaltyOf(word: string, match: Match): number | null {
  if (match === 0) return 0;
  if (match === 1) return 0.02;
  if (match !== NONE) return 0.1 * (match - 2);
  return COMMON_WORDS.has(word) ? 0.05 : null; // "rue" typed for a "chemin": a small doubt, not a miss
}

/** An address split into its civic number and street text, as `tokens` would read it. */
export interface CivicParts { number: number; numberText?: string; street: string }

/** Digits then a space, a comma or the end: the common case, read without normalising the whole text. */
const PLAIN_NUMBER = /^(\d+)(?=[\s,]|$)/;

export function civicParts(address: string): CivicParts {
  const plain = PLAIN_NUMBER.exec(address);
  if (plain) return { number: Number.parseInt(plain[1]!, 10), numberText: plain[1]!, street: address.slice(plain[0].length) };
  const words = tokens(address);
  if (words[0] && isNumber(words[0])) return { number: Number.parseInt(words[0], 10), numberText: words[0], street: words.slice(1).join(' ') };
  return { number: -1, street: address };
}

/** A street text read once: its words, how each query word matches them, and its untyped-word cost. */
export interface StreetScore { words: string[]; key: string; matches: Match[]; untyped: number }

/** Per query: street texts and municipality names, each matched against the query's words once. */
export class StreetScorer {
  private readonly streets = new Map<string, StreetScore>();
  private readonly towns = new Map<number, Match[]>();

  constructor(private readonly query: AddressQuery, private readonly townName: (town: number) => string) {}

  street(text: string): StreetScore {
    let known = this.streets.get(text);
    if (!known) {
      const words = tokens(text);
      const typed = this.query.street;
      // "chemin du Lac" before "chemin du Lac-Orignal", "rue Martin" before "rue Saint-Martin": a word
      // of the name nobody typed costs a little (a street type or article does not)
      const untyped = words.filter((word) => !OMITTABLE.has(word) && !typed.some((t) => word.startsWith(t))).length;
      known = { words, key: words.join(' '), matches: typed.map((word) => wordMatch(word, words)), untyped };
      this.streets.set(text, known);
    }
    return known;
  }

  /**
   * Penalty of the street words typed against the street and its municipality (a municipality
   * the query reader did not recognise still counts), or null when a word matches neither.
   */
  penalty(street: StreetScore, town: number): number | null {
    let total = 0;
    for (let i = 0; i < street.matches.length; i++) {
      let match = street.matches[i]!;
      if (match !== 0) match = Math.min(match, this.townMatches(town)[i]!);
      const penalty = penaltyOf(this.query.street[i]!, match);
      if (penalty === null) return null;
      total += penalty;
    }
    return total + 0.01 * street.untyped;
  }

  private townMatches(town: number): Match[] {
    let known = this.towns.get(town);
    if (!known) {
      const words = tokens(this.townName(town));
      known = this.query.street.map((word) => wordMatch(word, words));
      this.towns.set(town, known);
    }
    return known;
  }
}
