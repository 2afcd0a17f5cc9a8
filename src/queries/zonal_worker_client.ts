// Page side of the zonal statistics worker: the same call shape as zonalStats, the work in a
// module worker so the page stays responsive. The worker reads its bytes through a ByteHub that
// serves the report's own ByteCache for this COG: one byte path (same URL, same retries and
// deadline, offline copies from src/offline, local files) and the header bytes already read.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ByteCache } from '../sources/cog/byte_cache';
import { ByteHub, type BytesAbort, type BytesRequest } from '../sources/cog/byte_hub';
import type { Cog } from '../sources/cog/open';
import { errorFromProblem } from '../sources/errors';
import { zonalStats } from './zonal_stats';
import type { ScaledZonalStats } from './zonal_scale';
import type { ZonalJobMessage, ZonalJobRequest } from './zonal_worker_job';

type AoiGeometry = Polygon | MultiPolygon;

export interface OffMainThreadOptions {
  level?: number;
  categorical?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The layer's CRS override (`cog.crs`), the one the page's Cog was opened with. */
  crs?: string;
}

export async function zonalStatsOffMainThread(cog: Cog, aoi: AoiGeometry | Feature<AoiGeometry>, options: OffMainThreadOptions = {}): Promise<ScaledZonalStats> {
  const geometry = 'geometry' in aoi ? aoi.geometry : aoi;
  // No Worker (Node: the CLI and unit tests), or a Cog read through something other than a
  // ByteCache (no cache a hub can serve the worker from): the main thread computes, as before.
  if (typeof Worker === 'undefined' || !(cog.bytes instanceof ByteCache)) return zonalStats(cog, geometry, options);
  const request: ZonalJobRequest = {
    type: 'run', url: cog.key, aoi: geometry, level: options.level ?? 0, categorical: options.categorical ?? false,
    ...(options.crs ? { crs: options.crs } : {}),
  };
  return runInWorker(cog.bytes, request, options).catch((error: unknown) => {
    // A browser that refuses to start the module worker still gets its statistics, on the page.
    if (error instanceof WorkerNotStarted) return zonalStats(cog, geometry, options);
    throw error;
  });
}

class WorkerNotStarted extends Error {}

function runInWorker(cache: ByteCache, request: ZonalJobRequest, options: OffMainThreadOptions): Promise<ScaledZonalStats> {
  const hub = new ByteHub();
  hub.share(request.url, cache);
  const worker = new Worker(new URL('./zonal_worker.ts', import.meta.url), { type: 'module' });
  const reading = new Set<number>();
  let heard = false;
  return new Promise<ScaledZonalStats>((resolve, reject) => {
    const finish = (outcome: { stats: ScaledZonalStats } | { error: unknown }) => {
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
      // reads still in flight for this job stop sharing the cache's requests
      for (const id of reading) hub.handle('zonal', { type: 'bytes-abort', id }, () => undefined);
      if ('stats' in outcome) resolve(outcome.stats);
      else reject(outcome.error);
    };
    const onAbort = () => finish({ error: options.signal?.reason ?? new DOMException('Aborted', 'AbortError') });
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<ZonalJobMessage | BytesRequest | BytesAbort>) => {
      heard = true;
      const message = event.data;
      if (message.type === 'bytes') {
        reading.add(message.id);
        hub.handle('zonal', message, (reply) => {
          reading.delete(message.id);
          worker.postMessage(reply);
        });
      } else if (message.type === 'bytes-abort') {
        reading.delete(message.id);
        hub.handle('zonal', message, () => undefined);
      } else if (message.type === 'progress') options.onProgress?.(message.done, message.total);
      else if (message.type === 'done') finish({ stats: message.stats });
      else finish({ error: errorFromProblem(message.problem) });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ error: heard ? new Error(event.message || 'zonal statistics worker error') : new WorkerNotStarted(event.message) });
    };
    worker.postMessage(request);
  });
}
