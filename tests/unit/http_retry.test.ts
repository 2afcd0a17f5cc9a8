// fetchWithRetry and the sources over it, against a real local HTTP server whose answers are
// scripted per request (503, 404, hang, cut mid-body, 206): requests are counted exactly.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EtagMismatch } from 'pmtiles';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithRetry, retryAfterMs, setNetTimeoutMs } from '../../src/sources/http_retry';
import { NetworkError, problemOf } from '../../src/sources/errors';
import { openPmtiles } from '../../src/sources/pmtiles_archive';
import { HttpPmtilesSource } from '../../src/sources/pmtiles_http';
import { FetchRangeSource } from '../../src/sources/source';

const FILE = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
type Script = (request: IncomingMessage, response: ServerResponse, index: number) => void;

/** Answers a range of FILE correctly. */
function ok(request: IncomingMessage, response: ServerResponse, etag = '"v1"'): void {
  const [, start = '0', end = '999'] = /bytes=(\d+)-(\d+)/.exec(request.headers.range ?? '') ?? [];
  const last = Math.min(Number(end), FILE.length - 1);
  response.writeHead(206, { 'Content-Range': `bytes ${start}-${last}/${FILE.length}`, ETag: etag });
  response.end(FILE.subarray(Number(start), last + 1));
}

describe('fetchWithRetry', () => {
  let server: Server;
  let url = '';
  const correct: Script = (request, response) => ok(request, response);
  let script: Script = correct;
  let count = 0;
  const open = new Set<ServerResponse>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      open.add(response);
      response.on('close', () => open.delete(response));
      script(request, response, count++);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/file.bin`;
  });
  afterEach(() => {
    for (const response of open) response.destroy();
    count = 0;
    script = correct;
    setNetTimeoutMs(null);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should succeed after two 503 answers with exactly 3 requests', async () => {
    script = (request, response, index) => (index < 2 ? response.writeHead(503).end('busy') : ok(request, response));
    const source = new FetchRangeSource(url);
    const { data, fileSize } = await source.getBytes(10, 20);
    expect(count).toBe(3);
    expect(fileSize).toBe(1000);
    expect([...new Uint8Array(data)]).toEqual([...FILE.subarray(10, 30)]);
  });

  it('should give up after 3 attempts on a server that always answers 500, naming the URL and status', async () => {
    script = (_request, response) => response.writeHead(500).end();
    await expect(new FetchRangeSource(url).getBytes(0, 10)).rejects.toThrow(`${url}: HTTP 500`);
    expect(count).toBe(3);
  });

  it('should fail other reads of a file at once after one failed for good (no second round of attempts)', async () => {
    script = (_request, response) => response.writeHead(503).end();
    const source = new FetchRangeSource(url);
    await expect(source.getBytes(0, 10)).rejects.toThrow('HTTP 503');
    expect(count).toBe(3);
    await expect(source.getBytes(100, 10)).rejects.toThrow('HTTP 503');
    expect(count).toBe(3);
  });

  it('should not retry a 404 and say so clearly', async () => {
    script = (_request, response) => response.writeHead(404).end('<h1>Not Found</h1>');
    await expect(new FetchRangeSource(url).getBytes(0, 10)).rejects.toThrow(`${url}: HTTP 404`);
    expect(count).toBe(1);
  });

  it('should retry a connection cut mid-body', async () => {
    script = (request, response, index) => {
      if (index > 0) return ok(request, response);
      response.writeHead(206, { 'Content-Range': `bytes 0-99/${FILE.length}`, 'Content-Length': '100' });
      response.write(FILE.subarray(0, 50));
      setTimeout(() => response.destroy(), 20);
    };
    const { data } = await new FetchRangeSource(url).getBytes(0, 100);
    expect(count).toBe(2);
    expect(data.byteLength).toBe(100);
  });

  it('should end a hanging server in a timeout error within the bound, after its attempts', async () => {
    setNetTimeoutMs(200);
    script = () => undefined;
    const started = performance.now();
    const error = await new FetchRangeSource(url).getBytes(0, 10).then(() => new Error('no error'), (caught: unknown) => caught as Error);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(NetworkError);
    expect(problemOf(error)).toMatchObject({ code: 'timeout', url, seconds: 0.2, attempts: 3 });
    expect(error.message).toBe(`${url}: the server does not answer (no response within 0.2 s, 3 attempts)`);
    expect(count).toBe(3);
    // 3 × 200 ms timeouts at least; the test timeout (3 × 200 ms + back-off ≤ 937 ms + slack) guards a hang.
    expect(elapsed).toBeGreaterThanOrEqual(600);
  }, 4000);

  it('should stop at once, without retry or timeout wording, when the user aborts a hanging request', async () => {
    setNetTimeoutMs(5000);
    script = () => undefined;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await fetchWithRetry(url, { signal: controller.signal }).then(() => new Error('no error'), (caught: unknown) => caught as Error);
    expect(error.name).toBe('AbortError');
    expect(problemOf(error).code).toBe('other');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(count).toBe(1);
  });

  it('should send no more requests when the user aborts during the back-off', async () => {
    script = (_request, response) => response.writeHead(503).end();
    const controller = new AbortController();
    const pending = fetchWithRetry(url, { signal: controller.signal }, { baseDelayMs: 400 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(count).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(count).toBe(1);
  });

  it('should wait as long as a small Retry-After asks, and not retry when it asks too long', async () => {
    script = (request, response, index) => (index === 0 ? response.writeHead(429, { 'Retry-After': '1' }).end() : ok(request, response));
    const started = performance.now();
    expect((await fetchWithRetry(url, { headers: { Range: 'bytes=0-9' } })).status).toBe(206);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    count = 0;
    script = (_request, response) => response.writeHead(503, { 'Retry-After': '3600' }).end();
    expect((await fetchWithRetry(url)).status).toBe(503);
    expect(count).toBe(1);
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('soon')).toBeNull();
  });

  it('should read a PMTiles source with retries and raise EtagMismatch when the file changed', async () => {
    script = (request, response, index) => (index === 0 ? response.writeHead(502).end() : ok(request, response, index < 2 ? '"v1"' : '"v2"'));
    const source = new HttpPmtilesSource(url);
    const first = await source.getBytes(0, 16);
    expect(first.etag).toBe('"v1"');
    expect(count).toBe(2);
    await expect(source.getBytes(16, 16, undefined, '"v1"')).rejects.toBeInstanceOf(EtagMismatch);
  });

  it('should name a PMTiles archive whose root directory lies past the end of the file', async () => {
    const header = Buffer.alloc(127);
    header.write('PMTiles', 0, 'latin1');
    header.writeUInt8(3, 7);
    header.writeBigUInt64LE(5000n, 8); // root directory at byte 5000 of a 1000-byte file
    header.writeBigUInt64LE(25n, 16);
    script = (request, response) => {
      const [, start = '0', end = '999'] = /bytes=(\d+)-(\d+)/.exec(request.headers.range ?? '') ?? [];
      const body = Buffer.concat([header, FILE.subarray(127)]);
      const last = Math.min(Number(end), body.length - 1);
      response.writeHead(206, { 'Content-Range': `bytes ${start}-${last}/${body.length}` }).end(body.subarray(Number(start), last + 1));
    };
    await expect(openPmtiles(url)).rejects.toThrow(/root directory lies past the end of the file.*1000 bytes/);
  });
});
