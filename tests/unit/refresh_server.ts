// A tiny static file server for the near-real-time tests: serves one file from a temp folder
// with ETag / Last-Modified / Content-Length like a static host, optionally refusing HEAD.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestServer {
  url: string;
  file: string;
  /** Replace the file's content (a new version). */
  write(content: string | Uint8Array): void;
  headRefused: boolean;
  /** Which headers the server sends. */
  send: { etag: boolean; lastModified: boolean };
  close(): Promise<void>;
}

export async function startFileServer(initial: string): Promise<TestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'geoveille-refresh-'));
  const file = path.join(dir, 'layer.bin');
  writeFileSync(file, initial);
  const state = { headRefused: false, send: { etag: true, lastModified: true } };
  const server: Server = createServer((request, response) => {
    if (!request.url?.startsWith('/layer.bin')) {
      response.writeHead(404).end();
      return;
    }
    if (request.method === 'HEAD' && state.headRefused) {
      response.writeHead(405).end();
      return;
    }
    const body = readFileSync(file);
    const stat = statSync(file);
    const headers: Record<string, string> = { 'Accept-Ranges': 'bytes' };
    if (state.send.etag) headers.ETag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (state.send.lastModified) headers['Last-Modified'] = stat.mtime.toUTCString();
    const range = /bytes=(\d+)-(\d+)/.exec(request.headers.range ?? '');
    if (range) {
      const [start, end] = [Number(range[1]), Math.min(Number(range[2]), body.length - 1)];
      headers['Content-Range'] = `bytes ${start}-${end}/${body.length}`;
      headers['Content-Length'] = String(end - start + 1);
      response.writeHead(206, headers);
      response.end(request.method === 'HEAD' ? undefined : body.subarray(start, end + 1));
      return;
    }
    headers['Content-Length'] = String(body.length);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/layer.bin`,
    file,
    write: (content) => writeFileSync(file, content),
    get headRefused() { return state.headRefused; },
    set headRefused(value: boolean) { state.headRefused = value; },
    send: state.send,
    // stops the server and removes its temp folder (safe to call twice)
    close: () => new Promise<void>((resolve) => server.close(() => {
      rmSync(dir, { recursive: true, force: true });
      resolve();
    })),
  };
}
