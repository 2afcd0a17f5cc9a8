// cli stats --raster <path|url> --aoi <geojson> [--band n] [--level n] [--categorical yes]
//   → {count, min, max, sum, mean, std, p10, p50, p90, area_m2, histogram, …} for band 1
// cli stats --vector <path|url> --aoi <geojson> [--by <field>] [--source-layer <name>]
//   → {features, area_m2, by: {<class>: area_m2}, counts, length_m, skipped, repaired, notes}
// An AOI file with several features gives a JSON array, one result per feature with its id and name.
import { readFile } from 'node:fs/promises';
import { bbox } from '@turf/turf';
import { PMTiles } from 'pmtiles';
import type { BBox } from 'geojson';
import { openCog } from '../../sources/cog/open';
import { sourceForPathOrUrl } from '../../sources/file_source';
import { zonalStatsMany, type ZonalStats } from '../../queries/zonal_stats';
import { vectorStats, type VectorStats } from '../../queries/stats_vector';
import { aoisFromGeojson, type NamedAoi } from '../../queries/stats_aoi';
import { pickSourceLayer, pmtilesSource, vectorFromGeojson, vectorFromPmtiles, type LoadedVector } from '../../queries/stats_vector_load';
import { requireOption } from './args';

/** Text of a local file or an http(s) URL, with the name in the error. */
export async function readText(pathOrUrl: string): Promise<string> {
  if (/^https?:\/\//i.test(pathOrUrl)) {
    const response = await fetch(pathOrUrl);
    if (!response.ok) throw new Error(`${pathOrUrl}: HTTP ${response.status}`);
    return response.text();
  }
  return readFile(pathOrUrl, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `${pathOrUrl}: no such file` : `${pathOrUrl}: ${error.message}`);
  });
}

export async function readAois(options: Map<string, string>): Promise<NamedAoi[]> {
  const file = requireOption(options, 'aoi');
  return aoisFromGeojson(await readText(file), file);
}

/** A vector layer file: GeoJSON read whole, PMTiles read at max zoom over the box. */
export async function loadVector(pathOrUrl: string, box: BBox, sourceLayer?: string): Promise<LoadedVector> {
  if (!/\.pmtiles(\?.*)?$/i.test(pathOrUrl)) return vectorFromGeojson(await readText(pathOrUrl), pathOrUrl);
  const source = await sourceForPathOrUrl(pathOrUrl);
  try {
    const archive = new PMTiles(pmtilesSource(source));
    return await vectorFromPmtiles(archive, await pickSourceLayer(archive, sourceLayer, pathOrUrl), box);
  } finally {
    await source.close?.();
  }
}

function optionalInt(options: Map<string, string>, name: string, fallback: number): number {
  const text = options.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got "${text}"`);
  return value;
}

async function rasterStats(path: string, aois: NamedAoi[], options: Map<string, string>): Promise<ZonalStats[]> {
  const cog = await openCog(await sourceForPathOrUrl(path));
  try {
    const band = optionalInt(options, 'band', 1);
    const level = optionalInt(options, 'level', 0);
    const categorical = ['yes', 'true', '1'].includes(options.get('categorical') ?? '');
    // One decoded-tile cache for all AOIs: tiles shared by neighbouring AOIs are decoded once.
    return await zonalStatsMany(cog, aois.map((aoi) => aoi.feature), { band, level, categorical });
  } finally {
    await cog.close();
  }
}

async function vectorLayerStats(path: string, aois: NamedAoi[], options: Map<string, string>): Promise<VectorStats[]> {
  const by = options.get('by');
  const out: VectorStats[] = [];
  let loaded: LoadedVector | null = null;
  for (const aoi of aois) {
    // GeoJSON is read once; tiles are read per AOI (only the tiles under it).
    if (!loaded || loaded.origin === 'tiles') loaded = await loadVector(path, bbox(aoi.feature), options.get('source-layer'));
    const stats = vectorStats(loaded.index, aoi.feature, { by });
    stats.notes.push(...loaded.notes);
    if (by && stats.features > 0 && loaded.index.features.every((f) => !(by in (f.properties ?? {})))) throw new Error(`${path}: no field "${by}"`);
    out.push(stats);
  }
  return out;
}

export async function run(options: Map<string, string>): Promise<unknown> {
  const raster = options.get('raster');
  const vector = options.get('vector');
  if (!raster === !vector) throw new Error('give either --raster <path|url> or --vector <path|url>, and --aoi <geojson>');
  const aois = await readAois(options);
  const results: Array<ZonalStats | VectorStats> = raster ? await rasterStats(raster, aois, options) : await vectorLayerStats(vector as string, aois, options);
  if (aois.length === 1) return results[0];
  return results.map((result, i) => ({ id: aois[i]?.id, name: aois[i]?.name, ...result }));
}
