// `--time` / `--from --to` on `cli export`, `cli stats` and `cli identify` read what the app's
// map shows at that time: an attribute-time layer (demo disturbances) keeps the features of that
// year — counted here from the source GeoJSON — and a series layer (demo 2019 flood extent)
// reads that date's file, checked against the library on the file itself. Bad times fail in one line.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bbox } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { openCog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { zonalStats } from '../../src/queries/zonal_stats';
import { repoRoot } from './cog_helpers';

const run = promisify(execFile);
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const cli = async (...args: string[]) => JSON.parse((await run(tsx, ['src/cli/main.ts', ...args], { cwd: repoRoot })).stdout) as Record<string, unknown>;
const cliError = async (...args: string[]) =>
  (await run(tsx, ['src/cli/main.ts', ...args], { cwd: repoRoot }).then(() => null, (e: unknown) => e)) as { code: number; stderr: string } | null;

const dataDir = path.join(repoRoot, 'public/data');
const disturbances = path.join(dataDir, 'perturbations.geojson');
const floodFile = (date: string) => path.join(dataDir, `etendue_crue_${date}.tif`);
const hasDemo = existsSync(disturbances) && existsSync(floodFile('2019-04-20')) && existsSync(floodFile('2019-05-04'));
const tmp = mkdtempSync(path.join(tmpdir(), 'time-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function boxAoi(box: number[], name: string): Feature<Polygon> {
  const [w = 0, s = 0, e = 0, n = 0] = box;
  return { type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } };
}

function writeAoi(aoi: Feature<Polygon>, name: string): string {
  const file = path.join(tmp, `${name}.geojson`);
  writeFileSync(file, JSON.stringify(aoi));
  return file;
}

describe.skipIf(!hasDemo)('cli with --time on the demo layers', () => {
  if (!hasDemo) it.skip('public/data is missing (run `npm run data:demo`): skipped', () => undefined);

  it('export of the disturbances at 1995 holds exactly the source features of 1995', { timeout: 60_000 }, async () => {
    const source = JSON.parse(readFileSync(disturbances, 'utf8')) as FeatureCollection;
    const [w, s, e, n] = bbox(source);
    const aoiFile = writeAoi(boxAoi([w - 1, s - 1, e + 1, n + 1], 'Tout'), 'all');
    const expected = source.features.filter((f) => String(f.properties?.annee).slice(0, 4) === '1995').length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(source.features.length);

    const out = path.join(tmp, 'export-1995');
    const { files } = (await cli('export', '--layer', 'perturbations-naturelles', '--aoi', aoiFile, '--out', out, '--time', '1995')) as { files: string[] };
    expect(files.map((file) => path.basename(file))).toEqual(expect.arrayContaining([expect.stringMatching(/_1995_\d{4}-\d{2}-\d{2}\.geojson$/), expect.stringMatching(/_1995_\d{4}-\d{2}-\d{2}\.csv$/)]));
    const geojson = JSON.parse(readFileSync(files.find((f) => f.endsWith('.geojson'))!, 'utf8')) as FeatureCollection & { time?: unknown };
    expect(geojson.features.length).toBe(expected);
    expect(new Set(geojson.features.map((f) => String(f.properties?.annee)))).toEqual(new Set(['1995']));

    // Without --time: every year, as before.
    const whole = (await cli('export', '--layer', 'perturbations-naturelles', '--aoi', aoiFile, '--out', path.join(tmp, 'export-all'))) as { files: string[] };
    const all = JSON.parse(readFileSync(whole.files.find((f) => f.endsWith('.geojson'))!, 'utf8')) as FeatureCollection;
    expect(all.features.length).toBe(source.features.length);
  });

  it('stats of the disturbances over a range count the source features of those years', { timeout: 60_000 }, async () => {
    const source = JSON.parse(readFileSync(disturbances, 'utf8')) as FeatureCollection;
    const [w, s, e, n] = bbox(source);
    const aoiFile = writeAoi(boxAoi([w - 1, s - 1, e + 1, n + 1], 'Tout'), 'all-stats');
    const inRange = (f: Feature) => { const year = String(f.properties?.annee).slice(0, 4); return year >= '1990' && year <= '1999'; };
    const printed = await cli('stats', '--layer', 'perturbations-naturelles', '--aoi', aoiFile, '--from', '1990', '--to', '1999', '--by', 'type');
    expect(printed.features).toBe(source.features.filter(inRange).length);
    expect(printed.time).toBe('1990_1999');
  });

  it('stats of the flood-extent series at two dates read each date\'s file', { timeout: 60_000 }, async () => {
    const aoi = boxAoi([-72.7, 46.25, -72.4, 46.45], 'Rivière');
    const aoiFile = writeAoi(aoi, 'river');
    const results = await Promise.all(['2019-04-20', '2019-05-04'].map(async (date) => {
      const printed = await cli('stats', '--layer', 'etendue-crue-2019', '--aoi', aoiFile, '--time', date);
      const cog = await openCog(new FileRangeSource(floodFile(date)));
      const expected = await zonalStats(cog, aoi, { categorical: true });
      await cog.close();
      const { time, ...stats } = printed;
      expect(time).toBe(date);
      expect(stats).toEqual(JSON.parse(JSON.stringify(expected)));
      return stats;
    }));
    expect(results[0]?.sum).not.toEqual(results[1]?.sum);
  });

  it('identify on a series date answers that date\'s pixel', { timeout: 60_000 }, async () => {
    const point = ['--lon', '-72.55', '--lat', '46.35'];
    const [layer, file] = await Promise.all([
      cli('identify', '--layer', 'etendue-crue-2019', ...point, '--time', '2019-04-20'),
      cli('identify', '--raster', floodFile('2019-04-20'), ...point),
    ]);
    expect(layer).toMatchObject({ kind: 'raster-values', values: file.values, time: '2019-04-20' });
  });

  it('a time that is not one of the layer\'s fails in one line listing the valid ones', { timeout: 60_000 }, async () => {
    const aoiFile = writeAoi(boxAoi([-72.7, 46.25, -72.4, 46.45], 'Rivière'), 'river-bad');
    const [badYear, badDate, seriesRange, pathTime] = await Promise.all([
      cliError('export', '--layer', 'perturbations-naturelles', '--aoi', aoiFile, '--out', tmp, '--time', '1899'),
      cliError('stats', '--layer', 'etendue-crue-2019', '--aoi', aoiFile, '--time', '2019-05-05'),
      cliError('stats', '--layer', 'etendue-crue-2019', '--aoi', aoiFile, '--from', '2019-04-20', '--to', '2019-05-04'),
      cliError('identify', '--raster', floodFile('2019-04-20'), '--lon', '-72.55', '--lat', '46.35', '--time', '2019-04-20'),
    ]);
    for (const error of [badYear, badDate, seriesRange, pathTime]) {
      expect(error?.code).not.toBe(0);
      expect(error?.stderr.trim().split('\n')).toHaveLength(1);
    }
    const source = JSON.parse(readFileSync(disturbances, 'utf8')) as FeatureCollection;
    const years = [...new Set(source.features.map((f) => String(f.properties?.annee).slice(0, 4)))].sort();
    expect(badYear?.stderr).toMatch(/perturbations-naturelles.*"1899" is not one of its times/);
    expect(badYear?.stderr.trim().endsWith(years.join(', '))).toBe(true);
    expect(badDate?.stderr).toMatch(/"2019-05-05".*2019-04-20, 2019-04-27, 2019-05-04, 2019-05-11/);
    expect(seriesRange?.stderr).toMatch(/one date at a time/);
    expect(pathTime?.stderr).toMatch(/--layer/);
  });
});
