// Offline bytes in the Origin Private File System: large binary files, kept out of the HTTP
// cache's eviction and (after navigator.storage.persist()) out of storage pressure. One folder.
import type { BlobStore, BlobWriter } from './blob_store';

const FOLDER = 'geoveille-offline';

export function opfsAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

export class OpfsBlobStore implements BlobStore {
  private folder: Promise<FileSystemDirectoryHandle> | null = null;

  private dir(): Promise<FileSystemDirectoryHandle> {
    this.folder ??= navigator.storage.getDirectory().then((root) => root.getDirectoryHandle(FOLDER, { create: true }));
    return this.folder;
  }

  async names(): Promise<string[]> {
    const names: string[] = [];
    // keys() is in the File System Access spec; TypeScript's DOM lib does not list it yet
    const dir = (await this.dir()) as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> };
    for await (const name of dir.keys()) names.push(name);
    return names;
  }

  async write(name: string, parts: Array<ArrayBuffer | string>): Promise<void> {
    const handle = await (await this.dir()).getFileHandle(name, { create: true });
    const writable = await handle.createWritable();
    try {
      for (const part of parts) await writable.write(part);
    } finally {
      await writable.close();
    }
  }

  async writer(name: string, size: number): Promise<BlobWriter> {
    const handle = await (await this.dir()).getFileHandle(name, { create: true });
    const writable = await handle.createWritable({ keepExistingData: false });
    await writable.truncate(size);
    return {
      writeAt: (position, data) => writable.write({ type: 'write', position, data }),
      close: () => writable.close(),
      abort: async () => {
        await writable.abort().catch(() => undefined);
        await this.remove(name);
      },
    };
  }

  async read(name: string): Promise<Blob | null> {
    try {
      return await (await (await this.dir()).getFileHandle(name)).getFile();
    } catch {
      return null;
    }
  }

  async remove(name: string): Promise<void> {
    await (await this.dir()).removeEntry(name).catch(() => undefined);
  }
}
