// A PMTiles archive that points past the end of its file (cut short by a failed copy, or a corrupt
// header) makes the library decompress nothing and say "unexpected end of file" (Node) or
// "Failed to fetch" (a browser's DecompressionStream). Here the header's sections are checked
// against the file size, and a read past the end is named for what it is. DOM-free.
import type { Header, RangeResponse, Source } from 'pmtiles';
import { FormatError } from './errors';

export function pastEndError(key: string, what: string, offset: number, length: number, size: number | null): FormatError {
  const known = size === null ? '' : ` (the file has ${size} bytes)`;
  return new FormatError('truncated', `the archive's ${what} lies past the end of the file, bytes ${offset}–${offset + length - 1}${known}: the file is truncated or corrupt`, key);
}

/** Throws when a section the header points to runs past the end of a file of `size` bytes. */
export function checkArchiveExtents(key: string, header: Header, size: number | null): void {
  if (size === null) return;
  const sections: Array<[string, number, number]> = [
    ['root directory', header.rootDirectoryOffset, header.rootDirectoryLength],
    ['metadata', header.jsonMetadataOffset, header.jsonMetadataLength],
    ['leaf directories', header.leafDirectoryOffset, header.leafDirectoryLength ?? 0],
    ['tile data', header.tileDataOffset, header.tileDataLength ?? 0],
  ];
  for (const [what, offset, length] of sections) {
    if (length > 0 && offset + length > size) throw pastEndError(key, what, offset, length, size);
  }
}

/**
 * Wraps any pmtiles Source: learns the file size (from the source when it knows it, else from a
 * short read), keeps the first bytes (the header, for a check after the library failed), and
 * refuses a read that starts past the end instead of handing empty bytes to the decompressor.
 */
export class ExtentProbe implements Source {
  fileSize: number | null = null;
  head: ArrayBuffer | null = null;

  constructor(private readonly inner: Source & { fileSize?: number | null }) {}

  getKey(): string {
    return this.inner.getKey();
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    const answer = await this.inner.getBytes(offset, length, signal, etag);
    const got = answer.data.byteLength;
    if (typeof this.inner.fileSize === 'number') this.fileSize = this.inner.fileSize;
    else if (got > 0 && got < length) this.fileSize = offset + got;
    if (offset === 0) this.head = answer.data;
    if (offset === 0 && length > 0 && got === 0) throw new FormatError('empty', 'the file is empty (0 bytes)', this.getKey());
    if (length > 0 && got === 0) throw pastEndError(this.getKey(), 'data', offset, length, this.fileSize);
    return answer;
  }
}
