// Features near a point, read from a vector PMTiles archive at its maximum zoom (the
// archive's full-resolution geometry, not the simplified low-zoom tiles MapLibre may be
// drawing). DOM-free: runs in the browser (URL) and in Node (FileRangeSource).
import { PMTiles, TileType } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature } from 'geojson';

export interface NearOptions {
  /** Search radius around the point, in metres (0: only the tile holding the point). */
  radiusMetres?: number;
  /** At most this many tiles are read; the zoom steps down until the search box fits. */
  maxTiles?: number;
  signal?: AbortSignal;
}

export interface TileRange {
  z: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

const METRES_PER_DEGREE_LAT = 111_320;
const MAX_MERCATOR_LAT = 85.0511;

/** Tile column of a longitude at zoom z. */
export function tileX(lon: number, z: number): number {
  const n = 2 ** z;
  return Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
}

/** Tile row of a latitude at zoom z (Web Mercator, rows from the north). */
export function tileY(lat: number, z: number): number {
  const n = 2 ** z;
  const clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
  const rad = (clamped * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return Math.min(n - 1, Math.max(0, Math.floor(y)));
}

/** [west, south, east, north] of a circle's bounding box (small-radius approximation). */
export function boxAround(lon: number, lat: number, radiusMetres: number): [number, number, number, number] {
  const dLat = radiusMetres / METRES_PER_DEGREE_LAT;
  const dLon = radiusMetres / (METRES_PER_DEGREE_LAT * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

/** The deepest zoom in [minZoom, maxZoom] at which the box needs at most maxTiles tiles. */
export function tilesForBox(
  box: [number, number, number, number], minZoom: number, maxZoom: number, maxTiles: number,
): TileRange {
  const [west, south, east, north] = box;
  for (let z = maxZoom; ; z--) {
    const range = { z, xMin: tileX(west, z), xMax: tileX(east, z), yMin: tileY(north, z), yMax: tileY(south, z) };
    const count = (range.xMax - range.xMin + 1) * (range.yMax - range.yMin + 1);
    if (count <= maxTiles || z <= minZoom) return range;
  }
}

/**
 * Every feature of `sourceLayer` in the tiles around the point, as GeoJSON in lon/lat.
 * A feature crossing tile edges comes back once per tile (clipped): callers test geometry,
 * then de-duplicate what they keep.
 */
export async function featuresNear(
  archive: PMTiles, sourceLayer: string, lon: number, lat: number, options: NearOptions = {},
): Promise<Feature[]> {
  const header = await archive.getHeader();
  const key = archive.source.getKey();
  if (header.tileType !== TileType.Mvt) throw new Error(`${key}: not a vector tile archive (tile type ${header.tileType})`);
  const box = boxAround(lon, lat, options.radiusMetres ?? 0);
  if (box[2] < header.minLon || box[0] > header.maxLon || box[3] < header.minLat || box[1] > header.maxLat) return [];
  const range = tilesForBox(box, header.minZoom, header.maxZoom, options.maxTiles ?? 4);
  const features: Feature[] = [];
  for (let x = range.xMin; x <= range.xMax; x++) {
    for (let y = range.yMin; y <= range.yMax; y++) {
      options.signal?.throwIfAborted();
      const tile = await readTile(archive, range.z, x, y);
      const layer = tile?.layers[sourceLayer];
      if (!layer) continue;
      for (let i = 0; i < layer.length; i++) features.push(layer.feature(i).toGeoJSON(x, y, range.z));
    }
  }
  if (features.length === 0) await checkLayerName(archive, sourceLayer);
  return features;
}

/**
 * Decoded tiles, shared by identify and the verdict (pmtiles does not cache tile bytes).
 * Reads take no abort signal: a shared read cancelled by one caller would fail the others.
 */
const tileCache = new Map<string, Promise<VectorTile | null>>();
const TILE_CACHE_SIZE = 64;

function readTile(archive: PMTiles, z: number, x: number, y: number): Promise<VectorTile | null> {
  const cacheKey = `${archive.source.getKey()}/${z}/${x}/${y}`;
  const cached = tileCache.get(cacheKey);
  if (cached) return cached;
  const pending = archive.getZxy(z, x, y).then(
    (response) => (response ? new VectorTile(new PbfReader(new Uint8Array(response.data))) : null),
  );
  pending.catch(() => tileCache.delete(cacheKey));
  tileCache.set(cacheKey, pending);
  if (tileCache.size > TILE_CACHE_SIZE) tileCache.delete(tileCache.keys().next().value as string);
  return pending;
}

/** An empty answer because of a misspelt layer name must be an error, not "nothing here". */
async function checkLayerName(archive: PMTiles, sourceLayer: string): Promise<void> {
  const metadata = (await archive.getMetadata().catch(() => null)) as { vector_layers?: Array<{ id?: unknown }> } | null;
  const names = metadata?.vector_layers?.map((layer) => String(layer.id));
  if (names && names.length > 0 && !names.includes(sourceLayer)) {
    throw new Error(`${archive.source.getKey()}: no vector layer "${sourceLayer}" (layers: ${names.join(', ')})`);
  }
}
