// A small pool of tile workers. Jobs wait in a queue (a few per worker at a time) so a tile
// that scrolled away before its turn is dropped without reaching a worker; a started job is
// cancelled in its worker. Workers read bytes through the main thread's ByteHub (one cache per
// COG for all workers: one header request per layer, not one per worker). A tile's blocks are
// asked on the main thread as soon as MapLibre wants the tile (ByteHub.prefetchTile), so the
// tiles of one view share one request even while most of them wait in the queue.
import type { CogRendering } from '../../catalogue/types';
import type { RenderRequest, WorkerMessage } from './tile_worker';
import { sharedByteHub, type BytesReply } from './byte_hub';
import { JobQueue, type QueuedJob } from './job_queue';
import { SourceError, type SourceProblem } from '../errors';

/** Jobs started at once in one worker: one decodes while the others wait for bytes, and their
 *  byte reads reach the hub together, so neighbouring tiles share requests. */
const JOBS_PER_WORKER = 8;

interface Pending {
  resolve: (bitmap: ImageBitmap) => void;
  reject: (error: Error) => void;
  lane: number;
}

/** A tile failure; `open` is true when the file itself could not be opened (a layer error). */
export class CogTileError extends SourceError {
  constructor(problem: SourceProblem, readonly open: boolean) {
    super(problem);
  }
}

export function abortError(): Error {
  return new DOMException('The tile was cancelled.', 'AbortError');
}

export class CogWorkerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly queue: JobQueue;
  private nextId = 1;

  constructor(
    readonly hub = sharedByteHub,
    size = Math.max(1, Math.min(4, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1)),
    /** Tests give an in-process stand-in speaking the same messages (Node has no Web Worker). */
    spawn: () => Worker = () => new Worker(new URL('./tile_worker.ts', import.meta.url), { type: 'module' }),
  ) {
    for (let lane = 0; lane < size; lane++) {
      const worker = spawn();
      worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.onMessage(lane, worker, event.data);
      this.workers.push(worker);
    }
    this.queue = new JobQueue(size, JOBS_PER_WORKER);
  }

  render(url: string, rendering: CogRendering, z: number, x: number, y: number, size: number, signal?: AbortSignal): Promise<ImageBitmap> {
    // the tile's bytes are asked now, with those of the other tiles of this frame (one request),
    // not when a worker gets to the job
    void this.hub.prefetchTile({ url, rendering, z, x, y, size }, signal);
    return new Promise<ImageBitmap>((resolve, reject) => {
      const id = this.nextId++;
      const job: QueuedJob = {
        signal,
        drop: () => reject(abortError()),
        start: (lane) => {
          const worker = this.workers[lane] as Worker;
          this.pending.set(id, { resolve, reject, lane });
          worker.postMessage({ type: 'render', id, url, rendering, z, x, y, size } satisfies RenderRequest);
          signal?.addEventListener('abort', () => worker.postMessage({ type: 'cancel', id }), { once: true });
        },
      };
      this.queue.push(job);
    });
  }

  terminate(): void {
    for (const worker of this.workers) worker.terminate();
    this.workers.length = 0;
  }

  private onMessage(lane: number, worker: Worker, message: WorkerMessage): void {
    if (message.type === 'bytes' || message.type === 'bytes-abort') {
      this.hub.handle(String(lane), message, (answer: BytesReply) => worker.postMessage(answer));
      return;
    }
    const job = this.pending.get(message.id);
    if (!job) return;
    this.pending.delete(message.id);
    this.queue.finish(job.lane);
    if ('bitmap' in message) job.resolve(message.bitmap);
    else job.reject(message.aborted ? abortError() : new CogTileError(message.problem, message.open));
  }
}
