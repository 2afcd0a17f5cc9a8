// Builds the sharded address index in memory (pure: the CLI and the demo generator write the files).
// Shards split by word prefix until each fits the byte budget; a single word too frequent to fit
// (e.g. "principale") is cut into several shards of that exact word.
import {
  INDEX_FORMAT, INDEX_VERSION, indexedWords, type AddressRecord, type Manifest, type ShardFile, type ShardRef, type ShardRow,
} from './address_format';

export interface BuildOptions {
  id: string;
  /** Upper bound of a shard file in bytes (default 150 000). */
  maxShardBytes?: number;
  /** Prefixes shorter than this are always split (default 2), so shards stay small to fetch. */
  minPrefix?: number;
}

export interface BuiltIndex { manifest: Manifest; shards: Map<string, string> }

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

export function buildAddressIndex(records: readonly AddressRecord[], options: BuildOptions): BuiltIndex {
  const budget = options.maxShardBytes ?? 150_000;
  const minPrefix = options.minPrefix ?? 2;
  const rows = toRows(records);
  const sizes = rows.map((row) => utf8Length(JSON.stringify(row)) + 1);
  const cumulative = [0];
  for (const size of sizes) cumulative.push(cumulative[cumulative.length - 1]! + size);
  const bytes = (from: number, to: number) => cumulative[to]! - cumulative[from]! + 20;
  const shards = new Map<string, string>();
  const refs: ShardRef[] = [];
  const emit = (prefix: string, exact: boolean, from: number, to: number) => {
    const file = `s${refs.length}.json`;
    const body: ShardFile = { v: INDEX_VERSION, rows: rows.slice(from, to) };
    const text = JSON.stringify(body);
    shards.set(file, text);
    refs.push({ prefix, exact, file, bytes: utf8Length(text), rows: to - from });
  };
  const emitExact = (word: string, from: number, to: number) => {
    let start = from;
    while (start < to) {
      let end = start + 1;
      while (end < to && bytes(start, end + 1) <= budget) end++;
      emit(word, true, start, end);
      start = end;
    }
  };
  const split = (prefix: string, from: number, to: number): void => {
    if (from === to) return;
    if (prefix.length >= minPrefix && bytes(from, to) <= budget) return emit(prefix, false, from, to);
    let start = from;
    while (start < to) {
      const char = rows[start]![0].charAt(prefix.length);
      let end = start + 1;
      while (end < to && rows[end]![0].charAt(prefix.length) === char) end++;
      if (char === '') emitExact(prefix, start, end);
      else split(prefix + char, start, end);
      start = end;
    }
  };
  split('', 0, rows.length);
  const manifest: Manifest = { format: INDEX_FORMAT, version: INDEX_VERSION, id: options.id, count: records.length, shards: refs };
  return { manifest, shards };
}

/** One row per (address, indexed word), sorted by word then address text (code-unit order, like shard lookup). */
function toRows(records: readonly AddressRecord[]): ShardRow[] {
  const rows: ShardRow[] = [];
  for (const record of records) {
    for (const word of indexedWords(record.address)) {
      rows.push([word, record.address, record.municipality, round6(record.lon), round6(record.lat)]);
    }
  }
  const key = (row: ShardRow) => `${row[0]}\u0000${row[2]}\u0000${row[1]}`;
  const keys = new Map<ShardRow, string>(rows.map((row) => [row, key(row)]));
  return rows.sort((a, b) => (keys.get(a)! < keys.get(b)! ? -1 : keys.get(a)! > keys.get(b)! ? 1 : 0));
}

function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code < 0xdc00) { length += 4; i++; }
    else length += 3;
  }
  return length;
}
