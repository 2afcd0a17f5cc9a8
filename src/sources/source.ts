// One small byte-range interface for every remote or local file the viewer reads
// (PMTiles and COG alike), in the spirit of the PMTiles js `Source`.
import { errorFromProblem, NetworkError, problemOf, SizeError, type SourceProblem } from './errors';
import { fetchWithRetry } from './http_retry';
import { pageNetwork, type OfflineRanges, type SourceNetwork } from './net_context';

export interface RangeResponse {
  /** The bytes read; shorter than asked when the range runs past the end of the file. */
  data: ArrayBuffer;
  /** Total file size when the source knows it. */
  fileSize: number | null;
}

export interface RangeSource {
  getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse>;
  /** A stable name for caches and error messages (the URL or file name). */
  getKey(): string;
  close?(): Promise<void>;
}

/** Files served without Range support are read whole, but only up to this size. */
const MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024;
/**
 * After a read failed for good (its retries spent), other reads of the same file fail at once for
 * this long: the several readers of one COG (a layout on the main thread, each tile worker) then
 * do not each spend their own attempts on a server that is down.
 */
const FAILED_QUIET_MS = 10_000;
/** The user pressed Retry: reads of files that failed go to the network again, now (the page's network). */
export function retryFailedReads(): void {
  pageNetwork.retryFailedReads();
}

export type { OfflineRanges };

/** Installs the page's offline copy of byte ranges (null: none). */
export function setOfflineRanges(ranges: OfflineRanges | null): void {
  pageNetwork.setOfflineRanges(ranges);
}

function browserOffline(): boolean {
  return globalThis.navigator?.onLine === false;
}

/** What one range read learnt besides the bytes (PMTiles needs the ETag and cache headers). */
export interface HttpRangeResponse extends RangeResponse {
  etag: string | null;
  cacheControl: string | null;
  expires: string | null;
}

/**
 * Reads byte ranges over HTTP(S) with `Range:` requests, through fetchWithRetry (a deadline,
 * retries with back-off for transient failures). A server that ignores Range is read whole once
 * if the file is small enough.
 */
export class FetchRangeSource implements RangeSource {
  private whole: HttpRangeResponse | null = null;
  private failed: { problem: SourceProblem; until: number; retries: number } | null = null;
  /** Set after the file changed on the server: later reads bypass the browser's HTTP cache. */
  mustReload = false;

  constructor(private readonly url: string, private readonly network: SourceNetwork = pageNetwork) {}

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    const { data, fileSize } = await this.read(offset, length, signal);
    return { data, fileSize };
  }

  /** getBytes() plus the answer's ETag and cache headers. */
  async read(offset: number, length: number, signal?: AbortSignal): Promise<HttpRangeResponse> {
    if (this.whole) return sliceWhole(this.whole, offset, length);
    const { offlineRanges, retryGeneration } = this.network; // read again after the await below: either may change meanwhile
    if (offlineRanges && browserOffline()) return this.readOffline(offset, length, null);
    if (this.failed && Date.now() < this.failed.until && this.failed.retries === retryGeneration) throw errorFromProblem(this.failed.problem);
    try {
      return await this.readRange(offset, length, signal);
    } catch (error) {
      // A user abort says nothing about the server.
      if (!signal?.aborted) this.failed = { problem: problemOf(error), until: Date.now() + FAILED_QUIET_MS, retries: this.network.retryGeneration };
      if (this.network.offlineRanges && !signal?.aborted) return this.readOffline(offset, length, error);
      throw error;
    }
  }

  /** The bytes from the offline copy; without one, the network's error (or "no offline copy"). */
  private async readOffline(offset: number, length: number, networkError: unknown): Promise<HttpRangeResponse> {
    const stored = await this.network.offlineRanges?.read(this.url, offset, length);
    if (stored) return { ...stored, cacheControl: null, expires: null };
    throw networkError ?? new NetworkError({ code: 'offline-missing', url: this.url }, 'no offline copy of these bytes (you are offline)');
  }

  private async readRange(offset: number, length: number, signal?: AbortSignal): Promise<HttpRangeResponse> {
    const headers = { Range: `bytes=${offset}-${offset + length - 1}` };
    const init: RequestInit = { headers, signal, ...(this.mustReload ? { cache: 'reload' as const } : {}) };
    const response = await fetchWithRetry(this.url, init, { network: this.network, checkHeaders: (answer) => this.checkWholeSize(answer) });
    const about = describeAnswer(response);
    if (response.status === 416) return { ...about, data: new ArrayBuffer(0), fileSize: parseTotalSize(response.headers.get('Content-Range')) };
    if (!response.ok) throw new NetworkError({ code: 'http', url: this.url, status: response.status }, `HTTP ${response.status} ${response.statusText}`.trim());
    const data = await response.arrayBuffer();
    if (response.status === 200) {
      // The server ignored Range and sent the whole file (small enough: checkWholeSize let it through).
      this.whole = { ...about, data, fileSize: data.byteLength };
      return sliceWhole(this.whole, offset, length);
    }
    return { ...about, data, fileSize: parseTotalSize(response.headers.get('Content-Range')) };
  }

  /** A whole file (200 to a Range request) is refused before its body is read when it is too big. */
  private checkWholeSize(response: Response): void {
    const declared = Number(response.headers.get('Content-Length') ?? NaN);
    if (response.status === 200 && declared > MAX_WHOLE_FILE_BYTES) {
      void response.body?.cancel().catch(() => undefined);
      throw new SizeError('no-range-too-large', 'the server does not support HTTP range requests and the file is too large to read whole', this.url);
    }
  }
}

function describeAnswer(response: Response): Omit<HttpRangeResponse, 'data' | 'fileSize'> {
  const etag = response.headers.get('ETag');
  return {
    // A weak ETag does not promise identical bytes: it cannot pin a version.
    etag: etag && !etag.startsWith('W/') ? etag : null,
    cacheControl: response.headers.get('Cache-Control'),
    expires: response.headers.get('Expires'),
  };
}

/** Reads byte ranges of a local File/Blob (dropped by the user; nothing is uploaded). */
export class BlobRangeSource implements RangeSource {
  constructor(private readonly blob: Blob, private readonly name: string) {}

  getKey(): string {
    return this.name;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const data = await this.blob.slice(offset, offset + length).arrayBuffer();
    return { data, fileSize: this.blob.size };
  }
}

function sliceWhole(whole: HttpRangeResponse, offset: number, length: number): HttpRangeResponse {
  return { ...whole, data: whole.data.slice(offset, offset + length) };
}

/** `Content-Range: bytes 0-99/1234` → 1234 (null when the total is unknown, `*`). */
export function parseTotalSize(contentRange: string | null): number | null {
  const match = contentRange?.match(/\/(\d+)\s*$/);
  return match ? Number(match[1]) : null;
}
