// Opens a PMTiles archive and reads its header first, so a bad file is reported with a
// clear message before MapLibre asks for tiles. DOM-free: runs in the browser and in Node.
import { PMTiles, type Header, type Source } from 'pmtiles';

export interface OpenArchive {
  archive: PMTiles;
  header: Header;
}

export async function openPmtiles(urlOrSource: string | Source): Promise<OpenArchive> {
  const archive = new PMTiles(urlOrSource);
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
