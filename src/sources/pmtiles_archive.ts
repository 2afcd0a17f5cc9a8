// Opens a PMTiles archive and reads its header first, so a bad file is reported with a
// clear message before MapLibre asks for tiles. DOM-free: runs in the browser and in Node.
import { bytesToHeader, PMTiles, type Header, type Source } from 'pmtiles';
import { FormatError, SourceError, withFile } from './errors';
import { HttpPmtilesSource } from './pmtiles_http';
import { checkArchiveExtents, ExtentProbe } from './pmtiles_extent';

export interface OpenArchive {
  archive: PMTiles;
  header: Header;
}

/** A URL is read over HTTP with a deadline and retries (HttpPmtilesSource); a Source as it is. */
export async function openPmtiles(urlOrSource: string | Source): Promise<OpenArchive> {
  const probe = new ExtentProbe(typeof urlOrSource === 'string' ? new HttpPmtilesSource(urlOrSource) : urlOrSource);
  const archive = new PMTiles(probe);
  let header: Header;
  try {
    header = await archive.getHeader();
  } catch (error) {
    // The library fails on a directory past the end with a decompressor's words: say why instead.
    explainFromHead(probe);
    throw describePmtilesError(error, probe.getKey());
  }
  checkArchiveExtents(probe.getKey(), header, probe.fileSize);
  return { archive, header };
}

/** Throws the clear "past the end" error when the header read before the failure shows one. */
function explainFromHead(probe: ExtentProbe): void {
  if (!probe.head || probe.head.byteLength < 127) return;
  if (new DataView(probe.head).getUint16(0, true) !== 0x4d50) return; // not "PM": the library's magic message stays
  let header: Header;
  try {
    header = bytesToHeader(probe.head.slice(0, 127));
  } catch {
    return;
  }
  checkArchiveExtents(probe.getKey(), header, probe.fileSize);
}

/** Library messages are precise but technical; keep them, prefixed by what it means, with a code. */
function describePmtilesError(error: unknown, key: string): Error {
  if (error instanceof SourceError) return withFile(error, key);
  const message = error instanceof Error ? error.message : String(error);
  if (/magic/i.test(message)) return new FormatError('not-pmtiles', `not a PMTiles archive (${message})`, key, message);
  if (/version/i.test(message)) return new FormatError('pmtiles-version', `unsupported PMTiles version (${message})`, key, message);
  // The 127-byte header could not be read: the file is empty or cut short.
  if (error instanceof RangeError || /outside the bounds/i.test(message)) {
    return new FormatError('truncated', `the file is empty or truncated (${message})`, key, message);
  }
  return withFile(error, key);
}
