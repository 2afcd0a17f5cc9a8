// Queries a static address index (format 2, see address_format.ts): the manifest once, then for a
// query naming a municipality that town's directory and one by-town shard, otherwise the street
// word's directory and one by-word shard. Every file is fetched once and kept.
// `fetchJson` takes a path relative to the index folder (manifest.json, towns/12.json, …).
import {
  INDEX_FORMAT, INDEX_VERSION, MANIFEST_FILE, keyWords, spanFor, townDirectoryFile, townShardFile, wordDirectoryFile, wordShardFile,
  type DirectoryFile, type Manifest, type ShardFile, type TownGroup, type WordEntry, type WordGroup,
} from './address_format';
import { readAddressQuery, TownList, type AddressQuery, type TownMatch } from './address_query';
import { rankRows, type AddressHit, type CandidateRow } from './address_rank';
import { allowedTypos, fullDistance } from './fuzzy';
import { searchForm } from './normalize';

export type { AddressHit, GroupedTown } from './address_rank';
export type FetchJson = (relativePath: string) => Promise<unknown>;

export interface MunicipalityHit {
  name: string; lon: number; lat: number; count: number;
  /** 1 the whole name, 0.9 its start, lower with typos. */
  score: number;
}

export interface AddressAnswer {
  hits: AddressHit[];
  /** Municipalities the whole query names (or starts to name). */
  municipalities: MunicipalityHit[];
}

export interface SearchOptions {
  /** The map centre [lon, lat]: equal hits, and the towns of a grouped hit, nearest first (else largest first). */
  near?: readonly [number, number];
}

interface Loaded { manifest: Manifest; towns: TownList; prefixes: Set<string>; near?: readonly [number, number] }

export class AddressIndex {
  private manifest?: Promise<Loaded>;
  private readonly files = new Map<string, Promise<unknown>>();

  constructor(private readonly fetchJson: FetchJson, private readonly name = 'address index') {}

  /** Fetches the manifest ahead of a first search (the app does it when the search box is first focused). */
  async prepare(): Promise<void> {
    await this.loadManifest();
  }

  async search(query: string, limit = 6, options: SearchOptions = {}): Promise<AddressAnswer> {
    const loaded = { ...(await this.loadManifest()), near: options.near };
    const form = searchForm(query);
    const towns = /\d/.test(form) ? [] : loaded.towns.match(form).slice(0, 3);
    const municipalities = towns.map((match) => municipality(loaded.manifest, match));
    const parsed = readAddressQuery(query, loaded.towns);
    // A whole municipality name (typos allowed) is that municipality, not a street being typed.
    const isTownName = towns[0] !== undefined && towns[0].tier !== 1;
    if (!parsed.lookup.length || isTownName) return { hits: [], municipalities };
    const only = parsed.towns.length === 1 ? parsed.towns[0]!.id : undefined;
    let hits = only === undefined ? [] : await this.byTown(loaded, parsed, only, limit);
    // No municipality, several possible ones, or nothing on that street there: by street word.
    if (!hits.length) hits = await this.byWord(loaded, parsed, new Set(parsed.towns.map((town) => town.id)), limit);
    // What looked like a municipality may be part of the street ("rue du Rocher-Gatineau"): read
    // again without one, same lookup word first (its files are already here).
    if (!hits.length && parsed.towns.length) {
      const again = { ...parsed, towns: [], street: parsed.words, lookup: [...new Set([...parsed.lookup, ...keyWords(parsed.words)])] };
      hits = await this.byWord(loaded, again, new Set(), limit);
    }
    return { hits, municipalities };
  }

  private async byTown(loaded: Loaded, query: AddressQuery, town: number, limit: number): Promise<AddressHit[]> {
    const directory = await this.load<DirectoryFile>(townDirectoryFile(town));
    const word = chooseWord(directory.words, query.lookup, query.partial);
    if (!word) return [];
    const [shard] = spanFor(directory.words[word]!, query.number ?? -1);
    const file = await this.load<ShardFile<TownGroup>>(townShardFile(shard));
    const rows: CandidateRow[] = [];
    for (const [id, groupWord, groupRows] of file.groups) {
      if (id !== town || groupWord !== word) continue;
      for (const [address, lon, lat] of groupRows) rows.push({ town, address, lon, lat });
    }
    return this.rank(loaded, rows, query, limit);
  }

  private async byWord(loaded: Loaded, query: AddressQuery, towns: Set<number>, limit: number): Promise<AddressHit[]> {
    // The longest word whose two-letter directory exists; a second word only if the first finds nothing.
    for (const typed of query.lookup.filter((w) => loaded.prefixes.has(wordDirectoryFile(w))).slice(0, 2)) {
      const directory = await this.load<DirectoryFile>(wordDirectoryFile(typed));
      const word = chooseWord(directory.words, [typed], query.partial);
      if (!word) continue;
      const [shard] = spanFor(directory.words[word]!, query.number ?? -1);
      const file = await this.load<ShardFile<WordGroup>>(wordShardFile(shard));
      const rows: CandidateRow[] = [];
      for (const [groupWord, , groupRows] of file.groups) {
        if (groupWord !== word) continue;
        for (const [town, address, lon, lat] of groupRows) if (!towns.size || towns.has(town)) rows.push({ town, address, lon, lat });
      }
      const hits = this.rank(loaded, rows, query, limit);
      if (hits.length) return hits;
    }
    return [];
  }

  private rank(loaded: Loaded, rows: CandidateRow[], query: AddressQuery, limit: number): AddressHit[] {
    const towns = loaded.manifest.towns;
    return rankRows(rows, query, { name: (id) => towns[id]?.[0] ?? '', size: (id) => towns[id]?.[1] ?? 0 }, limit, loaded.near);
  }

  private loadManifest(): Promise<Loaded> {
    this.manifest ??= this.fetchJson(MANIFEST_FILE).then((data) => {
      const manifest = data as Manifest;
      if (manifest?.format !== INDEX_FORMAT || !Array.isArray(manifest.towns)) {
        throw new Error(`${this.name}: ${MANIFEST_FILE} is not a Géoveille address index`);
      }
      if (manifest.version !== INDEX_VERSION) {
        throw new Error(`${this.name}: index format ${manifest.version}, this app reads ${INDEX_VERSION}; rebuild it with the import`);
      }
      return { manifest, towns: new TownList(manifest.towns), prefixes: new Set(manifest.wordDirectories ?? []) };
    });
    this.manifest.catch(() => { this.manifest = undefined; });
    return this.manifest;
  }

  private load<T>(file: string): Promise<T> {
    let pending = this.files.get(file);
    if (!pending) {
      pending = this.fetchJson(file).then((data) => {
        const ok = typeof data === 'object' && data !== null && ('words' in data || Array.isArray((data as ShardFile<unknown>).groups));
        if (!ok) throw new Error(`${this.name}: ${file} is not part of an address index`);
        return data;
      });
      pending.catch(() => this.files.delete(file));
      this.files.set(file, pending);
    }
    return pending as Promise<T>;
  }
}

function municipality(manifest: Manifest, { id, tier, typos }: TownMatch): MunicipalityHit {
  const [name, count, lon, lat] = manifest.towns[id]!;
  return { name, lon, lat, count, score: tier === 0 ? 1 : tier === 1 ? 0.9 : Math.round((0.9 - 0.1 * typos) * 100) / 100 };
}

/**
 * The directory word the query means: a typed word found as it is, else the most frequent word it
 * starts (typing), else the closest within the typos its length allows. Among several typed words,
 * an exact one with the fewest rows (the most selective) wins.
 */
export function chooseWord(words: Record<string, WordEntry>, typed: string[], partial?: string): string | undefined {
  let best: { word: string; tier: number; rows: number } | undefined;
  const consider = (word: string, tier: number) => {
    const rows = words[word]![0];
    if (!best || tier < best.tier || (tier === best.tier && rows < best.rows)) best = { word, tier, rows };
  };
  const all = Object.keys(words);
  for (const word of typed) {
    if (Object.hasOwn(words, word)) { consider(word, 0); continue; }
    // The word being typed is completed first; a finished word ("marte, …") is first read with a typo ("marthe").
    const closest = word === partial ? undefined : closestWord(words, all, word);
    if (closest) { consider(closest.word, 2 + closest.typos); continue; }
    const completions = all.filter((candidate) => candidate.startsWith(word));
    if (completions.length) {
      const likeliest = completions.reduce((a, b) => (words[b]![0] > words[a]![0] ? b : a));
      consider(likeliest, 1);
      continue;
    }
    const typo = closestWord(words, all, word);
    if (typo) consider(typo.word, 2 + typo.typos);
  }
  return best?.word;
}

function closestWord(words: Record<string, WordEntry>, all: string[], word: string): { word: string; typos: number } | undefined {
  const max = allowedTypos(word.length);
  let closest: { word: string; typos: number } | undefined;
  for (const candidate of all) {
    const typos = fullDistance(word, candidate, max);
    if (typos <= max && (!closest || typos < closest.typos || (typos === closest.typos && words[candidate]![0] > words[closest.word]![0]))) {
      closest = { word: candidate, typos };
    }
  }
  return closest;
}
