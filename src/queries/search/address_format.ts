// The static address index (format 2): plain JSON files served as they are, laid out so that any
// address is found with at most three requests: the manifest, one directory, one shard.
//
//   manifest.json          the municipality list (name, address count, centre): towns are matched
//                          against it in the query itself, and are searchable on their own
//   towns/<id>.json        one municipality's street words → the shards of "by-town" rows
//   words/<prefix>.json    street words starting with a two-letter prefix → the shards of
//                          "by-word" rows (for a query that names no municipality)
//   by-town/<n>.json       rows sorted by municipality, street word, civic number
//   by-word/<n>.json       rows sorted by street word, civic number, municipality
//
// A shard holds groups of rows; the rows of one (key, civic number) are never split between two
// shards, so a directory entry points a (word, number) at exactly one shard.
import { tokens } from './normalize';

export const INDEX_FORMAT = 'geoveille-address-index';
export const INDEX_VERSION = 2;
/** The list of available indexes, next to the index folders: public/data/addresses/index.json. */
export const INDEX_LIST_FILE = 'index.json';
export const MANIFEST_FILE = 'manifest.json';

/** One civic address as read from the CSV. */
export interface AddressRecord {
  address: string;
  municipality: string;
  lon: number;
  lat: number;
}

/** A municipality: [name, addresses, lon, lat of the centre of its addresses]. Its id is its position. */
export type TownEntry = [name: string, count: number, lon: number, lat: number];

export interface Manifest {
  format: typeof INDEX_FORMAT;
  version: number;
  id: string;
  /** Number of addresses. */
  count: number;
  /** Sorted by normalised name (the order of the by-town shards). */
  towns: TownEntry[];
  /** The word directories that exist (words/<prefix>.json): a query never asks for a missing one. */
  wordDirectories: string[];
}

/** Where the rows of one word (in one municipality, or everywhere) lie: [shard, first civic number there]. */
export type ShardSpan = [shard: number, firstNumber: number];
/** A directory entry: the word's row count and its shards, in civic-number order. */
export type WordEntry = [rows: number, spans: ShardSpan[]];

export interface DirectoryFile { v: number; words: Record<string, WordEntry> }

/** By-town rows: [address, lon, lat]. A group: [town id, word, rows]. */
export type TownRow = [address: string, lon: number, lat: number];
export type TownGroup = [town: number, word: string, rows: TownRow[]];
/** By-word rows: [town id, address, lon, lat]. A group: [word, civic number, rows]. */
export type WordRow = [town: number, address: string, lon: number, lat: number];
export type WordGroup = [word: string, number: number, rows: WordRow[]];

export interface ShardFile<G> { v: number; groups: G[] }

export const townDirectoryFile = (town: number) => `towns/${town}.json`;
export const townShardFile = (shard: number) => `by-town/${shard}.json`;
export const wordShardFile = (shard: number) => `by-word/${shard}.json`;

/** Letters a-z and digits as they are; anything else (other scripts) as hex, so file names stay plain. */
export function wordDirectoryFile(word: string): string {
  const prefix = [...word].slice(0, 2).join('');
  const plain = /^[a-z0-9]+$/.test(prefix) ? prefix : `x${[...new TextEncoder().encode(prefix)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  return `words/${plain}.json`;
}

/** Entry of public/data/addresses/index.json. */
export interface IndexListEntry {
  id: string;
  title: { fr: string; en: string };
  count: number;
  /** Relative to index.json. */
  manifest: string;
  synthetic?: boolean;
}

export interface IndexList { indexes: IndexListEntry[] }

/**
 * Words too common to find an address by (street types, articles, saints, directions): indexed
 * only when a street has no other word, and never the lookup word of a query that has another.
 */
export const COMMON_WORDS = new Set([
  'rue', 'avenue', 'av', 'ave', 'boulevard', 'boul', 'bd', 'blvd', 'chemin', 'ch', 'route', 'rte', 'rang', 'montee',
  'place', 'pl', 'cote', 'croissant', 'impasse', 'allee', 'terrasse', 'promenade', 'carre', 'square', 'street', 'st',
  'road', 'rd', 'drive', 'dr', 'lane', 'court', 'crescent', 'de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'a', 'au',
  'aux', 'en', 'et', 'of', 'the', 'saint', 'sainte', 'saints', 'saintes', 'nord', 'sud', 'est', 'ouest', 'north',
  'south', 'east', 'west', 'o', 'e', 'n', 's',
]);

export function isNumber(word: string): boolean {
  return /^\d+[a-z]?$/.test(word);
}

/** The civic number of an address ("300, rue …" → 300; "12a rue …" → 12), or -1 when it has none. */
export function civicNumber(address: string): number {
  const first = tokens(address)[0];
  return first && isNumber(first) ? Number.parseInt(first, 10) : -1;
}

/** The words of the street: everything but the civic number (a leading number); "route 132" keeps its 132. */
export function streetWords(address: string): string[] {
  const words = tokens(address);
  return words[0] && isNumber(words[0]) ? words.slice(1) : words;
}

/** Common words that never name a street on their own; côte and carré also read as the names Côté and Carré. */
const NEVER_ALONE = new Set([...COMMON_WORDS].filter((word) => word !== 'cote' && word !== 'carre'));

/**
 * The words a street is found by, longest first: its distinctive words (numbers such as the 132 of
 * "route 132" included), or when it has none ("rue Côté", whose côté reads as the street type côte)
 * its other words except articles and the usual street types.
 */
export function keyWords(street: readonly string[], minLength = 3): string[] {
  const distinctive = street.filter((word) => isNumber(word) || (!COMMON_WORDS.has(word) && word.length >= minLength));
  const chosen = distinctive.length ? distinctive : street.filter((word) => !NEVER_ALONE.has(word) && word.length >= Math.max(2, minLength));
  return [...new Set(chosen)].sort((a, b) => b.length - a.length);
}

/** The words an address is filed under: its street's key words (all its words if it has none). */
export function indexedWords(address: string): string[] {
  const street = streetWords(address);
  const words = keyWords(street, 1);
  return words.length ? words : [...new Set(street)];
}

/** The span of a directory entry that holds the rows of civic number `number` (or the nearest ones). */
export function spanFor(entry: WordEntry, number: number): ShardSpan {
  const spans = entry[1];
  let chosen = spans[0]!;
  for (const span of spans) if (span[1] <= number) chosen = span;
  return chosen;
}
