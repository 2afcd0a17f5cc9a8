// Downloads planned files for an offline area: pieces of at most 512 KiB, four at a time, with
// progress, pause/resume (between pieces) and cancel; every answer must carry the ETag seen
// while planning (a file that changed mid-download is reported, never mixed). DOM-free.
import type { AreaSpec, AreaStore, AreaRecord, StoredFile } from './area_store';
import { planBytes, type FilePlan, type RangeReader } from './plan_types';
import { splitRanges, type ByteRange } from './ranges';

const PIECE_BYTES = 512 * 1024;
const PARALLEL = 4;

export interface Progress {
  done: number;
  total: number;
}

export class OfflineDownload {
  private paused: { promise: Promise<void>; resume: () => void } | null = null;
  private readonly controller = new AbortController();

  constructor(private readonly reader: (url: string) => RangeReader, private readonly onProgress: (progress: Progress) => void) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isPaused(): boolean {
    return this.paused !== null;
  }

  pause(): void {
    if (this.paused) return;
    let resume = () => undefined as void;
    const promise = new Promise<void>((resolve) => { resume = resolve; });
    this.paused = { promise, resume };
  }

  resume(): void {
    this.paused?.resume();
    this.paused = null;
  }

  cancel(): void {
    this.resume();
    this.controller.abort(new DOMException('download cancelled', 'AbortError'));
  }

  /**
   * Fetches what the plans still need and saves the area (complete) in the store. Each piece is
   * written at its place in its file's blob as it arrives: memory holds a few pieces, whatever
   * the size of the area. A failure or cancel leaves no blob and no record.
   */
  async run(spec: AreaSpec, plans: FilePlan[], store: AreaStore): Promise<AreaRecord> {
    const total = plans.reduce((sum, plan) => sum + planBytes(plan), 0);
    let done = 0;
    const files = await Promise.all(plans.map((plan, index) => openFile(store, spec.id, index, plan)));
    try {
      for (const [index, plan] of plans.entries()) {
        for (const have of plan.have) {
          const written = await (files[index] as OpenFile).write(have, have.data);
          done += written;
        }
      }
      this.onProgress({ done, total });
      const queue = plans.flatMap((plan, index) => splitRanges(plan.need, PIECE_BYTES).map((range) => ({ plan, index, range })));
      const worker = async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          await this.paused?.promise;
          this.controller.signal.throwIfAborted();
          const written = await (files[job.index] as OpenFile).write(job.range, await this.fetchPiece(job.plan, job.range));
          done += written; // after the await: the workers run side by side
          this.onProgress({ done, total });
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      this.controller.signal.throwIfAborted();
      for (const file of files) await file.close();
    } catch (error) {
      await Promise.all(files.map((file) => file.abort()));
      throw error;
    }
    return store.commit(spec, files.map((file) => file.stored));
  }

  private async fetchPiece(plan: FilePlan, range: ByteRange): Promise<ArrayBuffer> {
    const answer = await this.reader(plan.url)(range.offset, range.length, this.controller.signal);
    if (plan.etag && answer.etag && answer.etag !== plan.etag) {
      throw new Error(`${plan.url}: the file changed on the server during the download`);
    }
    if (answer.data.byteLength < range.length) throw new Error(`${plan.url}: the file is shorter than its index says`);
    return answer.data;
  }
}

interface OpenFile {
  stored: StoredFile;
  /** Writes one planned range's bytes at its place; returns their length. */
  write(range: ByteRange, data: ArrayBuffer): Promise<number>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** A plan's blob: its ranges (read while planning, then the pieces to fetch) laid end to end. */
async function openFile(store: AreaStore, areaId: string, index: number, plan: FilePlan): Promise<OpenFile> {
  const ranges = [...plan.have.map(({ offset, length }) => ({ offset, length })), ...splitRanges(plan.need, PIECE_BYTES)];
  const { file, writer } = await store.openFile(areaId, index, { url: plan.url, fileSize: plan.fileSize, etag: plan.etag }, ranges);
  const at = new Map(file.ranges.map((r) => [r.offset, r.at]));
  return {
    stored: file,
    write: async (range, data) => {
      await writer.writeAt(at.get(range.offset) as number, data.slice(0, range.length));
      return range.length;
    },
    close: () => writer.close(),
    abort: () => writer.abort(),
  };
}
