// One byte cache per COG for all tile workers: workers ask the main thread for bytes instead of
// fetching on their own, so a layer's header is read once (not once per worker), a block two
// workers need is read once, and local files (File/Blob, never uploaded) work in workers too.
// The wire format is plain data; errors travel as data (never a throw across the boundary).
import { FetchRangeSource, type RangeSource } from '../source';
import { ByteCache, type ByteRange } from './byte_cache';

export interface BytesRequest {
  type: 'bytes';
  id: number;
  key: string;
  ranges: ByteRange[];
  /** Header reads go through aligned blocks; data reads are exact (merged when neighbours). */
  header: boolean;
}
export interface BytesAbort { type: 'bytes-abort'; id: number }
export type BytesReply =
  | { type: 'bytes'; id: number; data: ArrayBuffer[]; fileSize: number | null }
  | { type: 'bytes'; id: number; error: string };

/** Data reads of several tiles arriving within this delay are merged into as few requests as possible. */
const GATHER_MS = 12;

export class ByteHub {
  private readonly caches = new Map<string, ByteCache>();
  private readonly running = new Map<string, AbortController>();
  private readonly batches = new Map<string, { ranges: ByteRange[]; flushed: Promise<void> }>();

  constructor(private readonly makeSource: (key: string) => RangeSource = (key) => new FetchRangeSource(key)) {}

  /** Serves a key from a cache opened elsewhere (e.g. by the Add data form, or a local file). */
  share(key: string, cache: ByteCache): void {
    this.caches.set(key, cache);
  }

  cacheFor(key: string): ByteCache {
    let cache = this.caches.get(key);
    if (!cache) {
      cache = new ByteCache(this.makeSource(key));
      cache.headerMode = false; // header reads ask for blocks explicitly (fetchBlocks)
      this.caches.set(key, cache);
    }
    return cache;
  }

  async serve(request: BytesRequest, signal?: AbortSignal): Promise<BytesReply> {
    try {
      const cache = this.cacheFor(request.key);
      let data: ArrayBuffer[];
      if (request.header) data = await cache.fetchBlocks(request.ranges, signal);
      else {
        await this.gather(request.key, cache, request.ranges);
        data = await cache.fetch(request.ranges, signal);
      }
      return { type: 'bytes', id: request.id, data, fileSize: cache.fileSize };
    } catch (error) {
      return { type: 'bytes', id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Workers ask for a tile's blocks one tile at a time; neighbouring tiles share or adjoin
   * blocks, so the ranges asked within a few ms are started together (merged by ByteCache).
   */
  private gather(key: string, cache: ByteCache, ranges: ByteRange[]): Promise<void> {
    let batch = this.batches.get(key);
    if (!batch) {
      const pending: ByteRange[] = [];
      batch = {
        ranges: pending,
        flushed: new Promise<void>((resolve) => setTimeout(() => {
          this.batches.delete(key);
          cache.start(pending);
          resolve();
        }, GATHER_MS)),
      };
      this.batches.set(key, batch);
    }
    batch.ranges.push(...ranges);
    return batch.flushed;
  }

  /** Handles a worker's byte message; `client` names the worker (request ids are per worker). */
  handle(client: string, message: BytesRequest | BytesAbort, reply: (answer: BytesReply) => void): void {
    const slot = `${client}:${message.id}`;
    if (message.type === 'bytes-abort') {
      this.running.get(slot)?.abort();
      return;
    }
    const controller = new AbortController();
    this.running.set(slot, controller);
    void this.serve(message, controller.signal).then((answer) => {
      this.running.delete(slot);
      reply(answer);
    });
  }
}

/** The hub of the app's tile worker pool; the Add data form shares its opened files through it. */
export const sharedByteHub = new ByteHub();
