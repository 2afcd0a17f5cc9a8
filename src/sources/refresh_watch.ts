// Polls one file and says when it changed, or when the server could not be reached (then it
// backs off: each failure doubles the wait, up to a ceiling). DOM-free, timers injectable for tests.
import { withDeadline } from './http_retry';
import { readFileVersion, versionChanged, type FileVersion } from './refresh_check';

export interface WatchEvents {
  /** A new version is on the server (or the reader saw the old one vanish): reload. */
  changed(version: FileVersion, at: Date): void;
  /** The check failed; the next try is in `retryInMs`. */
  failed(error: Error, at: Date, retryInMs: number): void;
  /** The check worked and nothing changed (after a failure: the server is back). */
  unchanged?(at: Date): void;
}

export interface WatchOptions {
  read?: (url: string, signal?: AbortSignal) => Promise<FileVersion>;
  now?: () => Date;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Longest wait between two tries after failures (default: 10 × the interval, at most 10 min). */
  maxBackoffMs?: number;
}

export class RefreshWatch {
  private baseline: FileVersion | null = null;
  private failures = 0;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private readonly read: (url: string, signal?: AbortSignal) => Promise<FileVersion>;
  private readonly now: () => Date;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly maxBackoffMs: number;

  constructor(
    readonly url: string,
    private readonly intervalMs: number,
    private readonly events: WatchEvents,
    options: WatchOptions = {},
  ) {
    if (!(intervalMs > 0)) throw new Error(`refresh interval of ${url} must be positive, ${intervalMs} found`);
    // a check that hangs ends at the network deadline and counts as a failed update (retried later)
    this.read = options.read ?? ((target, signal) => readFileVersion(target, fetch, withDeadline(signal)));
    this.now = options.now ?? (() => new Date());
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.maxBackoffMs = options.maxBackoffMs ?? Math.min(intervalMs * 10, 600_000);
  }

  get isRunning(): boolean {
    return !this.stopped;
  }

  /** Starts polling with a check now (the first successful check only records the version). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.checkNow();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  /** Checks at once (a check already running is shared). `force`: report a change whatever the server says. */
  checkNow(force = false): Promise<void> {
    if (this.running && !force) return this.running;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const run = this.check(force).finally(() => {
      if (this.running === run) this.running = null;
      this.schedule();
    });
    this.running = run;
    return run;
  }

  /** Never rejects: every outcome becomes an event. */
  private async check(force: boolean): Promise<void> {
    let version: FileVersion;
    try {
      version = await this.read(this.url);
    } catch (error) {
      this.failures++;
      const reason = error instanceof Error ? error : new Error(String(error));
      safely(() => this.events.failed(reason, this.now(), this.nextDelay()));
      return;
    }
    this.failures = 0;
    const previous = this.baseline;
    this.baseline = version;
    if (force || (previous !== null && versionChanged(previous, version))) safely(() => this.events.changed(version, this.now()));
    else safely(() => this.events.unchanged?.(this.now()));
  }

  /** The interval, doubled for each failure in a row, up to the ceiling. */
  nextDelay(): number {
    if (this.failures === 0) return this.intervalMs;
    return Math.min(this.intervalMs * 2 ** this.failures, Math.max(this.maxBackoffMs, this.intervalMs));
  }

  private schedule(): void {
    if (this.stopped || this.timer !== null) return;
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.checkNow();
    }, this.nextDelay());
  }
}

/** A listener's bug must not stop the polling nor surface as an unhandled rejection. */
function safely(run: () => void): void {
  try {
    run();
  } catch (error) {
    console.warn('refresh listener failed', error);
  }
}
