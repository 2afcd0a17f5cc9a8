// Page side of the zonal statistics worker: the same call shape as zonalStats, the work in a
// module worker so the page stays responsive. The worker asks its bytes from the report's own
// ByteCache for this COG, exactly as zonalStats on the page reads them (the same merged
// requests): one byte path (same URL, retries and deadline, offline copies from src/offline,
// local files) and the header bytes already read.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ByteCache } from '../sources/cog/byte_cache';
import type { Cog } from '../sources/cog/open';
import { JobQueue } from '../sources/cog/job_queue';
import { zonalStats } from './zonal_stats';
import type { ScaledZonalStats } from './zonal_scale';
import type { ZonalJobRequest } from './zonal_worker_job';
import { runWorkerJob, WorkerNotStarted } from './byte_worker_client';

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

function runInWorker(cache: ByteCache, request: ZonalJobRequest, options: OffMainThreadOptions): Promise<ScaledZonalStats> {
  const worker = new Worker(new URL('./zonal_worker.ts', import.meta.url), { type: 'module' });
  return runWorkerJob<ScaledZonalStats>(worker, cache, request, options);
}
