// The clipped GeoTIFF of an AOI, made in a module worker so the page stays responsive (a whole
// LiDAR tile froze the page for about a second): the same call shape and the same bytes as
// clipRasterToAoi, which still runs here where there is no Worker (Node: the CLI and unit tests)
// or no ByteCache to serve the worker from.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ByteCache } from '../sources/cog/byte_cache';
import type { Cog } from '../sources/cog/open';
import { clipRasterToAoi, type ClippedRaster } from './export_geotiff';
import { clipJobError, type ClipJobMessage, type ClipJobRequest } from './export_geotiff_job';
import { runWorkerJob, WorkerNotStarted } from './byte_worker_client';

export interface ClipOffMainThreadOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The layer's CRS override (`cog.crs`), the one the page's Cog was opened with. */
  crs?: string;
}

export async function clipRasterOffMainThread(cog: Cog, aoi: Feature<Polygon | MultiPolygon>, options: ClipOffMainThreadOptions = {}): Promise<ClippedRaster> {
  const onPage = () => clipRasterToAoi(cog, aoi, { ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  if (typeof Worker === 'undefined' || !(cog.bytes instanceof ByteCache)) return onPage();
  const request: ClipJobRequest = { type: 'run', url: cog.key, aoi: { type: 'Feature', properties: {}, geometry: aoi.geometry }, ...(options.crs ? { crs: options.crs } : {}) };
  const worker = new Worker(new URL('./export_geotiff_worker.ts', import.meta.url), { type: 'module' });
  try {
    return await runWorkerJob<ClippedRaster>(worker, cog.bytes, request, {
      ...options, errorOf: (message) => clipJobError(message as Extract<ClipJobMessage, { type: 'failed' }>),
    });
  } catch (error) {
    if (error instanceof WorkerNotStarted) return onPage();
    throw error;
  }
}
