// The pool's job queue (no Worker here, so it is tested on its own): at most `perLane` jobs run
// on each lane (worker) at a time, the rest wait; a waiting job whose signal aborts is dropped
// before it ever reaches a worker (tiles that scrolled away cost nothing).

export interface QueuedJob {
  signal?: AbortSignal;
  /** Called once when the job gets a lane. */
  start(lane: number): void;
  /** Called once when the job is dropped before it started (its signal aborted). */
  drop(): void;
}

export class JobQueue<J extends QueuedJob = QueuedJob> {
  private readonly waiting: J[] = [];
  private readonly busy: number[];

  constructor(lanes: number, private readonly perLane: number) {
    if (lanes < 1 || perLane < 1) throw new Error('JobQueue needs at least one lane and one job per lane');
    this.busy = new Array<number>(lanes).fill(0);
  }

  get queued(): number {
    return this.waiting.length;
  }

  running(lane: number): number {
    return this.busy[lane] ?? 0;
  }

  push(job: J): void {
    if (job.signal?.aborted) return job.drop();
    this.waiting.push(job);
    job.signal?.addEventListener('abort', () => {
      const index = this.waiting.indexOf(job);
      if (index < 0) return; // already started: the pool cancels it in its worker
      this.waiting.splice(index, 1);
      job.drop();
    }, { once: true });
    this.pump();
  }

  /** A started job on this lane has ended (done, failed or cancelled). */
  finish(lane: number): void {
    this.busy[lane] = Math.max(0, (this.busy[lane] ?? 0) - 1);
    this.pump();
  }

  private pump(): void {
    while (this.waiting.length > 0) {
      const lane = this.freestLane();
      if (lane < 0) return;
      const job = this.waiting.shift() as J;
      this.busy[lane] = (this.busy[lane] ?? 0) + 1;
      job.start(lane);
    }
  }

  private freestLane(): number {
    let best = -1;
    this.busy.forEach((count, lane) => {
      if (count < this.perLane && (best < 0 || count < (this.busy[best] as number))) best = lane;
    });
    return best;
  }
}
