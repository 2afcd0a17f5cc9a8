// MapLibre glue for COG layers: a `cog://<layerId>/{z}/{x}/{y}` raster tile protocol whose
// tiles are rendered in a worker pool. Layers are registered with registerCogLayer();
// a file that cannot be opened is reported once per layer through onCogError().
import type { AddProtocolAction } from 'maplibre-gl';
import type { CogRendering } from '../catalogue/types';
import { CogTileError, CogWorkerPool } from '../sources/cog/worker_pool';

interface CogLayer { url: string; rendering: CogRendering }
type ErrorListener = (layerId: string, message: string) => void;

const layers = new Map<string, CogLayer>();
const listeners = new Set<ErrorListener>();
const reported = new Set<string>();
let pool: CogWorkerPool | null = null;

export const COG_TILE_SIZE = 256;

/** The `tiles` template of the MapLibre raster source for a COG layer. */
export function cogTileUrl(layerId: string): string {
  return `cog://${encodeURIComponent(layerId)}/{z}/{x}/{y}`;
}

/** `url` must be absolute (resolve app-relative URLs against document.baseURI first). */
export function registerCogLayer(layerId: string, url: string, rendering: CogRendering): void {
  layers.set(layerId, { url, rendering });
  reported.delete(layerId);
}

export function onCogError(listener: ErrorListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function registerCogProtocol(maplibregl: { addProtocol: (name: string, action: AddProtocolAction) => void }): void {
  maplibregl.addProtocol('cog', loadCogTile);
}

const loadCogTile: AddProtocolAction = async (params, abortController) => {
  const match = /^cog:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)/.exec(params.url);
  if (!match) throw new Error(`bad COG tile URL ${params.url}`);
  const layerId = decodeURIComponent(match[1] as string);
  const layer = layers.get(layerId);
  if (!layer) throw new Error(`COG layer "${layerId}" is not registered`);
  pool ??= new CogWorkerPool();
  try {
    const [z, x, y] = [match[2], match[3], match[4]].map(Number) as [number, number, number];
    const bitmap = await pool.render(layer.url, layer.rendering, z, x, y, COG_TILE_SIZE, abortController.signal);
    return { data: bitmap };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof CogTileError && error.open && !reported.has(layerId)) {
      reported.add(layerId);
      for (const listener of listeners) listener(layerId, message);
    }
    throw error;
  }
};
