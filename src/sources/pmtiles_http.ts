// The pmtiles `Source` for archives over HTTP, in place of the library's FetchSource (which calls
// fetch() itself, with no deadline and no retry, and refuses servers that ignore Range). Reads go
// through FetchRangeSource: a deadline, retries with back-off, and small files read whole from a
// server without Range support. What the library relies on is kept: the ETag of every answer, and
// EtagMismatch when the file changed (the library then re-reads the header; refresh_pmtiles.ts
// turns it into a layer reload). DOM-free.
import { EtagMismatch, type RangeResponse, type Source } from 'pmtiles';
import { FetchRangeSource } from './source';

export class HttpPmtilesSource implements Source {
  private readonly reader: FetchRangeSource;
  /** Total size once an answer told it (Content-Range, a whole file, a short read). */
  fileSize: number | null = null;

  constructor(private readonly url: string) {
    this.reader = new FetchRangeSource(url);
  }

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    const answer = await this.reader.read(offset, length, signal);
    if (answer.fileSize !== null) this.fileSize = answer.fileSize;
    if (etag && answer.etag && answer.etag !== etag) {
      this.reader.mustReload = true;
      throw new EtagMismatch(`${this.url} changed on the server (ETag ${answer.etag}, expected ${etag})`);
    }
    return {
      data: answer.data,
      etag: answer.etag ?? undefined,
      cacheControl: answer.cacheControl ?? undefined,
      expires: answer.expires ?? undefined,
    };
  }
}
