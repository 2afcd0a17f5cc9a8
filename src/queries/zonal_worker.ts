// Web Worker running one AOI's zonal statistics off the main thread (a 100 Mpx report froze the
// page for 69 s). Bytes are asked from the page's ByteHub (zonal_worker_client.ts), the work is
// zonal_worker_job.ts; the page ends the worker (terminate) to cancel, which stops it at once.
/// <reference lib="webworker" />
import type { BytesAbort, BytesReply, BytesRequest } from '../sources/cog/byte_hub';
import type { ByteRange } from '../sources/cog/byte_cache';
import { errorFromProblem } from '../sources/errors';
import { runZonalJob, type ZonalJobMessage, type ZonalJobRequest } from './zonal_worker_job';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const byteWaits = new Map<number, (reply: BytesReply) => void>();
let nextBytesId = 1;

function askBytes(key: string, ranges: ByteRange[], header: boolean, signal?: AbortSignal) {
  return new Promise<{ data: ArrayBuffer[]; fileSize: number | null }>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const id = nextBytesId++;
    const onAbort = () => {
      byteWaits.delete(id);
      scope.postMessage({ type: 'bytes-abort', id } satisfies BytesAbort);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    byteWaits.set(id, (reply) => {
      signal?.removeEventListener('abort', onAbort);
      if ('error' in reply) reject(errorFromProblem(reply.problem));
      else resolve(reply);
    });
    scope.postMessage({ type: 'bytes', id, key, ranges, header } satisfies BytesRequest);
  });
}

scope.onmessage = (event: MessageEvent<ZonalJobRequest | BytesReply>) => {
  const message = event.data;
  if (message.type === 'bytes') {
    const wait = byteWaits.get(message.id);
    byteWaits.delete(message.id);
    wait?.(message);
  } else {
    void runZonalJob(message, (ranges, header, signal) => askBytes(message.url, ranges, header, signal), (reply: ZonalJobMessage) => scope.postMessage(reply));
  }
};
