// The byte layer under geotiff.js. geotiff 3.0.5's own BlockedSource/remote source can fire
// thousands of tiny requests (see DESIGN.md), so we give it this source instead:
// - header blocks: while the file is opened, reads are rounded to aligned 64 KiB blocks, so
//   a COG whose header and IFDs fit in the first 64 KiB costs exactly one request;
// - data ranges: tile reads are fetched exactly (offset, byteCount) and kept in a bounded LRU;
// - prefetch(): the renderer announces all tiles it needs, and neighbours are merged into one request
//   (gap bytes included, and kept: a later range inside a merged request costs none);
// - cancellation: one network request may serve several callers (tiles sharing a block); it is
//   aborted only when every caller that waits for it has aborted, and an aborted caller is
//   released at once even while the request goes on for the others.
import type { RangeSource } from '../source';
import { mergeRanges, SpanStore, type ByteRange } from './byte_spans';

export { mergeRanges, type ByteRange };

export interface ByteCacheOptions {
  /** Header block size (default 64 KiB). */
  blockSize?: number;
  /** Bound of the data-range cache in bytes (default 32 MiB). */
  maxCacheBytes?: number;
  /** Gap in bytes under which two neighbouring ranges are read in one request (default 16 KiB). */
  mergeGap?: number;
}

export interface ByteStats {
  requests: number;
  bytes: number;
}

/** One network request and the callers waiting for it. */
interface Flight {
  controller: AbortController;
  /** Waiting callers whose signal has not aborted. */
  open: number;
  /** A caller without a signal waits: the request can never be aborted. */
  pinned: boolean;
  done: boolean;
}

export class ByteCache {
  readonly stats: ByteStats = { requests: 0, bytes: 0 };
  /** true while the file is opened: misses are read as whole header blocks. */
  headerMode = true;
  private size: number | null = null;
  private readonly blocks = new Map<number, Promise<ArrayBuffer>>();
  private readonly ranges = new Map<string, Promise<ArrayBuffer>>();
  private rangeBytes = 0;
  /** Whole merged requests, gaps included: a later range read inside one costs no request. */
  private readonly spans: SpanStore;
  private readonly flights = new WeakMap<Promise<ArrayBuffer>, Flight>();
  private readonly blockSize: number;
  private readonly maxCacheBytes: number;
  private readonly mergeGap: number;

  constructor(readonly source: RangeSource, options: ByteCacheOptions = {}) {
    this.blockSize = options.blockSize ?? 65536;
    this.maxCacheBytes = options.maxCacheBytes ?? 32 * 1024 * 1024;
    this.mergeGap = options.mergeGap ?? 16384;
    // a quarter of the budget: spans only need to live until the tiles of a view have read them
    this.spans = new SpanStore(this.maxCacheBytes / 4);
  }

  get fileSize(): number | null {
    return this.size;
  }

  /** geotiff.js BaseSource API. */
  async fetch(slices: ByteRange[], signal?: AbortSignal): Promise<ArrayBuffer[]> {
    return Promise.all(slices.map((slice) => this.read(slice, signal)));
  }

  async fetchSlice(slice: ByteRange, signal?: AbortSignal): Promise<ByteRange & { data: ArrayBuffer }> {
    return { ...slice, data: await this.read(slice, signal) };
  }

  async close(): Promise<void> {
    await this.source.close?.();
  }

  /** Reads the given ranges (merging neighbours) into the cache; resolves when all are there. */
  async prefetch(wanted: ByteRange[], signal?: AbortSignal): Promise<void> {
    this.start(wanted);
    await Promise.all(wanted.map((r) => this.read(r, signal)));
  }

  /**
   * Starts the requests for the missing ranges (neighbours merged) without waiting; callers
   * then read with their own signal. Lets a caller batch the ranges of several tiles.
   */
  start(wanted: ByteRange[]): void {
    const unique = new Map(wanted.map((r) => [rangeKey(r), r]));
    const missing = [...unique.values()].filter((r) => r.length > 0 && !this.isCached(r));
    // Only the part after the header blocks already read goes on the wire (the first tiles of a
    // small COG often start inside the 64 KiB header block).
    const tails = new Map(missing.map((r) => [this.uncoveredTail(r), r]));
    for (const group of mergeRanges([...tails.keys()], this.mergeGap)) {
      const request = this.request(group.offset, group.length);
      this.spans.keep({ offset: group.offset, length: group.length, data: request });
      for (const tail of group.parts) {
        const start = tail.offset - group.offset;
        const range = tails.get(tail) as ByteRange;
        this.remember(range, this.withHead(range, this.derive(request, (data) => data.slice(start, start + tail.length))));
      }
    }
  }

  /** The range minus its first bytes that lie in header blocks already asked for. */
  private uncoveredTail(range: ByteRange): ByteRange {
    let b = Math.floor(range.offset / this.blockSize);
    while (this.blocks.has(b) && (b + 1) * this.blockSize < range.offset + range.length) b++;
    // (a range wholly inside the blocks never gets here: isCached() sends it to readFromBlocks)
    const covered = Math.min(range.length - 1, Math.max(0, b * this.blockSize - range.offset));
    return { offset: range.offset + covered, length: range.length - covered };
  }

  /** The whole range: its head from the header blocks (if any) joined to the fetched tail. */
  private withHead(range: ByteRange, tail: Promise<ArrayBuffer>): Promise<ArrayBuffer> {
    const check = (data: ArrayBuffer) => this.checkComplete(range, data);
    const covered = this.uncoveredTail(range).offset - range.offset;
    if (covered <= 0) return this.derive(tail, check);
    const joined = Promise.all([this.readFromBlocks({ offset: range.offset, length: covered }), tail]).then(([head, rest]) => {
      const out = new Uint8Array(head.byteLength + rest.byteLength);
      out.set(new Uint8Array(head), 0);
      out.set(new Uint8Array(rest), head.byteLength);
      return check(out.buffer);
    });
    const flight = this.flights.get(tail);
    if (flight) this.flights.set(joined, flight);
    return joined;
  }

  /** true when reading the range needs no request. */
  isCached(range: ByteRange): boolean {
    return this.ranges.has(rangeKey(range)) || this.coveredByBlocks(range) || this.spans.find(range) !== undefined;
  }

  private coveredByBlocks(range: ByteRange): boolean {
    const [first, last] = this.blockSpan(range);
    for (let b = first; b <= last; b++) if (!this.blocks.has(b)) return false;
    return true;
  }

  private async read(range: ByteRange, signal?: AbortSignal): Promise<ArrayBuffer> {
    if (range.length <= 0) return new ArrayBuffer(0);
    const key = rangeKey(range);
    const cached = this.ranges.get(key);
    if (cached) {
      this.ranges.delete(key); // refresh LRU order
      this.ranges.set(key, cached);
      return this.join(cached, signal);
    }
    if (this.headerMode || this.coveredByBlocks(range)) return this.readFromBlocks(range, signal);
    const span = this.spans.find(range);
    if (span) {
      const start = range.offset - span.offset;
      const data = this.derive(span.data, (bytes) => this.checkComplete(range, bytes.slice(start, start + range.length)));
      this.remember(range, data);
      return this.join(data, signal);
    }
    this.start([range]);
    return this.join(this.ranges.get(key) as Promise<ArrayBuffer>, signal);
  }

  /** Header blocks (aligned, kept for the life of the cache), whatever the mode. */
  async fetchBlocks(slices: ByteRange[], signal?: AbortSignal): Promise<ArrayBuffer[]> {
    return Promise.all(slices.map((slice) => (slice.length > 0 ? this.readFromBlocks(slice, signal) : new ArrayBuffer(0))));
  }

  private remember(range: ByteRange, data: Promise<ArrayBuffer>): void {
    const key = rangeKey(range);
    this.ranges.set(key, data);
    this.rangeBytes += range.length;
    data.catch(() => this.forget(key, range.length));
    while (this.rangeBytes > this.maxCacheBytes && this.ranges.size > 1) {
      const [oldest] = this.ranges.keys();
      if (oldest === undefined || oldest === key) break;
      this.forget(oldest, Number(oldest.split(':')[1]));
    }
  }

  private forget(key: string, length: number): void {
    if (this.ranges.delete(key)) this.rangeBytes -= length;
  }

  /** Header reads may run past the end of a small file: pad with zeros like a file read would. */
  private async readFromBlocks(range: ByteRange, signal?: AbortSignal): Promise<ArrayBuffer> {
    const [first, last] = this.blockSpan(range);
    this.requestBlocks(first, last);
    const out = new Uint8Array(range.length);
    for (let b = first; b <= last; b++) {
      const block = new Uint8Array(await this.join(this.blocks.get(b) as Promise<ArrayBuffer>, signal));
      const blockStart = b * this.blockSize;
      const from = Math.max(range.offset, blockStart);
      const to = Math.min(range.offset + range.length, blockStart + block.byteLength);
      if (to > from) out.set(block.subarray(from - blockStart, to - blockStart), from - range.offset);
    }
    return out.buffer;
  }

  /** One request for every run of missing blocks in [first, last]. */
  private requestBlocks(first: number, last: number): void {
    let b = first;
    while (b <= last) {
      if (this.blocks.has(b)) { b++; continue; }
      let end = b;
      while (end + 1 <= last && !this.blocks.has(end + 1)) end++;
      const start = b * this.blockSize;
      const request = this.request(start, (end - b + 1) * this.blockSize);
      for (let i = b; i <= end; i++) {
        const offset = (i - b) * this.blockSize;
        const block = this.derive(request, (data) => data.slice(offset, offset + this.blockSize));
        block.catch(() => this.blocks.delete(i));
        this.blocks.set(i, block);
      }
      b = end + 1;
    }
  }

  private blockSpan(range: ByteRange): [number, number] {
    return [Math.floor(range.offset / this.blockSize), Math.floor((range.offset + range.length - 1) / this.blockSize)];
  }

  /** Starts one network request; callers reach it through join(). */
  private request(offset: number, length: number): Promise<ArrayBuffer> {
    this.stats.requests++;
    const flight: Flight = { controller: new AbortController(), open: 0, pinned: false, done: false };
    const data = this.source.getBytes(offset, length, flight.controller.signal).then((response) => {
      this.stats.bytes += response.data.byteLength;
      if (response.fileSize !== null) this.size = response.fileSize;
      return response.data;
    });
    void data.then(() => { flight.done = true; }, () => { flight.done = true; });
    this.flights.set(data, flight);
    return data;
  }

  /** A promise computed from a request's bytes, cancelled with it. */
  private derive(request: Promise<ArrayBuffer>, make: (data: ArrayBuffer) => ArrayBuffer): Promise<ArrayBuffer> {
    const derived = request.then(make);
    const flight = this.flights.get(request);
    if (flight) this.flights.set(derived, flight);
    return derived;
  }

  /** Waits for cached or in-flight bytes on behalf of one caller (see the header comment). */
  private join(data: Promise<ArrayBuffer>, signal?: AbortSignal): Promise<ArrayBuffer> {
    const flight = this.flights.get(data);
    if (!flight || flight.done) return data;
    if (!signal) {
      flight.pinned = true;
      return data;
    }
    if (signal.aborted) return Promise.reject(abortReason(signal));
    flight.open++;
    signal.addEventListener('abort', () => {
      if (--flight.open === 0 && !flight.pinned && !flight.done) flight.controller.abort(abortReason(signal));
    }, { once: true });
    return raceAbort(data, signal);
  }

  private checkComplete(range: ByteRange, data: ArrayBuffer): ArrayBuffer {
    if (data.byteLength < range.length) {
      const size = this.size === null ? '' : ` (file size ${this.size} bytes)`;
      throw new Error(`${this.source.getKey()}: the file is truncated: bytes ${range.offset}–${range.offset + range.length - 1} are missing${size}`);
    }
    return data;
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Rejects as soon as the signal aborts, without waiting for the promise. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function rangeKey(range: ByteRange): string {
  return `${range.offset}:${range.length}`;
}
