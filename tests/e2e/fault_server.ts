// A misbehaving static file server for the network-fault tests (node:http on 127.0.0.1).
// URLs are /<mode>/<file>: the file comes from `folder`, the mode says how to misbehave.
// Every request is logged (mode, file, range, whether the client hung up first).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FAULT_MODES = [
  'ok', // correct range server with CORS
  '404', '500',
  '403-nocors', // 403 without Access-Control-Allow-Origin: the browser sees a network error
  'hang', // headers never sent
  'close-mid-body', // headers, half the body, then the socket is destroyed
  'whole-200', // ignores Range: 200 with the whole file
  'etag-change', // a new ETag on every request (the file "changed")
  'slow', // correct, but each answer waits 2 s
  'flaky-500', // the first request for each file answers 500, later ones are correct
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface LoggedRequest {
  mode: string;
  method: string;
  file: string;
  range: string;
  aborted: boolean;
  /** Status sent (0 while none was: a hang, or the client left first). */
  status: number;
}

export interface FaultServer {
  origin: string;
  log: LoggedRequest[];
  url(mode: FaultMode, file: string): string;
  close(): Promise<void>;
}

const SLOW_MS = 2000;
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Range, Content-Length, ETag, Accept-Ranges',
};

export async function startFaultServer(folder: string): Promise<FaultServer> {
  const log: LoggedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let etagCounter = 0;
  const flakyDone = new Set<string>();
  const server: Server = createServer((request, response) => {
    const [, mode = '', ...rest] = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).split('/');
    const file = rest.join('/');
    const entry: LoggedRequest = { mode, method: request.method ?? '', file, range: request.headers.range ?? '', aborted: false, status: 0 };
    if (request.method !== 'OPTIONS') log.push(entry);
    response.on('close', () => {
      if (!response.writableFinished) entry.aborted = true;
      if (response.headersSent) entry.status = response.statusCode;
    });
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...CORS, 'Access-Control-Allow-Headers': 'Range, If-Match, If-None-Match', 'Access-Control-Allow-Methods': 'GET, HEAD' });
      return response.end();
    }
    if (mode === 'flaky-500' && !flakyDone.has(file)) {
      flakyDone.add(file);
      return void response.writeHead(500, { ...CORS, 'Content-Type': 'text/plain' }).end('Internal Server Error (once)');
    }
    const send = () => answer(mode, path.join(folder, path.basename(file)), request, response, hanging, () => ++etagCounter);
    if (mode === 'slow') setTimeout(send, SLOW_MS);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin, log,
    url: (mode, file) => `${origin}/${mode}/${file}`,
    close: () => new Promise((resolve) => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function answer(mode: string, file: string, request: IncomingMessage, response: ServerResponse,
  hanging: Set<ServerResponse>, nextEtag: () => number): void {
  if (mode === '404') return void response.writeHead(404, { ...CORS, 'Content-Type': 'text/html' }).end('<h1>Not Found</h1>');
  if (mode === '500') return void response.writeHead(500, { ...CORS, 'Content-Type': 'text/plain' }).end('Internal Server Error');
  if (mode === '403-nocors') return void response.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden');
  if (mode === 'hang') return void hanging.add(response);
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch {
    return void response.writeHead(404, CORS).end();
  }
  const etag = mode === 'etag-change' ? `"v${nextEtag()}"` : '"v0"';
  const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
  if (!range || mode === 'whole-200') {
    return void response.writeHead(200, { ...CORS, ETag: etag, 'Content-Length': body.length }).end(body);
  }
  const start = Number(range[1]);
  const end = Math.min(range[2] ? Number(range[2]) : body.length - 1, body.length - 1);
  if (start >= body.length) return void response.writeHead(416, { ...CORS, 'Content-Range': `bytes */${body.length}` }).end();
  const part = body.subarray(start, end + 1);
  response.writeHead(206, {
    ...CORS, ETag: etag, 'Accept-Ranges': 'bytes', 'Content-Length': part.length,
    'Content-Range': `bytes ${start}-${end}/${body.length}`,
  });
  if (mode === 'close-mid-body') {
    response.write(part.subarray(0, Math.floor(part.length / 2)));
    setTimeout(() => response.destroy(), 50);
    return;
  }
  response.end(part);
}
