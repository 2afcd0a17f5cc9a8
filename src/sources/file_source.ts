// Node only: byte ranges of a local file. Browser code must not import this file.
import { open, type FileHandle } from 'node:fs/promises';
import type { RangeResponse, RangeSource } from './source';

export class FileRangeSource implements RangeSource {
  private handle: Promise<FileHandle> | null = null;
  private size: number | null = null;

  constructor(private readonly path: string) {}

  getKey(): string {
    return this.path;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const handle = await this.openOnce();
    const size = this.size ?? 0;
    const available = Math.max(0, Math.min(length, size - offset));
    const buffer = new Uint8Array(available);
    if (available > 0) await handle.read(buffer, 0, available, offset);
    return { data: buffer.buffer, fileSize: size };
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (handle) await (await handle).close();
  }

  private openOnce(): Promise<FileHandle> {
    this.handle ??= open(this.path, 'r').then(async (handle) => {
      this.size = (await handle.stat()).size;
      return handle;
    }).catch((error: NodeJS.ErrnoException) => {
      this.handle = null;
      throw new Error(error.code === 'ENOENT' ? `${this.path}: no such file` : `${this.path}: ${error.message}`);
    });
    return this.handle;
  }
}

/** A URL (http/https) goes to fetch, anything else is a local path. */
export async function sourceForPathOrUrl(pathOrUrl: string): Promise<RangeSource> {
  if (/^https?:\/\//i.test(pathOrUrl)) {
    const { FetchRangeSource } = await import('./source');
    return new FetchRangeSource(pathOrUrl);
  }
  return new FileRangeSource(pathOrUrl);
}
