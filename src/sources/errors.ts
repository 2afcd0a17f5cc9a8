// Typed source errors. Every read of a layer's data that fails for a reason the user can act on
// throws one of these: the English `message` is for logs and the command line, the `problem`
// (a code and its facts, plain data) is what the UI translates (ui/layer_error_text.ts) and what
// crosses a worker boundary (postMessage) intact.

export type NetworkCode = 'network' | 'timeout' | 'blocked' | 'http' | 'offline-missing';
export type FormatCode =
  | 'empty' | 'truncated' | 'not-tiff' | 'html-page' | 'not-pmtiles' | 'pmtiles-version'
  | 'not-cloud-optimized' | 'compression' | 'corrupt' | 'bands';
export type CrsCode = 'no-georef' | 'bad-georef' | 'unknown-crs' | 'unsupported-crs' | 'bad-definition';
export type SizeCode = 'no-range-too-large' | 'absurd-size' | 'striped-too-large';

export type SourceErrorCode = NetworkCode | FormatCode | CrsCode | SizeCode;

/** What went wrong, as data: survives postMessage and is translated from its code. */
export interface SourceProblem {
  code: SourceErrorCode | 'other';
  /** The file, when known. */
  url?: string;
  /** Attempts made (network). */
  attempts?: number;
  /** HTTP status (http). */
  status?: number;
  /** The deadline in seconds (timeout). */
  seconds?: number;
  /** Decoded size and the browser's limit, in MiB (striped-too-large). */
  mib?: number;
  limit?: number;
  /** Technical detail kept in the message (a library's words, a tag, a code). */
  detail?: string;
  /** The whole English message. */
  message: string;
}

/** Base class: `problem` holds the code; `message` is the English wording. */
export class SourceError extends Error {
  constructor(readonly problem: SourceProblem) {
    super(problem.message);
  }
}

function fileText(url: string | undefined, text: string): string {
  return url && !text.startsWith(url) ? `${url}: ${text}` : text;
}

export class NetworkError extends SourceError {
  override name = 'NetworkError';
  constructor(facts: { code: NetworkCode; url: string; attempts?: number; status?: number; seconds?: number; detail?: string }, text: string, options?: ErrorOptions) {
    super({ ...facts, message: fileText(facts.url, text) });
    if (options?.cause !== undefined) this.cause = options.cause;
  }
  get blockedByPolicy(): boolean {
    return this.problem.code === 'blocked';
  }
}

export class FormatError extends SourceError {
  override name = 'FormatError';
  constructor(code: FormatCode, text: string, url?: string, detail?: string) {
    super({ code, message: fileText(url, text), ...(url ? { url } : {}), ...(detail ? { detail } : {}) });
  }
}

export class CrsError extends SourceError {
  override name = 'CrsError';
  constructor(code: CrsCode, text: string, detail?: string) {
    super({ code, message: text, ...(detail ? { detail } : {}) });
  }
}

export class SizeError extends SourceError {
  override name = 'SizeError';
  constructor(code: SizeCode, text: string, url?: string, sizes?: { mib: number; limit: number }) {
    super({ code, message: fileText(url, text), ...(url ? { url } : {}), ...sizes });
  }
}

/** The problem an error carries (also one rebuilt from a worker's message), or 'other' with its text. */
export function problemOf(error: unknown): SourceProblem {
  if (error instanceof SourceError) return error.problem;
  const carried = (error as { problem?: unknown } | null)?.problem;
  if (isProblem(carried)) return carried;
  return { code: 'other', message: error instanceof Error ? error.message : String(error) };
}

/** An error that keeps its problem, from a problem that crossed a boundary. */
export function errorFromProblem(problem: SourceProblem): Error {
  return problem.code === 'other' ? new Error(problem.message) : new SourceError(problem);
}

/** A problem whose file name is prefixed to its message (an error raised before the file was known). */
export function withFile(error: unknown, url: string): Error {
  const problem = problemOf(error);
  const message = fileText(url, problem.message);
  if (problem.code === 'other') return new Error(message, { cause: error });
  return new SourceError({ ...problem, url: problem.url ?? url, message });
}

function isProblem(value: unknown): value is SourceProblem {
  return typeof value === 'object' && value !== null && typeof (value as SourceProblem).code === 'string'
    && typeof (value as SourceProblem).message === 'string';
}
