// Records a built address index in <root>/index.json (the list the app reads).
// Used by `npm run import -- addresses …` and by the demo generator.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INDEX_LIST_FILE, MANIFEST_FILE, type IndexList, type IndexListEntry } from '../../queries/search/address_format';

/** Adds or replaces the index `id` (folder <root>/<id>/) in <root>/index.json. */
export function listAddressIndex(root: string, entry: Omit<IndexListEntry, 'manifest'>): void {
  const listed: IndexListEntry = { ...entry, manifest: `${entry.id}/${MANIFEST_FILE}` };
  const list = readList(root);
  const indexes = [...list.indexes.filter((other) => other.id !== entry.id), listed].sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(path.join(root, INDEX_LIST_FILE), `${JSON.stringify({ indexes }, null, 2)}\n`);
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
