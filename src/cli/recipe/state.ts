// What the last `npm run recipe` imported, kept next to the local layer files: an input whose
// content hash (and import options) did not change is not converted again.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LayerDefinition } from '../../catalogue/types';
import type { ImportedFacts } from './apply';

export interface ImportRecord {
  /** Hash of the input's bytes and of the options that change the output. */
  key: string;
  dataFile: string;
  /** The import's own layer file, before the recipe is applied (the recipe may change without a re-import). */
  starter: LayerDefinition;
  facts: ImportedFacts;
  count: string;
  warnings: string[];
}

export type RecipeState = Record<string, ImportRecord>;

export const STATE_FILE = '.recipe-state.json';

export async function readState(layersDir: string): Promise<RecipeState> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(layersDir, STATE_FILE), 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as RecipeState) : {};
  } catch {
    return {}; // first run, or a damaged file: everything is imported again
  }
}

export async function writeState(layersDir: string, state: RecipeState): Promise<void> {
  await fs.mkdir(layersDir, { recursive: true });
  await fs.writeFile(path.join(layersDir, STATE_FILE), `${JSON.stringify(state, null, 1)}\n`);
}

/** sha256 of a file's bytes, streamed (inputs can be gigabytes). */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function importKey(contentHash: string, options: Record<string, unknown>): string {
  return createHash('sha256').update(contentHash).update(JSON.stringify(options)).digest('hex');
}

/** True when the record says this exact input was imported and its output is still there. */
export async function isUnchanged(record: ImportRecord | undefined, key: string): Promise<boolean> {
  if (!record || record.key !== key) return false;
  return fs.stat(record.dataFile).then((stat) => stat.size > 0, () => false);
}
