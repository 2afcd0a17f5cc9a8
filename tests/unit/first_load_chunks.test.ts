// What the first view loads (issue 15), from one production build into a temporary folder: at
// most FIRST_LOAD_BUDGET_GZ (60 KB gzip) of JavaScript beyond MapLibre's own chunk; no
// second copy of MapLibre's style-spec (MapLibre bundles its own; the app's validators and filter
// evaluator load with import() when run-time data needs them) and no @protomaps/basemaps (loaded
// when a Protomaps basemap is shown). Reads dist/.vite/chunks.json as scripts/first_load_size.ts does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET_GZ, measureFirstLoad, packageOf, type FirstLoad } from '../../scripts/first_load_size';
import type { ChunkReport } from '../../scripts/vite_chunk_report_plugin';

const repoRoot = join(import.meta.dirname, '../..');
const LAZY_ONLY = ['@maplibre/maplibre-gl-style-spec', '@protomaps/basemaps'];

describe('first-load chunks of the built app', () => {
  let outDir: string;
  let firstLoad: FirstLoad;
  let allChunks: ChunkReport[];

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'geoveille-first-load-'));
    const vite = join(repoRoot, 'node_modules/vite/bin/vite.js');
    execFileSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: repoRoot, stdio: 'pipe', env: { ...process.env, VITEST: '' },
    });
    firstLoad = measureFirstLoad(outDir);
    allChunks = JSON.parse(readFileSync(join(outDir, '.vite/chunks.json'), 'utf8')) as ChunkReport[];
  }, 240_000);
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('should keep the first-load JavaScript beyond MapLibre within the 60 KB gzip budget', () => {
    const rows = [...firstLoad.byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`);
    expect(firstLoad.appGz, `first load ${(firstLoad.appGz / 1024).toFixed(1)} KB gz; largest: ${rows.join(', ')}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_GZ);
    // MapLibre really is a chunk of its own (otherwise the sum above would leave out what it absorbed)
    expect(firstLoad.maplibreGz).toBeGreaterThan(200 * 1024);
  });

  it.each(LAZY_ONLY)('should hold no module of %s', (name) => {
    const firstFiles = new Set(firstLoad.chunks.map((chunk) => chunk.fileName));
    const modules = allChunks.filter((chunk) => firstFiles.has(chunk.fileName)).flatMap((chunk) => Object.keys(chunk.modules));
    expect(modules.filter((id) => packageOf(id) === name)).toEqual([]);
  });

  it.each(LAZY_ONLY)('should still have %s in a chunk loaded later, for the data that needs it', (name) => {
    const lazy = allChunks.filter((chunk) => !firstLoad.chunks.some((first) => first.fileName === chunk.fileName));
    expect(lazy.some((chunk) => Object.keys(chunk.modules).some((id) => packageOf(id) === name))).toBe(true);
  });
});
