// Bad input to `npm run import`: exactly one line on stderr naming the file and the problem,
// a non-zero exit code, and nothing left behind in the output or layers folders.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeArrayBuffer } from 'geotiff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import catalogue from '../../layers/catalogue.json';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const main = path.join(repoRoot, 'src', 'cli', 'import', 'main.ts');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function runCli(args: string[], layersDir: string): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [main, ...args], {
      cwd: repoRoot,
      env: { ...process.env, GEOVEILLE_LAYERS_DIR: layersDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

let dir: string;
let outDir: string;
let layersDir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-errors-'));
  outDir = path.join(dir, 'out');
  layersDir = path.join(dir, 'layers');
  await fs.writeFile(path.join(dir, 'notes.geojson'), 'These are meeting notes, not GeoJSON.\n');
  await fs.writeFile(path.join(dir, 'empty.tif'), new Uint8Array(0));
  await fs.writeFile(path.join(dir, 'none.geojson'), '{"type":"FeatureCollection","features":[]}');
  await fs.writeFile(path.join(dir, 'table.csv'), 'a,b\n1,2\n');
  // A georeferenced grid with an empty GeoKey directory: pixel size and origin, but no CRS.
  const values = Uint8Array.from({ length: 64 * 64 }, (_, i) => i % 251);
  const noCrs = writeArrayBuffer(values, {
    width: 64, height: 64, GeoKeyDirectory: [1, 1, 0, 0], ProjectedCSTypeGeoKey: undefined,
    ModelPixelScale: [10, 10, 0], ModelTiepoint: [0, 0, 0, 500000, 5000000, 0],
  } as never);
  await fs.writeFile(path.join(dir, 'no_crs.tif'), new Uint8Array(noCrs));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('npm run import with bad input', () => {
  it.each([
    ['missing.geojson', /missing\.geojson: file not found$/],
    ['notes.geojson', /notes\.geojson: cannot be read as GeoJSON/],
    ['empty.tif', /empty\.tif: is empty \(0 bytes\)$/],
    ['no_crs.tif', /no_crs\.tif: has no coordinate reference system/],
    ['none.geojson', /none\.geojson: layer "none" is empty \(no features\)$/],
    ['table.csv', /table\.csv: unknown format "\.csv"; supported: .*\.geojson/],
  ])('should refuse %s with one clear line on stderr and exit code 1', async (name, message) => {
    const run = await runCli([path.join(dir, name), '--id', 'bad-input', '--out-dir', outDir], layersDir);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((line) => line.length > 0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(message);
    expect(run.stdout).toBe('');
    const left = await fs.readdir(outDir).catch(() => []);
    expect(left).toEqual([]);
    await expect(fs.access(path.join(layersDir, 'catalogue.json'))).rejects.toThrow();
  }, 30_000);

  it('should refuse an invalid layer id before touching the file', async () => {
    const run = await runCli([path.join(dir, 'notes.geojson'), '--id', 'Mes_Feux'], layersDir);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/invalid layer id "Mes_Feux": use lowercase letters, digits and dashes/)]);
  }, 30_000);

  it('should refuse a group that the catalogue does not have', async () => {
    const run = await runCli([path.join(dir, 'notes.geojson'), '--id', 'x', '--group', 'weather'], layersDir);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/unknown group "weather"; use one of: fires, forest/)]);
  }, 30_000);

  it.skipIf(catalogue.layers.length === 0)('should refuse an id already used by a layer of the main catalogue', async () => {
    const taken = catalogue.layers[0] as string;
    const run = await runCli([path.join(dir, 'notes.geojson'), '--id', taken], layersDir);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`error: arguments: layer id "${taken}" is already used by layers/${taken}.json; choose another --id`]);
  }, 30_000);
});
