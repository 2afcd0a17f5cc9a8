// Where offline bytes live: named blobs. The browser keeps them in the Origin Private File
// System (opfs_store.ts); tests use the in-memory store below. DOM-free.

export interface BlobStore {
  names(): Promise<string[]>;
  write(name: string, parts: Array<ArrayBuffer | string>): Promise<void>;
  /** The blob, or null when there is none of that name. */
  read(name: string): Promise<Blob | null>;
  remove(name: string): Promise<void>;
}

export class MemoryBlobStore implements BlobStore {
  readonly blobs = new Map<string, Blob>();

  async names(): Promise<string[]> {
    return [...this.blobs.keys()];
  }

  async write(name: string, parts: Array<ArrayBuffer | string>): Promise<void> {
    this.blobs.set(name, new Blob(parts));
  }

  async read(name: string): Promise<Blob | null> {
    return this.blobs.get(name) ?? null;
  }

  async remove(name: string): Promise<void> {
    this.blobs.delete(name);
  }
}
