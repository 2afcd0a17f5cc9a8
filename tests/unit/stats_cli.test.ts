// `cli stats` / `cli export` print exactly what the library computes; errors are one line.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Feature, Polygon } from 'geojson';
import { openCog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { zonalStats } from '../../src/queries/zonal_stats';
import { vectorStats } from '../../src/queries/stats_vector';
import { VectorIndex } from '../../src/queries/stats_vector_index';
import { featuresFromGeojsonText } from '../../src/queries/stats_vector_load';
import { hasSharedData, repoRoot, sharedData } from './cog_helpers';
import { skipReason } from '../support/shared_data';

const run = promisify(execFile);
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const cli = async (...args: string[]) => JSON.parse((await run(tsx, ['src/cli/main.ts', ...args], { cwd: repoRoot })).stdout) as unknown;
const tmp = mkdtempSync(path.join(tmpdir(), 'stats-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const floodGeojson = path.join(repoRoot, 'public/data/zones_inondables.geojson');

const aoiA: Feature<Polygon> = { type: 'Feature', id: 'a', properties: { name: 'Secteur A' }, geometry: { type: 'Polygon', coordinates: [[[-72.62, 46.3], [-72.5, 46.31], [-72.47, 46.4], [-72.6, 46.42], [-72.62, 46.3]]] } };
const aoiB: Feature<Polygon> = { type: 'Feature', properties: { name: 'Secteur B' }, geometry: { type: 'Polygon', coordinates: [[[-73.2, 46.3], [-72.2, 46.25], [-72.0, 46.9], [-72.7, 47.1], [-73.2, 46.3]]] } };
const aoiFile = path.join(tmp, 'aois.geojson');
writeFileSync(aoiFile, JSON.stringify({ type: 'FeatureCollection', features: [aoiA, aoiB] }));
const oneFile = path.join(tmp, 'one.geojson');
writeFileSync(oneFile, JSON.stringify(aoiA));

describe('cli stats errors', () => {
  it('one line on stderr and a non-zero exit for bad input', async () => {
    const badAoi = path.join(tmp, 'line.geojson');
    writeFileSync(badAoi, JSON.stringify({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }));
    await Promise.all([['stats', '--aoi', oneFile], ['stats', '--raster', 'missing.tif', '--aoi', oneFile], ['stats', '--vector', floodGeojson, '--aoi', badAoi], ['export', '--layer', 'no-such-layer', '--aoi', oneFile, '--out', tmp]].map(async (args) => {
      const error = (await run(tsx, ['src/cli/main.ts', ...args], { cwd: repoRoot }).then(() => null, (e: unknown) => e)) as { code: number; stderr: string } | null;
      expect(error?.code).not.toBe(0);
      expect(error?.stderr.trim().split('\n')).toHaveLength(1);
    }));
  });
});

describe.skipIf(!existsSync(floodGeojson))('cli stats --vector', () => {
  it('equals the library, one result per AOI with id and name', async () => {
    const index = new VectorIndex(featuresFromGeojsonText(readFileSync(floodGeojson, 'utf8'), floodGeojson));
    const expected = [aoiA, aoiB].map((aoi) => vectorStats(index, aoi, { by: 'classe' }));
    const printed = (await cli('stats', '--vector', floodGeojson, '--aoi', aoiFile, '--by', 'classe')) as Array<Record<string, unknown>>;
    expect(printed.map(({ id, name }) => [id, name])).toEqual([['a', 'Secteur A'], ['2', 'Secteur B']]);
    expect(printed.map(({ id: _id, name: _name, ...rest }) => rest)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(await cli('stats', '--vector', floodGeojson, '--aoi', oneFile, '--by', 'classe')).toEqual(JSON.parse(JSON.stringify(expected[0])));
  });
});

describe.skipIf(!hasSharedData)('cli stats --raster and export', () => {
  if (!hasSharedData) it.skip(skipReason(), () => undefined);
  const raster = path.join(sharedData, 'quebec/forest/qldm_stand_age_2020_2km.tif');

  it('equals the library for band 1', { timeout: 60_000 }, async () => {
    const cog = await openCog(new FileRangeSource(raster));
    const expected = await zonalStats(cog, aoiB);
    await cog.close();
    const file = path.join(tmp, 'b.geojson');
    writeFileSync(file, JSON.stringify(aoiB));
    const printed = (await cli('stats', '--raster', raster, '--aoi', file)) as Record<string, unknown>;
    expect(printed).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(Object.keys(printed)).toEqual(expect.arrayContaining(['count', 'min', 'max', 'sum', 'mean', 'std']));
  });

  it('export writes the CSV and a GeoTIFF named after the layer and the date', { timeout: 60_000 }, async () => {
    const out = path.join(tmp, 'out');
    const { files } = (await cli('export', '--layer', raster, '--aoi', oneFile, '--out', out)) as { files: string[] };
    expect(files.map((f) => path.basename(f).replace(/\d{4}-\d{2}-\d{2}/, 'DATE')).sort())
      .toEqual(['geoveille_qldm_stand_age_2020_2km_DATE.csv', 'geoveille_qldm_stand_age_2020_2km_DATE.tif']);
    for (const file of files) expect(readFileSync(file).length).toBeGreaterThan(10);
  });
});
