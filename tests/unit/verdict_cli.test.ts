// `cli verdict` on the demo data: the manifest's flood-zone points, a point in the mapped
// reach but outside the zones, a far point, and bad input. History counts are checked against
// the original GeoJSON polygons (not the tiles the CLI reads).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/queries/flood_verdict';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const dataDir = path.join(repoRoot, 'public/data');
const hasDemo = existsSync(path.join(dataDir, 'demo-manifest.json'));
if (!hasDemo) console.warn('verdict CLI tests skipped: public/data is missing (run npm run data:ensure)');

const run = promisify(execFile);

async function verdict(lon: number, lat: number, extra: string[] = []): Promise<Verdict> {
  const { stdout } = await run('npx', ['tsx', 'src/cli/main.ts', 'verdict', '--lon', String(lon), '--lat', String(lat), ...extra], { cwd: repoRoot });
  return JSON.parse(stdout) as Verdict;
}

const readCollection = (file: string) =>
  (JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as FeatureCollection).features as Array<Feature<Polygon>>;

function manifestPoint(classe: string): Position {
  const manifest = JSON.parse(readFileSync(path.join(dataDir, 'demo-manifest.json'), 'utf8')) as {
    samples: Array<{ layer: string; lon: number; lat: number; expect: Record<string, unknown> }>;
  };
  const sample = manifest.samples.find((s) => s.layer === 'zones-inondables' && s.expect.classe === classe);
  if (!sample) throw new Error(`no zones-inondables sample with classe ${classe} in the manifest`);
  return [sample.lon, sample.lat];
}

/** A point of the coverage polygon in no zone, found on a grid over the coverage's box. */
function pointInCoverageOutsideZones(): Position {
  const [coverage] = readCollection('flood_coverage.geojson');
  const zones = readCollection('zones_inondables.geojson');
  const ring = coverage!.geometry.coordinates[0]!;
  const lons = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  for (let i = 1; i < 40; i++) {
    for (let j = 1; j < 40; j++) {
      const p = [Math.min(...lons) + (i / 40) * (Math.max(...lons) - Math.min(...lons)), Math.min(...lats) + (j / 40) * (Math.max(...lats) - Math.min(...lats))];
      const clear = zones.every((z) => pointToPolygonDistance(p, z, { units: 'meters' }) > 200);
      if (booleanPointInPolygon(p, coverage!) && pointToPolygonDistance(p, coverage!, { units: 'meters' }) < -200 && clear) return p;
    }
  }
  throw new Error('no point of the coverage lies clear of the zones');
}

describe.skipIf(!hasDemo)('cli verdict', () => {
  it('should answer 0–20 at -72.55, 46.35, flagged synthetic, with producer and date', async () => {
    const [lon, lat] = manifestPoint('0-20');
    expect([lon, lat]).toEqual([-72.55, 46.35]);
    const answer = await verdict(lon!, lat!);
    expect(answer.highestClass).toBe('0-20');
    expect(answer.zones[0]).toMatchObject({ status: 'in-zone', layer: { id: 'zones-inondables', synthetic: true, date: '2024' } });
    expect(answer.zones[0]!.layer.producer.fr).toMatch(/Géoveille/);
    expect(answer.synthetic).toBe(true);
  });

  it('should answer 20–100 only at the manifest 20–100 point', async () => {
    const [lon, lat] = manifestPoint('20-100');
    const answer = await verdict(lon!, lat!);
    expect(answer.zones[0]).toMatchObject({ status: 'in-zone', classes: ['20-100'] });
    expect(answer.highestClass).toBe('20-100');
  });

  it('should answer "outside the mapped zones" inside the coverage, and count history like the original polygons', async () => {
    const point = pointInCoverageOutsideZones();
    const answer = await verdict(point[0]!, point[1]!, ['--radius-km', '10']);
    expect(answer.zones[0]?.status).toBe('outside-zones');
    const events = readCollection('crues_historiques.geojson');
    const near = events.filter((e) => Math.max(0, pointToPolygonDistance(point, e, { units: 'kilometers' })) <= 10);
    expect(answer.history[0]?.total).toBe(near.length);
    expect(answer.history[0]?.byYear.map((y) => y.year)).toEqual(near.map((e) => e.properties?.annee as number).sort());
  });

  it('should answer "no mapping" far from the mapped reach', async () => {
    const answer = await verdict(-70, 48.5);
    expect(answer.zones[0]?.status).toBe('no-mapping');
    expect(answer.highestClass).toBeNull();
    expect(answer.history[0]).toMatchObject({ status: 'ok', total: 0 });
  });

  it('should fail with one line on stderr for bad input', async () => {
    for (const args of [['--lon', 'abc', '--lat', '46'], ['--lon', '-72', '--lat', '46', '--layers-dir', 'nowhere']]) {
      const failure = await run('npx', ['tsx', 'src/cli/main.ts', 'verdict', ...args], { cwd: repoRoot }).then(
        () => null, (error: { code: number; stderr: string }) => error);
      expect(failure?.code).not.toBe(0);
      expect(failure?.stderr.trim().split('\n')).toHaveLength(1);
      expect(failure?.stderr).toMatch(args[1] === 'abc' ? /--lon must be a number/ : /nowhere.*catalogue\.json: no such file/);
    }
  });
});
