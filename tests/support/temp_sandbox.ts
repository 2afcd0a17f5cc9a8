// One temp folder per test run: the run's TMPDIR points into it (workers, the browser and child
// processes inherit it, so every os.tmpdir() fixture lands there) and it is removed when the run
// ends. Tests still remove their own folders; this catches what lives as long as a worker
// (gdal3.js's output folder, module-level fixtures) and what a failing test leaves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Points TMPDIR at a new `<tmp>/<prefix>XXXXXX` folder; returns what puts it back and removes it. */
export function useRunTempDir(prefix: string): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
