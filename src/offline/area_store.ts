// The offline areas on this device: one JSON record per area (written last, so a record means
// a complete area) and one blob per file holding the stored ranges end to end. Serves range
// reads from any complete area. DOM-free; the blobs live in a BlobStore.
import type { BlobStore, BlobWriter } from './blob_store';
import { coverRange, type ByteRange, type StoredRange } from './ranges';
import { bboxesMeet, type Bbox } from './tiles';
import type { RangeAnswer } from './plan_types';

export interface AreaSpec {
  id: string;
  name: string;
  bbox: Bbox;
  minZoom: number;
  maxZoom: number;
  /** Catalogue layer ids taken along (for the list). */
  layers: string[];
}

export interface StoredFile {
  url: string;
  blob: string;
  fileSize: number | null;
  etag: string | null;
  ranges: StoredRange[];
}

export interface AreaRecord extends AreaSpec {
  /** ISO date and time the download finished. */
  created: string;
  bytes: number;
  files: StoredFile[];
}

const RECORD = /^area-(.+)\.json$/;

export class AreaStore {
  private records: AreaRecord[] = [];
  private readonly blobs = new Map<string, Promise<Blob | null>>();

  constructor(private readonly store: BlobStore) {}

  /** Reads every area record; unreadable ones (an interrupted write) are skipped. */
  async load(): Promise<AreaRecord[]> {
    const names = (await this.store.names()).filter((name) => RECORD.test(name));
    const records = await Promise.all(names.map(async (name) => {
      try {
        return JSON.parse(await ((await this.store.read(name)) as Blob).text()) as AreaRecord;
      } catch {
        return null;
      }
    }));
    this.records = records.filter((r): r is AreaRecord => r !== null).sort((a, b) => a.created.localeCompare(b.created));
    return this.list();
  }

  list(): AreaRecord[] {
    return [...this.records];
  }

  /** A file's blob, laid out for these ranges (end to end by offset), open for writing. */
  async openFile(areaId: string, index: number, about: Omit<StoredFile, 'blob' | 'ranges'>, ranges: ByteRange[]): Promise<{ file: StoredFile; writer: BlobWriter }> {
    const blob = `area-${areaId}-${index}.bin`;
    let at = 0;
    const laid = [...ranges].sort((a, b) => a.offset - b.offset).map((r) => {
      const stored = { offset: r.offset, length: r.length, at };
      at += r.length;
      return stored;
    });
    return { file: { ...about, blob, ranges: laid }, writer: await this.store.writer(blob, at) };
  }

  /** Writes the record that makes the area complete (its files' blobs are written and closed). */
  async commit(spec: AreaSpec, files: StoredFile[], created = new Date()): Promise<AreaRecord> {
    const bytes = files.reduce((sum, f) => sum + f.ranges.reduce((s, r) => s + r.length, 0), 0);
    const record: AreaRecord = { ...spec, created: created.toISOString(), bytes, files };
    await this.store.write(`area-${spec.id}.json`, [JSON.stringify(record)]);
    this.records = [...this.records.filter((r) => r.id !== spec.id), record];
    return record;
  }

  async remove(id: string): Promise<void> {
    const record = this.records.find((r) => r.id === id);
    this.records = this.records.filter((r) => r.id !== id);
    await this.store.remove(`area-${id}.json`);
    for (const file of record?.files ?? []) {
      this.blobs.delete(file.blob);
      await this.store.remove(file.blob);
    }
  }

  /** true when some complete area meets the box. */
  covers(bbox: Bbox): boolean {
    return this.records.some((r) => bboxesMeet(r.bbox, bbox));
  }

  /** The bytes [offset, offset + length) of a URL from any area holding all of them, else null. */
  async read(url: string, offset: number, length: number): Promise<RangeAnswer | null> {
    for (const record of this.records) {
      for (const file of record.files) {
        if (file.url !== url) continue;
        const end = Math.min(offset + length, file.fileSize ?? offset + length);
        if (end <= offset) return { data: new ArrayBuffer(0), fileSize: file.fileSize, etag: file.etag };
        const pieces = coverRange(file.ranges, offset, end);
        if (!pieces) continue;
        const blob = await this.blob(file.blob);
        if (!blob) continue;
        const parts = await Promise.all(pieces.map((p) => blob.slice(p.from, p.to).arrayBuffer()));
        return { data: await new Blob(parts).arrayBuffer(), fileSize: file.fileSize, etag: file.etag };
      }
    }
    return null;
  }

  private blob(name: string): Promise<Blob | null> {
    let blob = this.blobs.get(name);
    if (!blob) {
      blob = this.store.read(name);
      this.blobs.set(name, blob);
    }
    return blob;
  }
}
