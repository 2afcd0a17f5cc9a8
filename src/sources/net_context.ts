// What every HTTP read of the page shares, held in one object instead of module variables: the
// request deadline (a test's or the CLI's override), the user's "try again" (which ends every
// file's failure memory at once) and the offline copy of byte ranges. Sources take a
// SourceNetwork in their constructor; without one they use the page's (`pageNetwork`), which the
// app's features configure (offline copies, Retry). Tests make their own and pass it.

/** Headers must arrive, and then the body must keep flowing, within this many ms. */
export const NET_TIMEOUT_MS = 15_000;
/** Browser override (tests, very slow links): localStorage['geoveille.netTimeoutMs'] = ms. */
const TIMEOUT_STORAGE_KEY = 'geoveille.netTimeoutMs';

/**
 * Byte ranges kept on this device for offline use (src/offline installs them). Read first when
 * the browser says it is offline, and when a network read fails for good; never while online
 * and answering, so a live layer always sees the server's current version.
 */
export interface OfflineRanges {
  read(url: string, offset: number, length: number): Promise<{ data: ArrayBuffer; fileSize: number | null; etag: string | null } | null>;
}

/** Where the browser reports Content-Security-Policy violations (the page's window). */
type ViolationTarget = Pick<EventTarget, 'addEventListener'>;

export class SourceNetwork {
  private timeoutOverride: number | null = null;
  private retries = 0;
  private offline: OfflineRanges | null = null;
  /** Origins the page's Content-Security-Policy refused a request to (securitypolicyviolation). */
  private readonly refused = new Set<string>();

  constructor(violations: ViolationTarget | undefined = pageScope()) {
    violations?.addEventListener('securitypolicyviolation', (event) => {
      const origin = originOf((event as SecurityPolicyViolationEvent).blockedURI);
      if (origin) this.refused.add(origin);
    });
  }

  /** True once the page reported its policy refused a request to `url`'s site. */
  refusedByPolicy(url: string): boolean {
    const origin = originOf(url);
    return origin !== null && this.refused.has(origin);
  }

  /** Sets the deadline for every later request (null: back to the default or the stored override). */
  setTimeoutMs(ms: number | null): void {
    this.timeoutOverride = ms;
  }

  timeoutMs(): number {
    if (this.timeoutOverride !== null) return this.timeoutOverride;
    try {
      const stored = Number(globalThis.localStorage?.getItem(TIMEOUT_STORAGE_KEY) ?? NaN);
      if (stored >= 100 && stored <= 600_000) return stored;
    } catch {
      // localStorage refused (sandboxed frame, Node): the default applies.
    }
    return NET_TIMEOUT_MS;
  }

  /** The user pressed Retry: reads of files that failed go to the network again, now. */
  retryFailedReads(): void {
    this.retries++;
  }

  /** Bumped at each retryFailedReads(): a failure remembered under an older value is forgotten. */
  get retryGeneration(): number {
    return this.retries;
  }

  setOfflineRanges(ranges: OfflineRanges | null): void {
    this.offline = ranges;
  }

  get offlineRanges(): OfflineRanges | null {
    return this.offline;
  }
}

/** The page's window (violations are fired at the document and bubble to it); none in Node or a worker. */
function pageScope(): ViolationTarget | undefined {
  return typeof globalThis.document === 'undefined' ? undefined : globalThis;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The page's (or the CLI process's) network settings, used by sources given none. */
export const pageNetwork = new SourceNetwork();
