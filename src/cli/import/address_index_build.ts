// Builds the static address index (format 2, see src/queries/search/address_format.ts) from a stream
// of records with bounded memory: each (address, street word) becomes one line in two external
// sorts — by municipality, word, number and by word, number, municipality — whose merged output is
// packed into shards while the directories are written alongside.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  INDEX_FORMAT, INDEX_VERSION, MANIFEST_FILE, civicNumber, indexedWords, townDirectoryFile, townShardFile, wordDirectoryFile,
  wordShardFile, type AddressRecord, type Manifest, type TownEntry, type WordEntry,
} from '../../queries/search/address_format';
import { searchForm } from '../../queries/search/normalize';
import { ShardPacker, type Block } from './address_pack';
import { ExternalSorter } from './external_sort';

export interface BuildOptions {
  id: string;
  /** The index folder (replaced when the build succeeds). */
  dir: string;
  /** Target size of a shard file in bytes (default 64 KiB: one quick request). */
  shardBytes?: number;
  /** Lines per in-memory sort chunk, per sort (memory bound; default 100,000). */
  chunkLines?: number;
}

export interface BuildReport {
  manifest: Manifest;
  /** Records without a street word (not indexed). */
  unindexed: number;
  shards: { byTown: number; byWord: number; largestBytes: number };
  directories: { towns: number; words: number };
}

const SEP = '\u0001';
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
/** Civic number as a key that sorts like the number (no number first). */
const numberKey = (n: number) => String(n + 1).padStart(10, '0');
const clean = (text: string) => text.replace(/[\t\r\n\u0000-\u001f]+/g, ' ').trim();

interface TownTally { name: string; count: number; lon: number; lat: number }

export async function buildAddressIndex(records: AsyncIterable<AddressRecord> | Iterable<AddressRecord>, options: BuildOptions): Promise<BuildReport> {
  const temp = mkdtempSync(path.join(tmpdir(), 'geoveille-addresses-'));
  const staging = `${options.dir}.building`;
  try {
    const byTown = new ExternalSorter(temp, 'town', options.chunkLines);
    const byWord = new ExternalSorter(temp, 'word', options.chunkLines);
    const { towns, count, unindexed } = await sortRecords(records, byTown, byWord);
    const forms = [...towns.keys()].sort();
    const ids = new Map(forms.map((form, id) => [form, id]));
    rmSync(staging, { recursive: true, force: true });
    for (const folder of ['towns', 'words', 'by-town', 'by-word']) mkdirSync(path.join(staging, folder), { recursive: true });
    const write = (file: string, text: string) => writeFileSync(path.join(staging, file), text);
    const budget = options.shardBytes ?? 65_536;
    const townPacker = await packByTown(byTown.sorted(), ids, budget, write);
    const { packer: wordPacker, directories } = await packByWord(byWord.sorted(), ids, budget, write);
    const manifest: Manifest = {
      format: INDEX_FORMAT, version: INDEX_VERSION, id: options.id, count,
      towns: forms.map((form): TownEntry => {
        const t = towns.get(form)!;
        return [t.name, t.count, Math.round((t.lon / t.count) * 1e4) / 1e4, Math.round((t.lat / t.count) * 1e4) / 1e4];
      }),
      wordDirectories: directories,
    };
    write(MANIFEST_FILE, JSON.stringify(manifest));
    rmSync(options.dir, { recursive: true, force: true }); // old shards of a previous build must not linger
    renameSync(staging, options.dir);
    return {
      manifest, unindexed,
      shards: { byTown: townPacker.shardsWritten, byWord: wordPacker.shardsWritten, largestBytes: Math.max(townPacker.largest, wordPacker.largest) },
      directories: { towns: forms.length, words: directories.length },
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  }
}

/** First pass: one line per (address, street word) into each sort; the municipalities tallied. */
async function sortRecords(records: AsyncIterable<AddressRecord> | Iterable<AddressRecord>, byTown: ExternalSorter, byWord: ExternalSorter) {
  const towns = new Map<string, TownTally>();
  const formOf = new Map<string, string>(); // municipality name → normalised form, computed once
  let count = 0;
  let unindexed = 0;
  for await (const record of records) {
    const address = clean(record.address);
    const name = clean(record.municipality);
    const words = indexedWords(address);
    if (!words.length) { unindexed++; continue; }
    let form = formOf.get(name);
    if (form === undefined) formOf.set(name, (form = searchForm(name)));
    let tally = towns.get(form);
    if (!tally) towns.set(form, (tally = { name, count: 0, lon: 0, lat: 0 }));
    tally.count++;
    tally.lon += record.lon;
    tally.lat += record.lat;
    count++;
    const number = numberKey(civicNumber(address));
    const payload = JSON.stringify([address, round6(record.lon), round6(record.lat)]);
    for (const word of words) {
      await byTown.add(`${form}${SEP}${word}${SEP}${number}${SEP}${address}\t${payload}`);
      await byWord.add(`${word}${SEP}${number}${SEP}${form}${SEP}${address}\t${payload}`);
    }
  }
  return { towns, count, unindexed };
}

/** Splits a sorted line into its key fields and row payload. */
function split(line: string): { key: string; fields: string[]; payload: Payload } {
  const tab = line.indexOf('\t');
  const key = line.slice(0, tab);
  return { key, fields: key.split(SEP), payload: JSON.parse(line.slice(tab + 1)) };
}

type Payload = [address: string, lon: number, lat: number];
interface SortedBlock { fields: string[]; rows: Array<{ fields: string[]; payload: Payload }> }

/** Consecutive lines with the same first `headSize` key fields become one block; duplicate lines are dropped. */
async function* blocks(lines: AsyncIterable<string>, headSize: number): AsyncGenerator<SortedBlock> {
  let previousKey = '';
  let current: (SortedBlock & { head: string }) | undefined;
  for await (const line of lines) {
    const { key, fields, payload } = split(line);
    if (key === previousKey) continue;
    previousKey = key;
    const head = fields.slice(0, headSize).join(SEP);
    if (current && current.head === head) { current.rows.push({ fields, payload }); continue; }
    if (current) yield current;
    current = { head, fields, rows: [{ fields, payload }] };
  }
  if (current) yield current;
}

const bytesOf = (rows: unknown[]) => rows.reduce<number>((sum, row) => sum + Buffer.byteLength(JSON.stringify(row)) + 1, 0) + 16;

async function packByTown(lines: AsyncIterable<string>, ids: Map<string, number>, budget: number, write: (file: string, text: string) => void): Promise<ShardPacker> {
  let town = -1;
  let directory: Record<string, WordEntry> = {};
  const flushTown = () => { if (town >= 0) write(townDirectoryFile(town), JSON.stringify({ v: INDEX_VERSION, words: directory })); };
  const packer = new ShardPacker(budget, (shard, text) => write(townShardFile(shard), text), (dirKey, span) => {
    const word = dirKey.slice(dirKey.indexOf(SEP) + 1);
    (directory[word] ??= [0, []])[1].push(span);
  });
  for await (const { fields: [form, word, number], rows } of blocks(lines, 3)) {
    const payloads = rows.map((row) => row.payload);
    const id = ids.get(form!)!;
    if (id !== town) { flushTown(); town = id; directory = {}; }
    const block: Block = { group: `${id}${SEP}${word}`, head: [id, word], dirKey: `${id}${SEP}${word}`, number: Number(number) - 1, rows: payloads, bytes: bytesOf(payloads) };
    packer.add(block);
    directory[word!]![0] += payloads.length;
  }
  packer.finish();
  flushTown();
  return packer;
}

async function packByWord(lines: AsyncIterable<string>, ids: Map<string, number>, budget: number, write: (file: string, text: string) => void) {
  let file = '';
  let directory: Record<string, WordEntry> = {};
  const directories: string[] = [];
  const flushDirectory = () => { if (file) { write(file, JSON.stringify({ v: INDEX_VERSION, words: directory })); directories.push(file); } };
  const packer = new ShardPacker(budget, (shard, text) => write(wordShardFile(shard), text), (word, span) => {
    (directory[word] ??= [0, []])[1].push(span);
  });
  for await (const { fields: [word, number], rows: sorted } of blocks(lines, 2)) {
    const target = wordDirectoryFile(word!);
    if (target !== file) { flushDirectory(); file = target; directory = {}; }
    const rows = sorted.map(({ fields, payload: [address, lon, lat] }) => [ids.get(fields[2]!)!, address, lon, lat]);
    packer.add({ group: `${word}${SEP}${number}`, head: [word, Number(number) - 1], dirKey: word!, number: Number(number) - 1, rows, bytes: bytesOf(rows) });
    directory[word!]![0] += rows.length;
  }
  packer.finish();
  flushDirectory();
  return { packer, directories };
}
