// What the clipped-GeoTIFF worker does, without the worker: open the COG over bytes asked from
// the page (the report's own byte cache: same URL, retries, offline copies and local files as the
// main thread), clip and encode it with the same clipRasterToAoi, say how far it got, and hand the
// file back. Errors travel as data: a source problem (translated by the page as any layer error)
// and, for a refused clip, its ClipProblem.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { openCogFrom } from '../sources/cog/open';
import { RemoteBytes, type AskBytes } from '../sources/cog/remote_bytes';
import { problemOf, type SourceProblem } from '../sources/errors';
import { ClipError, clipRasterToAoi, type ClippedRaster, type ClipProblem } from './export_geotiff';
import { throttledProgress } from './zonal_worker_job';

export interface ClipJobRequest {
  type: 'run';
  /** The COG's key (its URL), as the page's byte cache knows it. */
  url: string;
  /** The layer's CRS override, if any (a layer's `cog.crs`). */
  crs?: string;
  aoi: Feature<Polygon | MultiPolygon>;
}

export type ClipJobMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ClippedRaster }
  | { type: 'failed'; problem: SourceProblem; clip?: ClipProblem };

/** `post(message, transfer)`: the file's bytes are transferred, not copied. */
export async function runClipJob(request: ClipJobRequest, ask: AskBytes, post: (message: ClipJobMessage, transfer?: Transferable[]) => void,
  now: () => number = () => performance.now()): Promise<void> {
  try {
    const cog = await openCogFrom(new RemoteBytes(request.url, ask), request.url, undefined, request.crs ? { crs: request.crs } : {});
    const result = await clipRasterToAoi(cog, request.aoi, {
      onProgress: throttledProgress((message) => message.type === 'progress' && post(message), now),
    });
    post({ type: 'done', result }, [result.data]);
  } catch (error) {
    post({ type: 'failed', problem: problemOf(error), ...(error instanceof ClipError ? { clip: error.clip } : {}) });
  }
}

/** The page's error for a failed job: the same typed error the main thread would have thrown. */
export function clipJobError(message: Extract<ClipJobMessage, { type: 'failed' }>): ClipError | undefined {
  return message.clip ? new ClipError(message.clip, message.problem.message) : undefined;
}
