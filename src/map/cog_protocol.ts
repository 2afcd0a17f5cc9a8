// MapLibre glue for COG layers: a `cog://<tileId>/{z}/{x}/{y}` raster tile protocol whose
// tiles are rendered in a worker pool. Tile ids are registered with registerCogLayer(); a file
// that cannot be opened is reported once per file through onCogError().
// The registry is shared by every map of the page (the main map and the compare map), so a
// tile id names one file, never "what this map shows": a layer's own file is `<layerId>`, a
// series date's file `<layerId>@<date>` (map/time_layers.ts). A tile URL may also carry its
// file itself (`?src=<url>`, a reloaded version): then that file is read whatever the id was
// registered with since, so one map re-registering an id cannot switch another map's file.
import type { AddProtocolAction } from 'maplibre-gl';
import type { CogRendering } from '../catalogue/types';
import type { CogWorkerPool } from '../sources/cog/worker_pool';

interface CogLayer { url: string; rendering: CogRendering }
/** `error` keeps its code (a CogTileError is a SourceError). */
type ErrorListener = (layerId: string, error: Error) => void;

const layers = new Map<string, CogLayer>();
const listeners = new Set<ErrorListener>();
const reported = new Set<string>();
let pool: CogWorkerPool | null = null;
// the COG stack (geotiff, proj4, the pool) loads with the first COG tile, not with the page
let poolModule: Promise<typeof import('../sources/cog/worker_pool')> | null = null;

export const COG_TILE_SIZE = 256;

/** The `tiles` template of the MapLibre raster source for a COG layer. */
export function cogTileUrl(layerId: string): string {
  return `cog://${encodeURIComponent(layerId)}/{z}/{x}/{y}`;
}

/** `url` must be absolute (resolve app-relative URLs against document.baseURI first). */
export function registerCogLayer(layerId: string, url: string, rendering: CogRendering): void {
  layers.set(layerId, { url, rendering });
  reported.delete(`${layerId} ${url}`);
}

export function onCogError(listener: ErrorListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function registerCogProtocol(maplibregl: { addProtocol: (name: string, action: AddProtocolAction) => void }): void {
  maplibregl.addProtocol('cog', loadCogTile);
}

export interface CogTileRequest { tileId: string; z: number; x: number; y: number; src?: string }

/** Reads a tile URL made by cogTileUrl() (with `?src=` when it names its file); null when malformed. */
export function parseCogTileUrl(url: string): CogTileRequest | null {
  const match = /^cog:\/\/([^/?]+)\/(\d+)\/(\d+)\/(\d+)(?:\?(.*))?$/.exec(url);
  if (!match) return null;
  try {
    const src = new URLSearchParams(match[5] ?? '').get('src') ?? undefined;
    const [z, x, y] = [match[2], match[3], match[4]].map(Number) as [number, number, number];
    return { tileId: decodeURIComponent(match[1] as string), z, x, y, ...(src ? { src } : {}) };
  } catch {
    return null;
  }
}

const loadCogTile: AddProtocolAction = async (params, abortController) => {
  const request = parseCogTileUrl(params.url);
  if (!request) throw new Error(`bad COG tile URL ${params.url}`);
  const { tileId: layerId, z, x, y } = request;
  const layer = layers.get(layerId);
  if (!layer) throw new Error(`COG layer "${layerId}" is not registered`);
  const url = request.src ?? layer.url;
  poolModule ??= import('../sources/cog/worker_pool');
  const { CogWorkerPool, CogTileError } = await poolModule;
  pool ??= new CogWorkerPool();
  try {
    const bitmap = await pool.render(url, layer.rendering, z, x, y, COG_TILE_SIZE, abortController.signal);
    return { data: bitmap };
  } catch (error) {
    const key = `${layerId} ${url}`;
    if (error instanceof CogTileError && error.open && !reported.has(key)) {
      reported.add(key);
      for (const listener of listeners) listener(layerId, error);
    }
    throw error;
  }
};
