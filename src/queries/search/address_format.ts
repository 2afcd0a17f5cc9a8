// The static address index: a manifest plus shards, plain JSON files served as they are.
// A shard holds the addresses whose indexed words start with its prefix, sorted by word, so a
// query fetches the manifest and one or two shards whatever the size of the index.
import { tokens } from './normalize';

export const INDEX_FORMAT = 'geoveille-address-index';
export const INDEX_VERSION = 1;
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

/** A shard row: [indexed word, address, municipality, lon, lat]. */
export type ShardRow = [string, string, string, number, number];

export interface ShardFile { v: number; rows: ShardRow[] }

/** A shard: the rows whose word starts with `prefix` (or, when `exact`, equals it). */
export interface ShardRef { prefix: string; exact: boolean; file: string; bytes: number; rows: number }

export interface Manifest {
  format: typeof INDEX_FORMAT;
  version: number;
  id: string;
  /** Number of addresses (a row per indexed word, so shard rows ≥ addresses). */
  count: number;
  shards: ShardRef[];
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
 * Words too common to find an address by (street types, articles, saints): indexed only when a
 * street has no other word, and never chosen as the lookup word of a query that has another.
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

/** The words an address is filed under: the distinctive words of its street. */
export function indexedWords(address: string): string[] {
  const words = tokens(address).filter((word) => !isNumber(word));
  const distinctive = words.filter((word) => !COMMON_WORDS.has(word));
  return [...new Set(distinctive.length ? distinctive : words)];
}

/**
 * Words of a query worth looking up: distinctive, not a civic number, at least `minLength` long,
 * longest first (a longer word is usually more selective).
 */
export function lookupWords(queryWords: string[], minLength = 3): string[] {
  const words = queryWords.filter((word) => !isNumber(word) && !COMMON_WORDS.has(word) && word.length >= minLength);
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/** Shards that can hold words starting with `word`, in prefix order. */
export function shardsFor(manifest: Manifest, word: string): ShardRef[] {
  return manifest.shards.filter((shard) =>
    shard.exact ? shard.prefix.startsWith(word) : shard.prefix.startsWith(word) || word.startsWith(shard.prefix));
}
