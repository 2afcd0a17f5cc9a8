// Zonal statistics: ours (streamed COG tiles) vs geoblaze 2.8 on the same files and polygons:
// QLDM stand age with the MRC subset, Landsat with a drawn polygon. Prints pixels/s and
// whether counts and sums are identical.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { openCog, type Cog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { zonalStatsMany } from '../../src/queries/zonal_stats';
import { medianTime, type BenchModule, type BenchRow } from './table';
import { sharedPath, REPO_ROOT as repoRoot } from '../support/shared_data';

const data = sharedPath('quebec');
const require = createRequire(import.meta.url);
/** Timed runs per side (the median is kept; the machine is shared). */
const RUNS = 5;

interface Geoblaze {
  parse(input: ArrayBuffer | string): Promise<unknown>;
  stats(raster: unknown, geometry: unknown, options?: unknown): Promise<Array<{ count: number; sum: number; min: number; max: number }>>;
}

const drawn: Feature<Polygon> = {
  type: 'Feature', properties: { name: 'Lac Saint-Pierre' },
  geometry: { type: 'Polygon', coordinates: [[[-73.05, 46.05], [-72.62, 46.12], [-72.48, 46.3], [-72.75, 46.22], [-72.9, 46.33], [-73.12, 46.2], [-73.05, 46.05]]] },
};

/** The MRC subset as lon/lat GeoJSON, through gdal3.js (GML). */
async function mrcPolygons(): Promise<Feature<Polygon | MultiPolygon>[]> {
  const { readVectorWithGdal } = await import('../unit/zonal_truth');
  return (await readVectorWithGdal(path.join(data, 'boundaries/mrc_subset_simplified.gml'))) as Feature<Polygon | MultiPolygon>[];
}

/** geoblaze wants the geometry in the raster's CRS: same vertex transform as ours. */
function projected(cog: Cog, feature: Feature<Polygon | MultiPolygon>): Feature<Polygon | MultiPolygon> {
  const fwd = (p: Position) => cog.proj.forward([p[0] as number, p[1] as number]) as Position;
  const g = feature.geometry;
  const geometry = g.type === 'Polygon' ? { type: 'Polygon' as const, coordinates: g.coordinates.map((r) => r.map(fwd)) } : { type: 'MultiPolygon' as const, coordinates: g.coordinates.map((p) => p.map((r) => r.map(fwd))) };
  return { ...feature, geometry };
}

async function compare(name: string, file: string, polygons: Feature<Polygon | MultiPolygon>[]): Promise<BenchRow> {
  const geoblaze = require('geoblaze') as Geoblaze;
  const bytes = readFileSync(file);
  const cog = await openCog(new FileRangeSource(file));
  // Both sides start from the file in each timed run: ours opens it by ranges (header, then
  // the tiles under the polygons, each decoded once per run), geoblaze parses the bytes.
  const ours = await medianTime(async () => {
    const fresh = await openCog(new FileRangeSource(file));
    try {
      return await zonalStatsMany(fresh, polygons);
    } finally {
      await fresh.close();
    }
  }, RUNS);
  const theirs = await medianTime(async () => {
    const raster = await geoblaze.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const out = [];
    for (const p of polygons) out.push((await geoblaze.stats(raster, projected(cog, p)))[0]);
    return out;
  }, RUNS);
  await cog.close();
  const pixels = ours.value.reduce((n, s) => n + s.count, 0);
  const same = ours.value.every((s, i) => s.count === theirs.value[i]?.count && s.sum === theirs.value[i]?.sum);
  const theirCount = theirs.value.reduce((n, s) => n + (s?.count ?? 0), 0);
  const theirSum = theirs.value.reduce((n, s) => n + (s?.sum ?? 0), 0);
  const ourSum = ours.value.reduce((n, s) => n + s.sum, 0);
  return {
    case: name, baseline: 'geoblaze 2.8', ours_ms: ours.ms, theirs_ms: theirs.ms,
    check: `${same ? 'identical' : 'DIFFERENT'}: count ${pixels} vs ${theirCount}, sum ${ourSum} vs ${theirSum}`,
    note: `${Math.round(pixels / (ours.ms / 1000)).toLocaleString('en')} px/s ours, ${Math.round(pixels / (theirs.ms / 1000)).toLocaleString('en')} px/s geoblaze`,
  };
}

const bench: BenchModule = {
  name: 'zonal statistics vs geoblaze',
  async run() {
    if (!existsSync(data)) throw new Error('../shared/data is missing: zonal benchmark skipped');
    return [
      await compare('zonal: stand age × 6 MRC', path.join(data, 'forest/qldm_stand_age_2020_2km.tif'), await mrcPolygons()),
      await compare('zonal: Landsat × drawn polygon', path.join(data, 'imagery/landsat8_montreal_lac_saint_pierre_utm18.tif'), [drawn]),
    ];
  },
};
export default bench;
