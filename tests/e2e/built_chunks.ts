// Which files of the built app (dist/.vite/chunks.json, the served copy) hold a module: for tests
// that count, hold or refuse the requests for a lazily loaded piece of code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { ChunkReport } from '../../scripts/vite_chunk_report_plugin';

/** File names (assets/…) of the built JS chunks holding a module whose id matches. */
export function chunksWith(module: RegExp): string[] {
  const report = JSON.parse(readFileSync(path.join(inject('distDir'), '.vite/chunks.json'), 'utf8')) as ChunkReport[];
  const files = report.filter((chunk) => Object.keys(chunk.modules).some((id) => module.test(id))).map((chunk) => chunk.fileName);
  if (files.length === 0) throw new Error(`no chunk holds ${module}: was the app built?`);
  return files;
}
