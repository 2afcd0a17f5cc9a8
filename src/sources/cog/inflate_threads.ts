// Node only (the CLI's zonal statistics): deflate tiles inflated on worker_threads, so that the
// main thread folds one tile's pixels while the next ones are being inflated. The workers only
// run node:zlib (their source is inline: nothing to resolve in the compiled CLI or under tsx);
// the TIFF predictor is applied afterwards by geotiff.js's BaseDecoder, as for any decoder. A
// stream zlib refuses is handed to pako on the main thread, so bad tiles fail as before.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { addDecoder, BaseDecoder, getDecoder } from 'geotiff';
import { blockBytes } from './inflate_node';

type DecoderClass = new (parameters: BaseDecoder['parameters']) => BaseDecoder;
type Reply = { id: number; buffer?: ArrayBuffer; error?: string };

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { inflateSync } = require('node:zlib');
parentPort.on('message', ({ id, bytes, size }) => {
  try {
    // one output chunk of the block's size: no joining copy, and the buffer is transferred as is
    const out = inflateSync(bytes, { chunkSize: Math.max(64, size) });
    const buffer = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out.buffer : out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
    parentPort.postMessage({ id, buffer }, [buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});`;

/** A few inflate workers, started on first use; the least busy one takes each block. */
export class InflatePool {
  private readonly workers: Array<{ worker: Worker; busy: number }> = [];
  private readonly waiting = new Map<number, { resolve: (buffer: ArrayBuffer) => void; reject: (error: Error) => void; lane: number }>();
  private nextId = 1;

  constructor(readonly size = Math.max(1, Math.min(4, availableParallelism() - 1))) {}

  /** `size`: the decoded block's bytes (blockBytes), the output buffer's size. */
  inflate(bytes: Uint8Array, size: number): Promise<ArrayBuffer> {
    if (this.workers.length === 0) this.start();
    const lane = this.leastBusy();
    const slot = this.workers[lane]!;
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, lane });
      // one copy, transferred (a plain postMessage copies twice): the bytes may belong to the byte cache
      const copy = new Uint8Array(bytes); // not .slice(): on a Buffer that is a view
      slot.worker.postMessage({ id, bytes: copy, size }, [copy.buffer]);
    });
  }

  /** Stops the workers (they are unref'd: a process that forgets this still exits). */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  private start(): void {
    for (let lane = 0; lane < this.size; lane++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.unref();
      worker.on('message', (reply: Reply) => this.settle(reply));
      worker.on('error', (error: Error) => this.failLane(lane, error));
      this.workers.push({ worker, busy: 0 });
    }
  }

  private leastBusy(): number {
    let best = 0;
    this.workers.forEach((slot, lane) => { if (slot.busy < this.workers[best]!.busy) best = lane; });
    return best;
  }

  private settle(reply: Reply): void {
    const wait = this.waiting.get(reply.id);
    if (!wait) return;
    this.waiting.delete(reply.id);
    this.workers[wait.lane]!.busy--;
    if (reply.buffer) wait.resolve(reply.buffer);
    else wait.reject(new Error(reply.error ?? 'inflate failed'));
  }

  private failLane(lane: number, error: Error): void {
    for (const [id, wait] of this.waiting) {
      if (wait.lane !== lane) continue;
      this.waiting.delete(id);
      wait.reject(error);
    }
  }
}

let installed: Promise<InflatePool> | null = null;

/** Registers the worker-thread deflate decoder in geotiff.js (once per process); returns its pool. */
export function useThreadedInflate(pool = new InflatePool()): Promise<InflatePool> {
  installed ??= (async () => {
    const parameters = { tileWidth: 1, tileHeight: 1, predictor: 1, bitsPerSample: 8, planarConfiguration: 1 };
    const fallback = (await getDecoder(8, parameters)).constructor as DecoderClass;
    class ThreadedDeflateDecoder extends BaseDecoder {
      override decodeBlock(buffer: ArrayBufferLike): Promise<ArrayBufferLike> {
        return pool.inflate(new Uint8Array(buffer), blockBytes(this.parameters)).catch(() => new fallback(this.parameters).decodeBlock(buffer));
      }
    }
    addDecoder([8, 32946], async () => ThreadedDeflateDecoder);
    return pool;
  })();
  return installed;
}
