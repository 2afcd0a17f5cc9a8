// Test helpers for the COG tests: a request-counting HTTP server with Range support, a tiny
// hand-written TIFF builder for hostile inputs, and the shared-data folder lookup.
import { createServer, type Server } from 'node:http';
import { readdirSync } from 'node:fs';
import { hasShared as hasSharedData, SHARED_DATA as sharedData } from '../support/shared_data';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

export { REPO_ROOT as repoRoot, SHARED_DATA as sharedData, hasShared as hasSharedData } from '../support/shared_data';

/** Every .tif under ../shared/data (empty when the folder is missing). */
export function sharedTiffs(): string[] {
  if (!hasSharedData) return [];
  return (readdirSync(sharedData, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.tif'))
    .map((f) => path.join(sharedData, f))
    .sort();
}

export interface RangeServer {
  url(name: string): string;
  /** Requests received, per file name. */
  requests(name: string): number;
  close(): Promise<void>;
}

/** Serves in-memory files with single-range support on 127.0.0.1 and a random port. */
export async function startRangeServer(files: Map<string, Uint8Array | string>): Promise<RangeServer> {
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1));
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const body = files.get(name);
    if (body === undefined) return void res.writeHead(404).end('not found');
    if (typeof body === 'string') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(body);
    const match = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
    if (!match) return void res.writeHead(200, { 'Content-Length': body.length }).end(body);
    const start = Number(match[1]);
    if (start >= body.length && body.length > 0) return void res.writeHead(416).end();
    const end = Math.min(Number(match[2]), body.length - 1);
    res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Content-Length': Math.max(0, end - start + 1) });
    res.end(body.subarray(start, end + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    requests: (name) => counts.get(name) ?? 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface TinyTiffOptions {
  width?: number;
  height?: number;
  /** EPSG code written as ProjectedCSTypeGeoKey; null: no GeoKeys and no grid at all. */
  epsg?: number | null;
}

/** A one-strip uint8 TIFF written by hand, so tests can lie in its header. */
export function tinyTiff({ width = 4, height = 4, epsg = 32198 }: TinyTiffOptions = {}): Uint8Array {
  const pixels = Math.min(width * height, 64);
  type Tag = [number, number, number[]]; // tag, type (3 short, 4 long, 12 double), values
  const tags: Tag[] = [
    [256, 4, [width]], [257, 4, [height]], [258, 3, [8]], [259, 3, [1]], [262, 3, [1]],
    [273, 4, [0]], [277, 3, [1]], [278, 4, [height]], [279, 4, [pixels]],
  ];
  if (epsg !== null) {
    tags.push([33550, 12, [10, 10, 0]], [33922, 12, [0, 0, 0, 100000, 200000, 0]]);
    tags.push([34735, 3, [1, 1, 0, 2, 1024, 0, 1, 1, 3072, 0, 1, epsg]]);
  }
  const size = (type: number) => (type === 3 ? 2 : type === 4 ? 4 : 8);
  const ifdSize = 2 + tags.length * 12 + 4;
  let extra = 8 + ifdSize;
  const layout = tags.map(([, type, values]) => {
    const bytes = size(type) * values.length;
    if (bytes <= 4) return -1;
    const at = extra;
    extra += bytes;
    return at;
  });
  const dataAt = extra;
  (tags.find((t) => t[0] === 273) as Tag)[2] = [dataAt];
  const buffer = new ArrayBuffer(dataAt + pixels);
  const view = new DataView(buffer);
  view.setUint16(0, 0x4949); view.setUint16(2, 42, true); view.setUint32(4, 8, true);
  view.setUint16(8, tags.length, true);
  const write = (at: number, type: number, v: number) =>
    type === 3 ? view.setUint16(at, v, true) : type === 4 ? view.setUint32(at, v, true) : view.setFloat64(at, v, true);
  tags.forEach(([tag, type, values], i) => {
    const entry = 10 + i * 12;
    view.setUint16(entry, tag, true); view.setUint16(entry + 2, type, true); view.setUint32(entry + 4, values.length, true);
    const at = layout[i] as number;
    if (at >= 0) view.setUint32(entry + 8, at, true);
    values.forEach((v, k) => write((at >= 0 ? at : entry + 8) + k * size(type), type, v));
  });
  new Uint8Array(buffer, dataAt).forEach((_, k, arr) => (arr[k] = k + 1));
  return new Uint8Array(buffer);
}
