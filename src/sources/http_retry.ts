// Every HTTP read of a data file goes through here. A deadline for the answer (a server that never
// answers ends in a clear error instead of a layer "loading" forever) and a few retries with
// back-off for what is usually transient: 5xx, 429, 408, a connection cut mid-body, a timeout.
// What finally fails is a NetworkError (errors.ts) whose code the UI translates.
// A user abort (layer switched off, tile no longer needed) ends at once: it is never retried and
// never reported as a timeout. Hand-written (no retry library in the dependencies) because the
// body read must be inside the retry loop and under the same deadline. DOM-free.

import { NetworkError } from './errors';
import { NET_TIMEOUT_MS, pageNetwork, type SourceNetwork } from './net_context';
import { blockedByPolicy } from './url_policy';

/** Total attempts (the first one included). */
export const NET_ATTEMPTS = 3;
/** First back-off delay; doubled at each retry (250 ms, 500 ms, 1 s …), ±25 % jitter. */
const BASE_DELAY_MS = 250;
/** A longer `Retry-After` is not waited for: the failure is reported instead. */
const MAX_RETRY_AFTER_MS = 5_000;

export { NET_TIMEOUT_MS };

/** Sets the page's deadline for every later request (null: back to the default). For tests and the CLI. */
export function setNetTimeoutMs(ms: number | null): void {
  pageNetwork.setTimeoutMs(ms);
}

export function netTimeoutMs(): number {
  return pageNetwork.timeoutMs();
}

/** One attempt's deadline passed (retried; the final error is a NetworkError with code 'timeout'). */
class NetTimeoutError extends Error {
  override name = 'NetTimeoutError';
}

export interface RetryOptions {
  attempts?: number;
  timeoutMs?: number;
  baseDelayMs?: number;
  /** Whose deadline applies when `timeoutMs` is not given (the page's by default). */
  network?: SourceNetwork;
  /** Called once headers are in, before the body is read; may throw to refuse the answer (not retried). */
  checkHeaders?: (response: Response) => void | Promise<void>;
}

/**
 * fetch() with a deadline and retries. Resolves like fetch: an answer with an error status is
 * returned (after its retries when it is transient); a 2xx answer comes back with its body
 * already read, so a cut mid-body was retried too.
 */
export async function fetchWithRetry(url: string, init: RequestInit = {}, options: RetryOptions = {}): Promise<Response> {
  const attempts = Math.max(1, options.attempts ?? NET_ATTEMPTS);
  const timeoutMs = options.timeoutMs ?? (options.network ?? pageNetwork).timeoutMs();
  const userSignal = init.signal ?? undefined;
  for (let attempt = 1; ; attempt++) {
    userSignal?.throwIfAborted();
    let outcome: Response | Error;
    try {
      outcome = await attemptOnce(url, init, timeoutMs, options.checkHeaders);
    } catch (error) {
      if (userSignal?.aborted) throw userSignal.reason ?? error;
      if (!isTransientError(error)) throw error;
      outcome = error as Error;
    }
    if (outcome instanceof Response && !isTransientStatus(outcome.status)) return outcome;
    const delay = retryDelay(attempt, outcome, options.baseDelayMs ?? BASE_DELAY_MS);
    if (attempt >= attempts || delay === null) {
      if (outcome instanceof Response) return outcome;
      throw finalError(url, outcome, attempt, timeoutMs, options.network ?? pageNetwork);
    }
    if (outcome instanceof Response) await outcome.body?.cancel().catch(() => undefined);
    await sleep(delay, userSignal);
  }
}

/** One request under a deadline that restarts whenever bytes arrive (so a big body may take long). */
async function attemptOnce(url: string, init: RequestInit, timeoutMs: number,
  checkHeaders: RetryOptions['checkHeaders']): Promise<Response> {
  const deadline = new AbortController();
  const userSignal = init.signal ?? undefined;
  const signal = userSignal ? eitherSignal(userSignal, deadline.signal) : deadline.signal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => deadline.abort(new NetTimeoutError(`${url}: no answer within ${timeoutMs} ms`)), timeoutMs);
  };
  restart();
  try {
    const response = await fetch(url, { ...init, signal });
    if (!response.ok) return response;
    await checkHeaders?.(response);
    const body = await readBody(response, restart);
    const nullBody = response.status === 204 || response.status === 205; // Response() refuses a body there
    return new Response(nullBody ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } catch (error) {
    if (deadline.signal.aborted && !userSignal?.aborted) throw new NetTimeoutError(`${url}: no answer within ${timeoutMs} ms`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** AbortSignal.any (Node ≥ 20.3, Chromium ≥ 116, Safari ≥ 17.4), or the same by hand on older browsers. */
/** `signal` (when given) joined with the network deadline: for small checks that need no retry. */
export function withDeadline(signal: AbortSignal | undefined, ms = netTimeoutMs()): AbortSignal {
  const deadline = AbortSignal.timeout(ms);
  return signal ? eitherSignal(signal, deadline) : deadline;
}

function eitherSignal(first: AbortSignal, second: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([first, second]);
  const joined = new AbortController();
  for (const signal of [first, second]) {
    if (signal.aborted) joined.abort(signal.reason);
    else signal.addEventListener('abort', () => joined.abort(signal.reason), { once: true });
  }
  return joined.signal;
}

/** The whole body, restarting the deadline at every chunk (a stalled body times out). */
async function readBody(response: Response, restart: () => void): Promise<ArrayBuffer> {
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    restart();
  }
  const whole = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole.buffer;
}

function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** Network failures (fetch and body reads reject with TypeError in browsers and Node) and timeouts. */
function isTransientError(error: unknown): boolean {
  return error instanceof TypeError || error instanceof NetTimeoutError;
}

/** ms before the next attempt, or null when the server asks for a longer wait than we accept. */
function retryDelay(attempt: number, outcome: Response | Error, baseMs: number): number | null {
  const backoff = baseMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
  if (!(outcome instanceof Response)) return backoff;
  const asked = retryAfterMs(outcome.headers.get('Retry-After'));
  if (asked === null) return backoff;
  return asked > MAX_RETRY_AFTER_MS ? null : Math.max(asked, backoff);
}

/** `Retry-After: 2` or an HTTP date → ms (null when absent or unreadable). */
export function retryAfterMs(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function finalError(url: string, error: Error, attempts: number, timeoutMs: number, network: SourceNetwork): NetworkError {
  const tries = attempts > 1 ? `, ${attempts} attempts` : '';
  const seconds = timeoutMs / 1000;
  if (error instanceof NetTimeoutError) {
    return new NetworkError({ code: 'timeout', url, attempts, seconds }, `the server does not answer (no response within ${seconds} s${tries})`);
  }
  // The browser refuses a URL its Content-Security-Policy blocks with the same TypeError as a cut:
  // the page reported the violation, and the URL is one the policy refuses (plain http://, other site).
  if (network.refusedByPolicy(url) && blockedByPolicy(url, globalThis.location?.href ?? url)) {
    return new NetworkError({ code: 'blocked', url, attempts, detail: error.message },
      `blocked by the page's security policy (${error.message}): use https://, the app's own site, and a server allowing CORS`, { cause: error });
  }
  return new NetworkError({ code: 'network', url, attempts, detail: error.message },
    `network error, the connection failed or was cut (${error.message}${tries})`, { cause: error });
}

/** Waits, unless the user aborts first (then rejects with the abort reason). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const aborted = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
