// A tile worker's view of a COG's bytes: everything is asked from the main thread's ByteHub.
// Header reads keep their 64 KiB blocks here too (geotiff.js reads many small header slices);
// data ranges are asked in one message per prefetch and kept in a small bounded LRU until decoded.
import type { RangeSource } from '../source';
import { ByteCache, type ByteRange, type ByteStats } from './byte_cache';
import type { ByteReader } from './open';

export type AskBytes = (ranges: ByteRange[], header: boolean, signal?: AbortSignal) => Promise<{ data: ArrayBuffer[]; fileSize: number | null }>;

/** Decoded soon after arrival, so a few MiB is plenty. */
const MAX_LOCAL_BYTES = 16 * 1024 * 1024;

export class RemoteBytes implements ByteReader {
  readonly stats: ByteStats = { requests: 0, bytes: 0 };
  headerMode = true;
  private readonly header: ByteCache;
  private readonly local = new Map<string, ArrayBuffer>();
  private localBytes = 0;

  constructor(key: string, private readonly ask: AskBytes) {
    const source: RangeSource = {
      getKey: () => key,
      getBytes: async (offset, length, signal) => {
        const answer = await this.askCounted([{ offset, length }], true, signal);
        return { data: answer.data[0] as ArrayBuffer, fileSize: answer.fileSize };
      },
    };
    this.header = new ByteCache(source);
  }

  get fileSize(): number | null {
    return this.header.fileSize ?? this.size;
  }

  private size: number | null = null;

  async fetch(slices: ByteRange[], signal?: AbortSignal): Promise<ArrayBuffer[]> {
    if (this.headerMode) return this.header.fetch(slices, signal);
    await this.prefetch(slices, signal);
    return slices.map((slice) => this.take(slice));
  }

  async fetchSlice(slice: ByteRange, signal?: AbortSignal): Promise<ByteRange & { data: ArrayBuffer }> {
    const [data] = await this.fetch([slice], signal);
    return { ...slice, data: data as ArrayBuffer };
  }

  async prefetch(wanted: ByteRange[], signal?: AbortSignal): Promise<void> {
    const missing = wanted.filter((range) => range.length > 0 && !this.isCached(range));
    if (missing.length === 0) return;
    const answer = await this.askCounted(missing, false, signal);
    missing.forEach((range, i) => this.keep(range, answer.data[i] as ArrayBuffer));
  }

  isCached(range: ByteRange): boolean {
    return range.length <= 0 || this.local.has(keyOf(range));
  }

  async close(): Promise<void> {
    this.local.clear();
  }

  private async askCounted(ranges: ByteRange[], header: boolean, signal?: AbortSignal) {
    this.stats.requests++;
    const answer = await this.ask(ranges, header, signal);
    for (const data of answer.data) this.stats.bytes += data.byteLength;
    if (answer.fileSize !== null) this.size = answer.fileSize;
    return answer;
  }

  private keep(range: ByteRange, data: ArrayBuffer): void {
    const key = keyOf(range);
    if (this.local.has(key)) return;
    this.local.set(key, data);
    this.localBytes += data.byteLength;
    for (const [oldKey, old] of this.local) {
      if (this.localBytes <= MAX_LOCAL_BYTES || oldKey === key) break;
      this.local.delete(oldKey);
      this.localBytes -= old.byteLength;
    }
  }

  private take(range: ByteRange): ArrayBuffer {
    if (range.length <= 0) return new ArrayBuffer(0);
    const data = this.local.get(keyOf(range));
    if (!data) throw new Error(`bytes ${range.offset}+${range.length} were evicted before use`);
    return data;
  }
}

function keyOf(range: ByteRange): string {
  return `${range.offset}:${range.length}`;
}
