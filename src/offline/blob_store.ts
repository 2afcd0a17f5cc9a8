// Where offline bytes live: named blobs. The browser keeps them in the Origin Private File
// System (opfs_store.ts); tests use the in-memory store below. DOM-free.

/** Writes one blob piece by piece at known positions (pieces arrive in any order). */
export interface BlobWriter {
  writeAt(position: number, data: ArrayBuffer): Promise<void>;
  close(): Promise<void>;
  /** Gives up: nothing of the blob is kept. */
  abort(): Promise<void>;
}

export interface BlobStore {
  names(): Promise<string[]>;
  write(name: string, parts: Array<ArrayBuffer | string>): Promise<void>;
  /** A blob of `size` bytes written piece by piece; it exists once closed. */
  writer(name: string, size: number): Promise<BlobWriter>;
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

  async writer(name: string, size: number): Promise<BlobWriter> {
    const bytes = new Uint8Array(size);
    return {
      writeAt: async (position, data) => { bytes.set(new Uint8Array(data), position); },
      close: async () => { this.blobs.set(name, new Blob([bytes])); },
      abort: async () => undefined,
    };
  }

  async read(name: string): Promise<Blob | null> {
    return this.blobs.get(name) ?? null;
  }

  async remove(name: string): Promise<void> {
    this.blobs.delete(name);
  }
}
