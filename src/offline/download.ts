// Downloads planned files for an offline area: pieces of at most 512 KiB, four at a time, with
// progress, pause/resume (between pieces) and cancel; every answer must carry the ETag seen
// while planning (a file that changed mid-download is reported, never mixed). DOM-free.
import type { AreaSpec, AreaStore, AreaRecord, FileBytes } from './area_store';
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

  /** Fetches what the plans still need and saves the area (complete) in the store. */
  async run(spec: AreaSpec, plans: FilePlan[], store: AreaStore): Promise<AreaRecord> {
    const total = plans.reduce((sum, plan) => sum + planBytes(plan), 0);
    let done = plans.reduce((sum, plan) => sum + plan.have.reduce((s, r) => s + r.data.byteLength, 0), 0);
    this.onProgress({ done, total });
    const files: FileBytes[] = plans.map((plan) => ({ url: plan.url, fileSize: plan.fileSize, etag: plan.etag, ranges: [...plan.have] }));
    const queue = plans.flatMap((plan, index) => splitRanges(plan.need, PIECE_BYTES).map((range) => ({ plan, index, range })));
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        await this.paused?.promise;
        this.controller.signal.throwIfAborted();
        const data = await this.fetchPiece(job.plan, job.range);
        (files[job.index] as FileBytes).ranges.push({ ...job.range, data });
        done += data.byteLength;
        this.onProgress({ done, total });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    this.controller.signal.throwIfAborted();
    return store.save(spec, files);
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
