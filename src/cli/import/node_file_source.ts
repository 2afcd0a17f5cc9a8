// A pmtiles Source over a local file, for reading archives in Node (the package ships browser sources:
// FetchSource needs HTTP, FileSource needs a DOM File).

import fs from 'node:fs/promises';
import type { RangeResponse, Source } from 'pmtiles';

export class NodeFileSource implements Source {
  constructor(private readonly file: string) {}

  getKey(): string {
    return this.file;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const handle = await fs.open(this.file, 'r');
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return { data: buffer.buffer.slice(0, bytesRead) };
    } finally {
      await handle.close();
    }
  }
}
