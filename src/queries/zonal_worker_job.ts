// What the zonal statistics worker does, without the worker: open the COG over bytes asked from
// the page (the report's own byte cache, so offline copies, retries and local files behave as on
// the main thread), run the same zonalStats, and say how far it got at most every
// PROGRESS_INTERVAL_MS. Everything posted is plain data: errors travel as their problem (code +
// facts) so the page rebuilds the same typed error and shows the same translated message.
import type { MultiPolygon, Polygon } from 'geojson';
import { openCogFrom } from '../sources/cog/open';
import { RemoteBytes, type AskBytes } from '../sources/cog/remote_bytes';
import { problemOf } from '../sources/errors';
import { zonalStats } from './zonal_stats';
import type { ScaledZonalStats } from './zonal_scale';
import type { JobMessage } from './byte_worker_client';

export interface ZonalJobRequest {
  type: 'run';
  /** The COG's key (its URL), as the page's byte cache knows it. */
  url: string;
  /** The layer's CRS override, if any (a layer's `cog.crs`). */
  crs?: string;
  aoi: Polygon | MultiPolygon;
  level: number;
  categorical: boolean;
}

/** What the zonal job posts besides byte requests (the generic worker job's messages). */
export type ZonalJobMessage = JobMessage<ScaledZonalStats>;

/** A progress message per tile would flood the page on a 100 Mpx AOI (thousands of tiles). */
export const PROGRESS_INTERVAL_MS = 100;

export async function runZonalJob(request: ZonalJobRequest, ask: AskBytes, post: (message: ZonalJobMessage) => void,
  signal?: AbortSignal, now: () => number = () => performance.now()): Promise<void> {
  try {
    const bytes = new RemoteBytes(request.url, ask);
    const cog = await openCogFrom(bytes, request.url, signal, request.crs ? { crs: request.crs } : {});
    const stats = await zonalStats(cog, request.aoi, {
      level: request.level, categorical: request.categorical, signal, onProgress: throttledProgress(post, now),
    });
    post({ type: 'done', result: stats });
  } catch (error) {
    post({ type: 'failed', problem: problemOf(error) });
  }
}

/** The first and last steps always, in between at most one per interval. */
export function throttledProgress(post: (message: ZonalJobMessage) => void, now: () => number): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    const time = now();
    if (done !== 0 && done !== total && time - last < PROGRESS_INTERVAL_MS) return;
    last = time;
    post({ type: 'progress', done, total });
  };
}
