// Where the tests find the repo and the real third-party data (../shared/data, never in git).
// GEOVEILLE_SHARED_DATA overrides the folder, e.g. `GEOVEILLE_SHARED_DATA=/nonexistent` proves
// that every data-dependent test is reported skipped (with the reason) rather than passed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const SHARED_DATA = process.env.GEOVEILLE_SHARED_DATA
  ? path.resolve(process.env.GEOVEILLE_SHARED_DATA)
  : path.resolve(REPO_ROOT, '../shared/data');

export const hasShared = existsSync(SHARED_DATA);

/** A path inside the shared data folder. */
export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}

/** True when every one of these shared files (relative to SHARED_DATA) exists. */
export function hasSharedFiles(...relative: string[]): boolean {
  return hasShared && relative.every((file) => existsSync(sharedPath(file)));
}

/** The reason shown in a skipped test's name: which folder or file is missing. */
export function skipReason(...relative: string[]): string {
  const missing = relative.find((file) => !existsSync(sharedPath(file)));
  const what = hasShared && missing ? sharedPath(missing) : SHARED_DATA;
  return `skipped: ${what} is missing (real third-party data is not in git)`;
}

/** Says once, on the console, why a file's data tests are skipped. */
export function noteSkipped(file: string, available: boolean, ...relative: string[]): void {
  if (!available) console.warn(`${file}: ${skipReason(...relative)}`);
}
