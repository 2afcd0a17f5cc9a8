// One small byte-range interface for every remote or local file the viewer reads
// (PMTiles and COG alike), in the spirit of the PMTiles js `Source`.

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

/** Reads byte ranges over HTTP(S) with `Range:` requests. */
export class FetchRangeSource implements RangeSource {
  private whole: ArrayBuffer | null = null;

  constructor(private readonly url: string) {}

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    if (this.whole) return sliceWhole(this.whole, offset, length);
    const headers = { Range: `bytes=${offset}-${offset + length - 1}` };
    const response = await fetch(this.url, { headers, signal });
    if (response.status === 416) return { data: new ArrayBuffer(0), fileSize: null };
    if (!response.ok) throw new Error(`${this.url}: HTTP ${response.status} ${response.statusText}`.trim());
    if (response.status === 200) return this.acceptWholeFile(response, offset, length);
    const data = await response.arrayBuffer();
    return { data, fileSize: parseTotalSize(response.headers.get('Content-Range')) };
  }

  /** A server that ignores Range sends the whole file: keep it if it is small enough. */
  private async acceptWholeFile(response: Response, offset: number, length: number): Promise<RangeResponse> {
    const declared = Number(response.headers.get('Content-Length') ?? NaN);
    if (declared > MAX_WHOLE_FILE_BYTES) {
      await response.body?.cancel();
      throw new Error(`${this.url}: the server does not support HTTP range requests and the file is too large to read whole`);
    }
    this.whole = await response.arrayBuffer();
    return sliceWhole(this.whole, offset, length);
  }
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

function sliceWhole(whole: ArrayBuffer, offset: number, length: number): RangeResponse {
  return { data: whole.slice(offset, offset + length), fileSize: whole.byteLength };
}

/** `Content-Range: bytes 0-99/1234` → 1234 (null when the total is unknown, `*`). */
export function parseTotalSize(contentRange: string | null): number | null {
  const match = contentRange?.match(/\/(\d+)\s*$/);
  return match ? Number(match[1]) : null;
}
