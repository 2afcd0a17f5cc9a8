// Queries a static address index: the manifest once, then one or two shards per lookup word,
// each fetched once. `fetchJson` takes a path relative to the index folder (manifest.json, s12.json).
import {
  COMMON_WORDS, INDEX_FORMAT, MANIFEST_FILE, isNumber, lookupWords, shardsFor, type Manifest, type ShardFile, type ShardRow,
} from './address_format';
import { tokens } from './normalize';

export type FetchJson = (relativePath: string) => Promise<unknown>;

export interface AddressHit {
  address: string;
  municipality: string;
  lon: number;
  lat: number;
}

export interface AddressAnswer {
  hits: AddressHit[];
  /** True when more shards could hold matches than were read (the query is too short or too common). */
  partial: boolean;
}

/** At most this many shards per query: with the manifest, a query costs three files or fewer. */
const MAX_SHARDS = 2;

export class AddressIndex {
  private manifest?: Promise<Manifest>;
  private readonly shards = new Map<string, Promise<ShardRow[]>>();

  constructor(private readonly fetchJson: FetchJson, private readonly name = 'address index') {}

  async search(query: string, limit = 6): Promise<AddressAnswer> {
    const words = tokens(query);
    const candidates = lookupWords(words);
    if (!candidates.length) return { hits: [], partial: false };
    const manifest = await this.loadManifest();
    // Most selective word first (fewest rows in its shards); words filed nowhere (e.g. a
    // municipality) only filter. Stop at the first word that gives hits, within the shard budget.
    const plans = candidates
      .map((word) => ({ word, shards: narrowed(manifest, word, words) }))
      .filter((plan) => plan.shards.length > 0)
      .sort((a, b) => rowsOf(a.shards) - rowsOf(b.shards));
    let budget = MAX_SHARDS;
    let partial = false;
    for (const { word, shards } of plans) {
      if (budget <= 0) { partial = true; break; }
      const read = shards.slice(0, budget);
      budget -= read.length;
      partial ||= shards.length > read.length;
      const rows = (await Promise.all(read.map((ref) => this.loadShard(ref.file)))).flat();
      const hits = matching(rows, word, words.filter((other) => other !== word));
      if (hits.length) return { hits: hits.slice(0, limit), partial };
    }
    return { hits: [], partial };
  }

  private loadManifest(): Promise<Manifest> {
    this.manifest ??= this.fetchJson(MANIFEST_FILE).then((data) => {
      const manifest = data as Manifest;
      if (manifest?.format !== INDEX_FORMAT || !Array.isArray(manifest.shards)) {
        throw new Error(`${this.name}: ${MANIFEST_FILE} is not a Géoveille address index`);
      }
      return manifest;
    });
    this.manifest.catch(() => { this.manifest = undefined; });
    return this.manifest;
  }

  private loadShard(file: string): Promise<ShardRow[]> {
    let shard = this.shards.get(file);
    if (!shard) {
      shard = this.fetchJson(file).then((data) => {
        const rows = (data as ShardFile)?.rows;
        if (!Array.isArray(rows)) throw new Error(`${this.name}: shard ${file} has no rows`);
        return rows;
      });
      shard.catch(() => this.shards.delete(file));
      this.shards.set(file, shard);
    }
    return shard;
  }
}

/** The word's shards; when too many, those of the municipality another query word starts (if any). */
function narrowed(manifest: Manifest, word: string, words: string[]): Array<{ file: string; rows: number }> {
  const all = shardsFor(manifest, word);
  if (all.length <= MAX_SHARDS) return all;
  const byTown = words
    .filter((other) => other !== word && !isNumber(other) && !COMMON_WORDS.has(other))
    .map((town) => shardsFor(manifest, word, town))
    .filter((shards) => shards.length > 0)
    .sort((a, b) => a.length - b.length);
  return byTown[0] ?? all;
}

function rowsOf(shards: Array<{ rows: number }>): number {
  return shards.slice(0, MAX_SHARDS).reduce((sum, shard) => sum + shard.rows, 0);
}

/** Rows filed under a word starting with `word` whose text matches every other word, best first, once each. */
function matching(rows: ShardRow[], word: string, others: string[]): AddressHit[] {
  const seen = new Set<string>();
  const hits: Array<AddressHit & { exact: boolean; number: number }> = [];
  for (const row of rows) {
    if (!row[0].startsWith(word)) continue;
    const key = `${row[1]}|${row[2]}`;
    if (seen.has(key) || !matchesAll(others, row)) continue;
    seen.add(key);
    hits.push({ address: row[1], municipality: row[2], lon: row[3], lat: row[4], exact: row[0] === word, number: civicNumber(row[1]) });
  }
  hits.sort((a, b) => Number(b.exact) - Number(a.exact) || a.number - b.number || a.address.localeCompare(b.address, 'fr'));
  return hits.map(({ address, municipality, lon, lat }) => ({ address, municipality, lon, lat }));
}

/** Every other query word is the start of a word of the address or municipality (numbers: of the civic number too). */
function matchesAll(words: string[], row: ShardRow): boolean {
  if (!words.length) return true;
  const own = tokens(`${row[1]} ${row[2]}`);
  return words.every((word) => own.some((candidate) => candidate.startsWith(word) || (isNumber(word) && candidate === word)));
}

function civicNumber(address: string): number {
  const match = address.match(/^\s*(\d+)/);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}
