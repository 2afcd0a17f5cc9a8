// One byte cache per COG for all tile workers: workers ask the main thread for bytes instead of
// fetching on their own, so a layer's header is read once (not once per worker), a block two
// workers need is read once, and local files (File/Blob, never uploaded) work in workers too.
// The wire format is plain data; errors travel as data (never a throw across the boundary).
// The pool also plans each map tile here (prefetchTile) before a worker renders it.
import type { CogRendering } from '../../catalogue/types';
import { FetchRangeSource, type RangeSource } from '../source';
import { ByteCache, type ByteRange } from './byte_cache';
import { openCogFrom, type Cog } from './open';
import { RemoteBytes } from './remote_bytes';
import { planRanges, planTile } from './render';
import { MAX_STRIPED_BYTES } from './checks';
import { errorFromProblem, problemOf, type SourceProblem } from '../errors';

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
  | { type: 'bytes'; id: number; error: string; problem: SourceProblem };

/** Data reads of several tiles arriving within this delay are merged into as few requests as possible. */
const GATHER_MS = 12;

/** One caller's ranges in a batch. */
interface Ask { ranges: ByteRange[]; signal?: AbortSignal | undefined }

/** Where a map tile is: the pool asks the hub for its bytes before a worker renders it. */
export interface TileRequest {
  url: string;
  rendering: CogRendering;
  z: number;
  x: number;
  y: number;
  size: number;
}

export class ByteHub {
  private readonly caches = new Map<string, ByteCache>();
  private readonly running = new Map<string, AbortController>();
  private readonly batches = new Map<string, { asks: Ask[]; flushed: Promise<void> }>();
  /** The COG's layout (IFDs, tile tables) read on the main thread, from the same header bytes as the workers. */
  private readonly layouts = new Map<string, Promise<Cog>>();

  constructor(private readonly makeSource: (key: string) => RangeSource = (key) => new FetchRangeSource(key)) {}

  /** Serves a key from a cache opened elsewhere (e.g. by the Add data form, or a local file). */
  share(key: string, cache: ByteCache): void {
    this.caches.set(key, cache);
  }

  cacheFor(key: string): ByteCache {
    let cache = this.caches.get(key);
    if (!cache) {
      // Room for a whole striped file the app accepts (MAX_STRIPED_BYTES): with less, a view that
      // needs every strip evicts the first ones and re-reads them one request per strip.
      cache = new ByteCache(this.makeSource(key), { maxCacheBytes: MAX_STRIPED_BYTES + 8 * 1024 * 1024 });
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
      else data = await this.readData(request.key, cache, request.ranges, signal);
      return { type: 'bytes', id: request.id, data, fileSize: cache.fileSize };
    } catch (error) {
      const problem = problemOf(error);
      return { type: 'bytes', id: request.id, error: problem.message, problem };
    }
  }

  /**
   * Starts reading a map tile's blocks now, on the main thread, before a worker gets the job:
   * the tiles MapLibre asks for in one frame then share requests, however many wait in the
   * pool's queue. The caller's signal holds a share of the request (a cancelled tile releases
   * it). Never throws: the worker rendering the tile reports any error itself.
   */
  async prefetchTile(tile: TileRequest, signal?: AbortSignal): Promise<void> {
    try {
      const cog = await this.layoutFor(tile.url, tile.rendering.crs);
      if (signal?.aborted) return;
      const ranges = planRanges(planTile(cog, tile.rendering, tile.z, tile.x, tile.y, tile.size));
      if (ranges.length > 0) await this.readData(tile.url, this.cacheFor(tile.url), ranges, signal);
    } catch {
      // nothing to do here: the worker opens the file and reads the tile again, and says why it failed
    }
  }

  /**
   * The COG opened over this hub's own cache in header mode (as a worker does): no request
   * beyond the header blocks the workers need anyway. A failure is kept (no retry per tile:
   * the workers retry and report; planning ahead is only an optimisation).
   */
  private layoutFor(key: string, crs?: string): Promise<Cog> {
    const layoutKey = crs ? `${key}\n${crs}` : key;
    let layout = this.layouts.get(layoutKey);
    if (!layout) {
      let id = 0;
      const bytes = new RemoteBytes(key, async (ranges, header, signal) => {
        const reply = await this.serve({ type: 'bytes', id: id++, key, ranges, header }, signal);
        if ('error' in reply) throw errorFromProblem(reply.problem);
        return reply;
      });
      layout = openCogFrom(bytes, key, undefined, { crs });
      this.layouts.set(layoutKey, layout);
    }
    return layout;
  }

  /** Ranges already asked for are joined at once; new ones wait for the batch. */
  private async readData(key: string, cache: ByteCache, ranges: ByteRange[], signal?: AbortSignal): Promise<ArrayBuffer[]> {
    if (!ranges.every((range) => cache.isCached(range))) await this.gather(key, cache, { ranges, signal });
    return cache.fetch(ranges, signal);
  }

  /**
   * Workers ask for a tile's blocks one tile at a time; neighbouring tiles share or adjoin
   * blocks, so the ranges asked within a few ms are started together (merged by ByteCache).
   */
  private gather(key: string, cache: ByteCache, ask: Ask): Promise<void> {
    let batch = this.batches.get(key);
    if (!batch) {
      const asks: Ask[] = [];
      batch = {
        asks,
        flushed: new Promise<void>((resolve) => setTimeout(() => {
          this.batches.delete(key);
          // a tile cancelled while the batch gathered costs nothing on the wire
          cache.start(asks.filter((a) => !a.signal?.aborted).flatMap((a) => a.ranges));
          resolve();
        }, GATHER_MS)),
      };
      this.batches.set(key, batch);
    }
    batch.asks.push(ask);
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
