// A loopback HTTP server over a folder (whole files, JSON content type), for benchmarks that read
// static index files the way the browser does; sendFile answers one file as a static host would.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    // Read inline, as a static host does from the page cache: the thread pool's four round trips
    // (open, stat, read, close) would each wait for the CPU on a loaded machine.
    let body: Buffer;
    try { body = readFileSync(file); } catch { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.geojson': 'application/json', '.webmanifest': 'application/manifest+json',
};

/**
 * Answers with `file` as a static host would (Range → 206, no compression, `no-store`), or 404
 * when it is missing or outside `root`. For benches that serve the built app.
 */
export function sendFile(root: string, file: string, range: string | undefined, res: ServerResponse): void {
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
  const size = statSync(file).size;
  const headers = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
  const match = /bytes=(\d+)-(\d*)/.exec(range ?? '');
  if (!match) return void (res.writeHead(200, { ...headers, 'Content-Length': size }), createReadStream(file).pipe(res));
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (start >= size) return void res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
  res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
  createReadStream(file, { start, end }).pipe(res);
}
