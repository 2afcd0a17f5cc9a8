// Page side of a job run in a module worker that reads a COG through the page's byte path: the
// worker asks byte ranges (worker_bytes.ts), the page answers from the layer's ByteCache exactly
// as zonalStats on the page reads them (serveBytes), relays progress, and ends the
// worker when the job is done, has failed, or is cancelled (terminate stops it at once).
import type { ByteCache } from '../sources/cog/byte_cache';
import type { BytesAbort, BytesReply, BytesRequest } from '../sources/cog/byte_hub';
import { errorFromProblem, problemOf, type SourceProblem } from '../sources/errors';

/** What a job posts besides byte requests. */
export type JobMessage<T> =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: T }
  | { type: 'failed'; problem: SourceProblem };

export interface WorkerJobOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The page's error for a failure (default: the typed source error rebuilt from its problem). */
  errorOf?: (message: Extract<JobMessage<unknown>, { type: 'failed' }>) => Error | undefined;
}

/** The worker could not start (e.g. a browser refusing module workers): the caller runs the job itself. */
export class WorkerNotStarted extends Error {}

export function runWorkerJob<T>(worker: Worker, cache: ByteCache, request: unknown, options: WorkerJobOptions = {}): Promise<T> {
  const reading = new Map<number, AbortController>();
  let heard = false;
  return new Promise<T>((resolve, reject) => {
    const finish = (outcome: { result: T } | { error: unknown }) => {
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
      for (const read of reading.values()) read.abort(); // reads in flight stop sharing the cache's requests
      if ('result' in outcome) resolve(outcome.result);
      else reject(outcome.error);
    };
    const onAbort = () => finish({ error: options.signal?.reason ?? new DOMException('Aborted', 'AbortError') });
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<JobMessage<T> | BytesRequest | BytesAbort>) => {
      heard = true;
      const message = event.data;
      if (message.type === 'bytes') answer(worker, cache, message, reading);
      else if (message.type === 'bytes-abort') {
        reading.get(message.id)?.abort();
        reading.delete(message.id);
      } else if (message.type === 'progress') options.onProgress?.(message.done, message.total);
      else if (message.type === 'done') finish({ result: message.result });
      else finish({ error: options.errorOf?.(message) ?? errorFromProblem(message.problem) });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ error: heard ? new Error(event.message || 'worker error') : new WorkerNotStarted(event.message) });
    };
    worker.postMessage(request);
  });
}

function answer(worker: Worker, cache: ByteCache, request: BytesRequest, reading: Map<number, AbortController>): void {
  const read = new AbortController();
  reading.set(request.id, read);
  void serveBytes(cache, request, read.signal).then((reply) => {
    reading.delete(request.id);
    worker.postMessage(reply);
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
