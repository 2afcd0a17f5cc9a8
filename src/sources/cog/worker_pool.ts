// A small pool of tile workers: each job goes to the least busy worker; a job can be cancelled.
import type { CogRendering } from '../../catalogue/types';
import type { RenderRequest, WorkerReply } from './tile_worker';

interface Pending {
  resolve: (bitmap: ImageBitmap) => void;
  reject: (error: CogTileError) => void;
  worker: PoolWorker;
}
interface PoolWorker { worker: Worker; busy: number }

/** A tile failure; `open` is true when the file itself could not be opened (a layer error). */
export class CogTileError extends Error {
  constructor(message: string, readonly open: boolean) {
    super(message);
  }
}

export class CogWorkerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(size = Math.max(1, Math.min(4, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1))) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./tile_worker.ts', import.meta.url), { type: 'module' });
      const entry = { worker, busy: 0 };
      worker.onmessage = (event: MessageEvent<WorkerReply>) => this.settle(event.data);
      this.workers.push(entry);
    }
  }

  render(url: string, rendering: CogRendering, z: number, x: number, y: number, size: number, signal?: AbortSignal): Promise<ImageBitmap> {
    const id = this.nextId++;
    const target = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    return new Promise<ImageBitmap>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: target });
      target.busy++;
      const request: RenderRequest = { type: 'render', id, url, rendering, z, x, y, size };
      target.worker.postMessage(request);
      signal?.addEventListener('abort', () => target.worker.postMessage({ type: 'cancel', id }), { once: true });
    });
  }

  terminate(): void {
    for (const { worker } of this.workers) worker.terminate();
    this.workers.length = 0;
  }

  private settle(reply: WorkerReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    job.worker.busy--;
    if ('bitmap' in reply) job.resolve(reply.bitmap);
    else job.reject(new CogTileError(reply.error, reply.open));
  }
}
