// Near-real-time layers: what version of a file the server holds now, read without downloading
// it (HEAD, or a 1-byte range request when HEAD is refused). DOM-free: runs in Node too.

/** What identifies one version of a file on a static server. */
export interface FileVersion {
  etag: string | null;
  lastModified: string | null;
  size: number | null;
}

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/** Servers (e.g. presigned object-store URLs) answer HEAD with one of these when only GET is signed. */
const HEAD_REFUSED = new Set([403, 405, 501]);

/** Reads the file's version; throws a short Error naming the URL when the server cannot tell. */
export async function readFileVersion(url: string, fetcher: Fetcher = fetch, signal?: AbortSignal): Promise<FileVersion> {
  const head = await fetcher(url, { method: 'HEAD', cache: 'no-store', signal });
  if (head.ok) {
    const version = versionOf(head, sizeFromLength(head));
    if (isKnown(version)) return version;
  } else if (!HEAD_REFUSED.has(head.status)) {
    throw new Error(`${url}: HTTP ${head.status}`);
  }
  return readByRange(url, fetcher, signal);
}

async function readByRange(url: string, fetcher: Fetcher, signal?: AbortSignal): Promise<FileVersion> {
  const response = await fetcher(url, { method: 'GET', headers: { Range: 'bytes=0-0' }, cache: 'no-store', signal });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // A server that ignores Range sends the whole file with status 200: its length is the size.
  const size = response.status === 206 ? sizeFromRange(response) : sizeFromLength(response);
  await response.body?.cancel().catch(() => undefined);
  const version = versionOf(response, size);
  if (!isKnown(version)) throw new Error(`${url}: the server sends no ETag, Last-Modified or size`);
  return version;
}

function versionOf(response: Response, size: number | null): FileVersion {
  return { etag: response.headers.get('ETag'), lastModified: response.headers.get('Last-Modified'), size };
}

function isKnown(version: FileVersion): boolean {
  return version.etag !== null || version.lastModified !== null || version.size !== null;
}

function sizeFromLength(response: Response): number | null {
  const text = response.headers.get('Content-Length');
  const value = text === null ? NaN : Number(text);
  return Number.isFinite(value) ? value : null;
}

function sizeFromRange(response: Response): number | null {
  const match = response.headers.get('Content-Range')?.match(/\/(\d+)\s*$/);
  return match ? Number(match[1]) : null;
}

/**
 * True when `next` is another version than `previous`. The ETag decides when both have one
 * (it names the content); otherwise Last-Modified and size, each only when both sides know it.
 */
export function versionChanged(previous: FileVersion, next: FileVersion): boolean {
  if (previous.etag !== null && next.etag !== null) return previous.etag !== next.etag;
  if (previous.lastModified !== null && next.lastModified !== null && previous.lastModified !== next.lastModified) return true;
  return previous.size !== null && next.size !== null && previous.size !== next.size;
}

/** The file's URL with a version key, so neither the browser cache nor a tile cache serves the old one. */
export function versionedUrl(url: string, version: number): string {
  if (version === 0) return url;
  const parsed = new URL(url);
  parsed.searchParams.set('gv', String(version));
  return parsed.href;
}
