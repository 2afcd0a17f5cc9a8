// The CLI on the bad COG files of the corpus: one line on stderr naming the file, exit code ≠ 0,
// in a Node capped at 256 MB of heap (a header that made it allocate more would crash
// with a multi-line V8 report and fail the one-line check).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusCases } from '../corpus/cases';
import { CLEAR_MESSAGES } from '../corpus/clear_messages';
import { materialise, removeMaterialised } from '../corpus/read';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], {
    cwd: repoRoot, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const bad = corpusCases().filter((item) => item.kind === 'cog' && item.expect);

describe('cli on the bad COG corpus', () => {
  afterAll(() => removeMaterialised());

  it.each(bad.map((item) => [item.name, item] as const))('info %s: one line on stderr naming the file, exit ≠ 0', (name, item) => {
    const file = materialise(item);
    // Some files only fail when a pixel is decoded: identify reads one.
    const opened = cli(['info', '--raster', file]);
    const run = opened.status === 0 ? cli(['identify', '--raster', file, '--lon', '-72.57', '--lat', '46.38']) : opened;
    expect(run.status, run.stdout).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(item.expect!);
    if (opened.status !== 0) expect(lines[0]).toContain(name);
    const clear = CLEAR_MESSAGES[name];
    if (clear) {
      expect(lines[0]).toMatch(clear.must);
      expect(lines[0]).not.toMatch(clear.mustNot);
    }
  });

  it('should still answer on the valid control file', () => {
    const valid = corpusCases().find((item) => item.name === 'valid.tif')!;
    const run = cli(['info', '--raster', materialise(valid)]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ width: 64, height: 64, crs: 'EPSG:4326' });
  });
});
