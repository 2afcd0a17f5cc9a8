// Opens a PMTiles archive and reads its header first, so a bad file is reported with a
// clear message before MapLibre asks for tiles. DOM-free: runs in the browser and in Node.
import { FetchSource, PMTiles, type Header, type RangeResponse, type Source } from 'pmtiles';
import { FetchRangeSource } from './source';

export interface OpenArchive {
  archive: PMTiles;
  header: Header;
}

export async function openPmtiles(urlOrSource: string | Source): Promise<OpenArchive> {
  const archive = new PMTiles(typeof urlOrSource === 'string' ? new RangeOrWholeSource(urlOrSource) : urlOrSource);
  try {
    const header = await archive.getHeader();
    return { archive, header };
  } catch (error) {
    throw new Error(describePmtilesError(error));
  }
}

/** Library messages are precise but technical; keep them, prefixed by what it means. */
function describePmtilesError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/magic/i.test(message)) return `not a PMTiles archive (${message})`;
  if (/version/i.test(message)) return `unsupported PMTiles version (${message})`;
  // The 127-byte header could not be read: the file is empty or cut short.
  if (error instanceof RangeError || /outside the bounds/i.test(message)) return `the file is empty or truncated (${message})`;
  return message;
}

/**
 * pmtiles' FetchSource, except that a server which ignores Range (200 with the whole file) is
 * then read whole through FetchRangeSource, which keeps small files and refuses big ones with an
 * explanation; the pmtiles library alone refuses every such server.
 */
class RangeOrWholeSource implements Source {
  private readonly ranged: FetchSource;
  private whole: FetchRangeSource | null = null;

  constructor(private readonly url: string) {
    this.ranged = new FetchSource(url);
  }

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    if (!this.whole) {
      try {
        return await this.ranged.getBytes(offset, length, signal, etag);
      } catch (error) {
        if (!/content-length|Byte Serving/i.test(error instanceof Error ? error.message : '')) throw error;
        this.whole = new FetchRangeSource(this.url);
      }
    }
    const { data } = await this.whole.getBytes(offset, length, signal);
    return { data };
  }
}
