// Serves a local file to the page through playwright's routing, with single-range support like a
// static host (PMTiles and COGs read byte ranges).
import { readFileSync, statSync } from 'node:fs';
import type { Route } from 'playwright-core';

export async function serveFile(route: Route, file: string): Promise<void> {
  const size = statSync(file).size;
  const bytes = readFileSync(file);
  const range = /bytes=(\d+)-(\d*)/.exec((await route.request().headerValue('range')) ?? '');
  const headers = { 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
  if (!range) return route.fulfill({ status: 200, headers, body: bytes });
  const start = Number(range[1]);
  const end = Math.min(size - 1, range[2] ? Number(range[2]) : size - 1);
  return route.fulfill({ status: 206, headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}` }, body: bytes.subarray(start, end + 1) });
}
