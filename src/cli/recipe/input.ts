// Where a recipe layer's input is: a path relative to the recipe's base folder, or an http(s) URL
// downloaded once into a cache folder (a changed download is then caught by its content hash).

import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ImportError } from '../import/errors';

export const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** The local file of an input; URLs are fetched into `cacheDir` (kept: refresh with --force). */
export async function resolveInput(input: string, baseDir: string, cacheDir: string, force: boolean): Promise<string> {
  if (!isUrl(input)) return path.resolve(baseDir, input);
  const name = decodeURIComponent(new URL(input).pathname.split('/').pop() || 'download');
  const file = path.join(cacheDir, name);
  const cached = await fs.stat(file).then((s) => s.size > 0, () => false);
  if (cached && !force) return file;
  await fs.mkdir(cacheDir, { recursive: true });
  const response = await fetch(input).catch((error: unknown) => {
    throw new ImportError(input, `download failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!response.ok || !response.body) throw new ImportError(input, `download failed: HTTP ${response.status}`);
  const partial = `${file}.part`;
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), createWriteStream(partial));
  await fs.rename(partial, file);
  return file;
}
