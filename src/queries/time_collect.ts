// Collects the distinct times of a time-enabled layer, cheapest source first:
// series dates or time.values from the catalogue; a GeoJSON layer's features; for a PMTiles
// archive its tilestats metadata (GDAL and tippecanoe list the distinct values of each
// attribute), else the original GeoJSON beside it, else the attribute read from its tiles.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { PMTiles } from 'pmtiles';
import type { LayerDefinition } from '../catalogue/types';
import type { DataAccess } from './identify_data';
import { originalGeojsonUrl } from './stats_vector_load';
import { tileRange } from './stats_vector_tiles';
import { distinctTimes, sortTimes, type TimeKind } from './time_values';
import { timeKindOf } from './time_kind';

export { isTimeLayer, timeKindOf } from './time_kind';

/** Tiles read at most when the times come from the tiles themselves. */
const MAX_TILES = 24;

export async function collectTimes(def: LayerDefinition, data: DataAccess, signal?: AbortSignal): Promise<string[]> {
  const kind = timeKindOf(def);
  if (def.source.series?.length) return def.source.series.map((entry) => entry.date);
  if (def.time?.values?.length) return sortTimes(kind, def.time.values);
  const field = def.time?.field;
  if (!field) return [];
  const fromFeatures = async (url: string) =>
    distinctTimes(kind, (await data.geojson(url)).map((feature) => feature.properties?.[field]));
  if (def.source.kind === 'geojson') return fromFeatures(def.source.url);
  if (def.source.kind !== 'pmtiles-vector') return [];
  const archive = data.pmtiles(def.source.url);
  const sourceLayer = def.source.sourceLayer ?? '';
  // The metadata is a few kB; the GeoJSON beside an archive can be megabytes.
  const listed = await timesFromTilestats(archive, sourceLayer, field, kind);
  if (listed) return listed;
  const beside = originalGeojsonUrl(def.source.url);
  if (beside) {
    // Absent for most imported layers: that is normal, the tiles are read instead.
    const times = await fromFeatures(beside).catch(() => null);
    if (times?.length) return times;
  }
  signal?.throwIfAborted();
  return timesFromTiles(archive, sourceLayer, field, kind, signal);
}

interface Tilestats {
  tilestats?: { layers?: Array<{ layer?: string; attributes?: Array<{ attribute?: string; count?: number; values?: unknown[] }> }> };
}

/** The attribute's values from the archive metadata, when the list is complete. */
export async function timesFromTilestats(archive: PMTiles, sourceLayer: string, field: string, kind: TimeKind): Promise<string[] | null> {
  const metadata = (await archive.getMetadata().catch(() => null)) as Tilestats | null;
  const layer = metadata?.tilestats?.layers?.find((candidate) => candidate.layer === sourceLayer);
  const attribute = layer?.attributes?.find((candidate) => candidate.attribute === field);
  if (!attribute?.values || attribute.count === undefined || attribute.values.length < attribute.count) return null;
  const times = distinctTimes(kind, attribute.values);
  return times.length ? times : null;
}

/** The attribute read from the deepest zoom whose tiles over the archive's bounds stay few. */
export async function timesFromTiles(archive: PMTiles, sourceLayer: string, field: string, kind: TimeKind, signal?: AbortSignal): Promise<string[]> {
  const header = await archive.getHeader();
  const box: [number, number, number, number] = [header.minLon, header.minLat, header.maxLon, header.maxLat];
  let zoom = header.minZoom;
  while (zoom < header.maxZoom && tileCount(box, zoom + 1) <= MAX_TILES) zoom++;
  const raws: unknown[] = [];
  const [x0, y0, x1, y1] = tileRange(box, zoom);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      signal?.throwIfAborted();
      const tile = await archive.getZxy(zoom, x, y, signal);
      const layer = tile && new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers[sourceLayer];
      if (!layer) continue;
      for (let i = 0; i < layer.length; i++) raws.push(layer.feature(i).properties[field]);
    }
  }
  return distinctTimes(kind, raws);
}

function tileCount(box: [number, number, number, number], zoom: number): number {
  const [x0, y0, x1, y1] = tileRange(box, zoom);
  return (x1 - x0 + 1) * (y1 - y0 + 1);
}
