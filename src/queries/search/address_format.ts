// The static address index: a manifest plus shards, plain JSON files served as they are.
// Rows (one per address and indexed word) are sorted by word and cut into consecutive shards
// of bounded size, like the leaves of a B-tree; the manifest lists the first word of each shard.
// Words starting with a given prefix are contiguous, so a query reads the manifest and one or
// two shards whatever the size of the index, and shards stay full (few files, a small manifest).
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

/**
 * Shard i (file s<i>.json): the word and normalised municipality of its first row, and its row
 * count. Rows are sorted by word then municipality, so a frequent word ("principale") spread over
 * many shards can still be narrowed to the shards of one municipality.
 */
export type ShardRef = [firstWord: string, firstMunicipality: string, rows: number];

export function shardFile(index: number): string {
  return `s${index}.json`;
}

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

/** The sort key of a row, as compared by shard lookups. */
export function rowKey(word: string, municipalityForm: string): string {
  return `${word}\u0000${municipalityForm}`;
}

/**
 * Files of the shards that can hold words starting with `word` (and, when given, whose
 * municipality starts with `municipality`, for rows of exactly that word), in order.
 */
export function shardsFor(manifest: Manifest, word: string, municipality?: string): Array<{ file: string; rows: number }> {
  const low = municipality === undefined ? word : rowKey(word, municipality);
  const high = `${low}\uffff`;
  const keys = manifest.shards.map(([first, town]) => rowKey(first, town));
  const found: Array<{ file: string; rows: number }> = [];
  keys.forEach((key, i) => {
    const next = keys[i + 1];
    // Rows equal to the next shard's first key may also end this shard: bounds are inclusive.
    if (key <= high && (next === undefined || next >= low)) found.push({ file: shardFile(i), rows: manifest.shards[i]![2] });
  });
  return found;
}
