// A PMTiles archive pinned to one version of its file. The pmtiles library, on an ETag mismatch
// (the file was replaced between two reads), would re-read the header and go on: tiles of two
// versions would then meet on the map. Here a mismatch instead tells the refresher the file
// changed (it reloads the whole layer) and the tile read ends like a cancelled one, which
// MapLibre ignores (no error on the layer). DOM-free.
import { EtagMismatch, PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { HttpPmtilesSource } from './pmtiles_http';

export class PinnedSource implements Source {
  private readonly inner: HttpPmtilesSource;

  /** `url`: the (versioned) URL of the file; it is also the archive's key for the pmtiles:// protocol. */
  constructor(private readonly url: string, private readonly onChanged: () => void) {
    this.inner = new HttpPmtilesSource(url);
  }

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    try {
      return await this.inner.getBytes(offset, length, signal, etag);
    } catch (error) {
      if (!(error instanceof EtagMismatch)) throw error;
      this.onChanged();
      throw changedError(this.url);
    }
  }
}

/** Named like a cancelled read, so MapLibre drops the tile quietly until the layer reloads. */
export function changedError(url: string): Error {
  const error = new Error(`${url} changed on the server; the layer reloads`);
  error.name = 'AbortError';
  return error;
}

export function pinnedArchive(url: string, onChanged: () => void): PMTiles {
  return new PMTiles(new PinnedSource(url, onChanged));
}
