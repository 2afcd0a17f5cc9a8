// cli stats --raster <path|url> --aoi <geojson> [--band n] [--level n] [--categorical yes]
//   → {count, min, max, sum, mean, std, p10, p50, p90, area_m2, histogram, …} for band 1
// cli stats --vector <path|url> --aoi <geojson> [--by <field>] [--source-layer <name>]
//   → {features, area_m2, by: {<class>: area_m2}, counts, length_m, skipped, repaired, notes}
// cli stats --layer <catalogue id> --aoi <geojson> [--time <t> | --from <a> --to <b>] [same options]
//   → the same, for the layer's file; with a time, what the map shows then (layer_time.ts) and
//     a `time` member. Without one: every feature, or a series' default file.
// An AOI file with several features gives a JSON array, one result per feature with its id and name.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { bbox } from '@turf/turf';
import { PMTiles } from 'pmtiles';
import type { BBox } from 'geojson';
import { openCog } from '../../sources/cog/open';
import { useThreadedInflate } from '../../sources/cog/inflate_threads';
import { sourceForPathOrUrl } from '../../sources/file_source';
import { zonalStatsMany, type ZonalStats } from '../../queries/zonal_stats';
import { clipLayer, summariseClipped, type VectorStats } from '../../queries/stats_vector';
import { clippedAtTime, type ExportTime } from '../../queries/export_time';
import { aoisFromGeojson, type NamedAoi } from '../../queries/stats_aoi';
import { originalGeojsonUrl, pickSourceLayer, pmtilesSource, vectorFromGeojson, vectorFromPmtiles, type LoadedVector } from '../../queries/stats_vector_load';
import { requireOption } from './args';
import { askedTime, hasTimeOption, layerAtTime, localLocation, readLayerDefinition } from './layer_time';
import { reportKind } from '../../sources/kinds/traits';

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
  // deflate tiles inflated on worker_threads while this thread folds the pixels (Node only)
  await useThreadedInflate();
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

async function vectorLayerStats(path: string, aois: NamedAoi[], options: Map<string, string>, time?: ExportTime): Promise<VectorStats[]> {
  const by = options.get('by');
  const out: VectorStats[] = [];
  let loaded: LoadedVector | null = null;
  for (const aoi of aois) {
    // GeoJSON is read once; tiles are read per AOI (only the tiles under it).
    if (!loaded || loaded.origin === 'tiles') loaded = await loadVector(path, bbox(aoi.feature), options.get('source-layer'));
    // The features of the time asked, kept by the map's own filter (export_time.ts).
    const stats = summariseClipped(clippedAtTime(clipLayer(loaded.index, aoi.feature), time), by);
    stats.notes.push(...loaded.notes);
    if (by && stats.features > 0 && loaded.index.features.every((f) => !(by in (f.properties ?? {})))) throw new Error(`${path}: no field "${by}"`);
    out.push(stats);
  }
  return out;
}

/** A catalogue layer's file at the time asked: its stats, with a `time` member when one was asked. */
async function catalogueLayerStats(id: string, aois: NamedAoi[], options: Map<string, string>): Promise<Array<ZonalStats | VectorStats>> {
  const def = await readLayerDefinition(id);
  const report = reportKind(def.source);
  if (report === null) throw new Error(`layer "${id}": ${def.source.kind} layers hold colours, not values; no statistics`);
  const shown = await layerAtTime(def, askedTime(options));
  let location = localLocation(shown.url);
  const stamp = <T>(results: T[]) => (shown.time ? results.map((result) => ({ ...result, time: shown.time?.text })) : results);
  if (report === 'raster') {
    const categorical = def.source.cog?.mode === 'categorical' ? 'yes' : 'no';
    return stamp(await rasterStats(location, aois, new Map([['categorical', categorical], ...options])));
  }
  const sibling = originalGeojsonUrl(location);
  if (sibling && !/^https?:/i.test(sibling) && existsSync(sibling)) location = sibling;
  const withLayer = options.has('source-layer') || !def.source.sourceLayer ? options : new Map([...options, ['source-layer', def.source.sourceLayer]]);
  return stamp(await vectorLayerStats(location, aois, withLayer, shown.time));
}

export async function run(options: Map<string, string>): Promise<unknown> {
  const [raster, vector, layer] = [options.get('raster'), options.get('vector'), options.get('layer')];
  if ([raster, vector, layer].filter(Boolean).length !== 1) throw new Error('give one of --raster <path|url>, --vector <path|url> or --layer <catalogue id>, and --aoi <geojson>');
  if (!layer && hasTimeOption(options)) throw new Error('--time/--from/--to need a catalogue layer (--layer <id>), whose times are known');
  const aois = await readAois(options);
  const results: Array<ZonalStats | VectorStats> = layer ? await catalogueLayerStats(layer, aois, options)
    : raster ? await rasterStats(raster, aois, options) : await vectorLayerStats(vector as string, aois, options);
  if (aois.length === 1) return results[0];
  return results.map((result, i) => ({ id: aois[i]?.id, name: aois[i]?.name, ...result }));
}
