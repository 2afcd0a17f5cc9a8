// Page side of the zonal statistics worker: the same call shape as zonalStats, the work in a
// module worker so the page stays responsive. The worker asks its bytes from the report's own
// ByteCache for this COG, exactly as zonalStats on the page reads them (the same merged
// requests): one byte path (same URL, retries and deadline, offline copies from src/offline,
// local files) and the header bytes already read.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ByteCache } from '../sources/cog/byte_cache';
import type { BytesAbort, BytesReply, BytesRequest } from '../sources/cog/byte_hub';
import type { Cog } from '../sources/cog/open';
import { errorFromProblem, problemOf } from '../sources/errors';
import { JobQueue } from '../sources/cog/job_queue';
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
  // ByteCache (no cache to serve the worker from): the main thread computes, as before.
  if (typeof Worker === 'undefined' || !(cog.bytes instanceof ByteCache)) return zonalStats(cog, geometry, options);
  const request: ZonalJobRequest = {
    type: 'run', url: cog.key, aoi: geometry, level: options.level ?? 0, categorical: options.categorical ?? false,
    ...(options.crs ? { crs: options.crs } : {}),
  };
  const lane = await laneFor(options.signal);
  try {
    return await runInWorker(cog.bytes, request, options);
  } catch (error) {
    // A browser that refuses to start the module worker still gets its statistics, on the page.
    if (error instanceof WorkerNotStarted) return zonalStats(cog, geometry, options);
    throw error;
  } finally {
    lanes.finish(lane);
  }
}

/**
 * A report computes its raster sections together: one worker per core but one (the page keeps
 * a core), as the tile pool does; the other sections wait (a waiting one cancelled is dropped).
 */
const lanes = new JobQueue(Math.max(1, Math.min(4, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1)), 1);

function laneFor(signal?: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => lanes.push({
    ...(signal ? { signal } : {}),
    start: resolve,
    drop: () => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError')),
  }));
}

class WorkerNotStarted extends Error {}

function runInWorker(cache: ByteCache, request: ZonalJobRequest, options: OffMainThreadOptions): Promise<ScaledZonalStats> {
  const worker = new Worker(new URL('./zonal_worker.ts', import.meta.url), { type: 'module' });
  const reading = new Map<number, AbortController>();
  let heard = false;
  return new Promise<ScaledZonalStats>((resolve, reject) => {
    const finish = (outcome: { stats: ScaledZonalStats } | { error: unknown }) => {
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
      // reads still in flight for this job stop sharing the cache's requests
      for (const read of reading.values()) read.abort();
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
        const read = new AbortController();
        reading.set(message.id, read);
        void serveBytes(cache, message, read.signal).then((reply) => {
          reading.delete(message.id);
          worker.postMessage(reply);
        });
      } else if (message.type === 'bytes-abort') {
        reading.get(message.id)?.abort();
        reading.delete(message.id);
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

/** Header reads by aligned blocks (as the tile workers' hub does), data as zonalStats reads it. */
export async function serveBytes(cache: ByteCache, request: BytesRequest, signal: AbortSignal): Promise<BytesReply> {
  try {
    if (!request.header) await cache.prefetch(request.ranges, signal);
    const data = request.header ? await cache.fetchBlocks(request.ranges, signal) : await cache.fetch(request.ranges, signal);
    return { type: 'bytes', id: request.id, data, fileSize: cache.fileSize };
  } catch (error) {
    const problem = problemOf(error);
    return { type: 'bytes', id: request.id, error: problem.message, problem };
  }
}
