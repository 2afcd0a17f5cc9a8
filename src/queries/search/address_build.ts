// Builds the sharded address index in memory (pure: the CLI and the demo generator write the files).
// Rows are sorted by word and packed greedily into shards of at most `maxShardBytes`.
import { searchForm } from './normalize';
import { INDEX_FORMAT, INDEX_VERSION, indexedWords, rowKey, shardFile, type AddressRecord, type Manifest, type ShardFile, type ShardRef, type ShardRow } from './address_format';

export interface BuildOptions {
  id: string;
  /** Upper bound of a shard file in bytes (default 100 000: one quick request, ~1,300 rows). */
  maxShardBytes?: number;
}

export interface BuiltIndex { manifest: Manifest; shards: Map<string, string> }

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
/** `{"v":1,"rows":[` + `]}` */
const SHARD_OVERHEAD = 20;

export function buildAddressIndex(records: readonly AddressRecord[], options: BuildOptions): BuiltIndex {
  const budget = options.maxShardBytes ?? 100_000;
  const rows = toRows(records);
  const shards = new Map<string, string>();
  const refs: ShardRef[] = [];
  let start = 0;
  let bytes = SHARD_OVERHEAD;
  const emit = (end: number) => {
    const body: ShardFile = { v: INDEX_VERSION, rows: rows.slice(start, end).map(({ row }) => row) };
    shards.set(shardFile(refs.length), JSON.stringify(body));
    const { row, town } = rows[start]!;
    refs.push([row[0], town, end - start]);
    start = end;
    bytes = SHARD_OVERHEAD;
  };
  rows.forEach(({ row }, i) => {
    const size = utf8Length(JSON.stringify(row)) + 1;
    if (i > start && bytes + size > budget) emit(i);
    bytes += size;
  });
  if (start < rows.length) emit(rows.length);
  const manifest: Manifest = { format: INDEX_FORMAT, version: INDEX_VERSION, id: options.id, count: records.length, shards: refs };
  return { manifest, shards };
}

/** One row per (address, indexed word), sorted by word (code-unit order, as the lookup compares), then municipality and address. */
function toRows(records: readonly AddressRecord[]): Array<{ row: ShardRow; town: string }> {
  const keyed: Array<{ key: string; row: ShardRow; town: string }> = [];
  for (const record of records) {
    const town = searchForm(record.municipality);
    for (const word of indexedWords(record.address)) {
      const row: ShardRow = [word, record.address, record.municipality, round6(record.lon), round6(record.lat)];
      keyed.push({ key: `${rowKey(word, town)}\u0000${record.address}`, row, town });
    }
  }
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ row, town }) => ({ row, town }));
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
