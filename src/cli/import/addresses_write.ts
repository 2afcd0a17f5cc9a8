// Writes a built address index under <root>/<id>/ and records it in <root>/index.json.
// Used by `npm run import -- addresses …` and by the demo generator.
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { INDEX_LIST_FILE, MANIFEST_FILE, type IndexList, type IndexListEntry } from '../../queries/search/address_format';
import type { BuiltIndex } from '../../queries/search/address_build';

export function writeAddressIndex(root: string, built: BuiltIndex, entry: Omit<IndexListEntry, 'manifest' | 'count' | 'id'>): string {
  const { id } = built.manifest;
  const dir = path.join(root, id);
  rmSync(dir, { recursive: true, force: true }); // old shards of a previous build must not linger
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of built.shards) writeFileSync(path.join(dir, file), text);
  writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(built.manifest));
  const listed: IndexListEntry = { id, ...entry, count: built.manifest.count, manifest: `${id}/${MANIFEST_FILE}` };
  const list = readList(root);
  const indexes = [...list.indexes.filter((other) => other.id !== id), listed].sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(path.join(root, INDEX_LIST_FILE), `${JSON.stringify({ indexes }, null, 2)}\n`);
  return dir;
}

function readList(root: string): IndexList {
  const file = path.join(root, INDEX_LIST_FILE);
  if (!existsSync(file)) return { indexes: [] };
  try {
    const list = JSON.parse(readFileSync(file, 'utf8')) as IndexList;
    if (!Array.isArray(list.indexes)) throw new Error('no "indexes" array');
    return list;
  } catch (error) {
    throw new Error(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)}); fix or delete it`);
  }
}
