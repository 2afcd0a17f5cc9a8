// Every tile of a PMTiles archive with its stored bytes (still compressed), by walking the root and
// leaf directories: what the merge of partitioned imports copies from each part.

import { PMTiles, tileIdToZxy, type Entry, type Header } from 'pmtiles';
import { NodeFileSource } from './node_file_source';

export interface StoredTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export async function readArchive(file: string): Promise<{ header: Header; metadata: unknown; tiles: StoredTile[] }> {
  const source = new NodeFileSource(file);
  const archive = new PMTiles(source);
  const header = await archive.getHeader();
  const metadata = await archive.getMetadata();
  const tiles: StoredTile[] = [];
  const walk = async (offset: number, length: number): Promise<void> => {
    const entries: Entry[] = await archive.cache.getDirectory(source, offset, length, header);
    for (const entry of entries) {
      if (entry.runLength === 0) {
        await walk(header.leafDirectoryOffset + entry.offset, entry.length);
        continue;
      }
      const bytes = new Uint8Array((await source.getBytes(header.tileDataOffset + entry.offset, entry.length)).data);
      for (let i = 0; i < entry.runLength; i++) {
        const [z, x, y] = tileIdToZxy(entry.tileId + i);
        tiles.push({ z, x, y, data: bytes });
      }
    }
  };
  await walk(header.rootDirectoryOffset, header.rootDirectoryLength);
  return { header, metadata, tiles };
}
