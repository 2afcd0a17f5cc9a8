// `npm run cli` runs the CLI compiled to plain JavaScript (dist-cli/, built by scripts/cli.mjs
// when missing or older than src/): same JSON as the TypeScript sources run through tsx, errors
// still one line on stderr, and no tsx at run time (Node 20 cannot run .ts files by itself).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const run = promisify(execFile);
const raster = path.join(repoRoot, 'public/data/lidar_mnt.tif');
const hasDemo = existsSync(raster);
const compiled = (...args: string[]) => run(process.execPath, ['scripts/cli.mjs', ...args], { cwd: repoRoot, timeout: 120_000 });
const fromSources = (...args: string[]) => run(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], { cwd: repoRoot });
let dir = '';
let aoi = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'geoveille-cli-compiled-'));
  aoi = path.join(dir, 'aoi.geojson');
  const ring = [[-72.578, 46.35], [-72.55, 46.35], [-72.56, 46.375], [-72.578, 46.35]];
  writeFileSync(aoi, JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function newestSourceMs(): number {
  return Math.max(...readdirSync(path.join(repoRoot, 'src'), { withFileTypes: true, recursive: true })
    .filter((item) => item.isFile()).map((item) => statSync(path.join(item.parentPath, item.name)).mtimeMs));
}

describe('the compiled CLI (npm run cli)', () => {
  it('is what npm run cli runs: plain node, no tsx', () => {
    const scripts = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.cli).toBe('node scripts/cli.mjs');
  });

  it.skipIf(!hasDemo)('gives the same statistics as the sources, and is rebuilt up to date (needs public/data: npm run data:ensure)', async () => {
    const [compiledOut, sourcesOut] = await Promise.all([
      compiled('stats', '--raster', raster, '--aoi', aoi),
      fromSources('stats', '--raster', raster, '--aoi', aoi),
    ]);
    const stats = JSON.parse(compiledOut.stdout) as { count: number };
    expect(stats.count).toBeGreaterThan(100_000);
    expect(compiledOut.stdout).toBe(sourcesOut.stdout);
    expect(statSync(path.join(repoRoot, 'dist-cli/main.js')).mtimeMs).toBeGreaterThanOrEqual(newestSourceMs());
  });

  it('keeps errors to one line on stderr with nothing on stdout', async () => {
    await compiled('--help');
    const error = (await compiled('nonsense').then(() => null, (e: unknown) => e)) as { code: number; stderr: string; stdout: string } | null;
    expect(error?.code).toBe(1);
    expect(error?.stderr.trim().split('\n')).toEqual([expect.stringContaining('unknown command "nonsense"')]);
    expect(error?.stdout).toBe('');
  });
});
