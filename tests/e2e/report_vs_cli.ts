// The report's flood-zone numbers against `cli stats` for the same polygon: same code on both
// sides; only the JavaScript engines differ (Node's V8 vs Chromium's), which can move the last
// bits of a float sum, so areas are equal to 1e-9 relative.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const run = promisify(execFile);

export async function expectFloodNumbersOfCli(shown: Record<string, number>, aoi: unknown): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-vs-cli-'));
  const file = path.join(dir, 'aoi.geojson');
  writeFileSync(file, JSON.stringify(aoi));
  const { stdout } = await run(path.join(repoRoot, 'node_modules/.bin/tsx'),
    ['src/cli/main.ts', 'stats', '--vector', 'public/data/zones_inondables.geojson', '--aoi', file, '--by', 'classe'], { cwd: repoRoot })
    .finally(() => rmSync(dir, { recursive: true, force: true }));
  const cli = JSON.parse(stdout) as { features: number; area_m2: number; by: Record<string, number> };
  expect(cli.features).toBeGreaterThan(0);
  expect(shown.features).toBe(cli.features);
  const same = (a: number | undefined, b: number) => Math.abs((a ?? NaN) - b) <= 1e-9 * Math.abs(b);
  expect(same(shown.area_m2, cli.area_m2)).toBe(true);
  for (const [key, m2] of Object.entries(cli.by)) expect(same(shown[`class:${key}`], m2), key).toBe(true);
}
