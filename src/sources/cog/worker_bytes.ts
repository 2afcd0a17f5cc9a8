// Inside a worker: byte ranges asked from the page's ByteHub (byte_hub.ts) over postMessage, so
// the worker reads through the page's byte path (deadline, retries, offline copies, cache). Used
// by the map's tile workers and the report's zonal worker.
/// <reference lib="webworker" />
import type { BytesAbort, BytesReply, BytesRequest } from './byte_hub';
import type { ByteRange } from './byte_cache';
import { errorFromProblem } from '../errors';

export interface WorkerBytes {
  /** Asks for `ranges` of the file `key`; an abort tells the hub to stop waiting too. */
  ask(key: string, ranges: ByteRange[], header: boolean, signal?: AbortSignal): Promise<{ data: ArrayBuffer[]; fileSize: number | null }>;
  /** Hands the hub's answer to the request waiting for it (call from the worker's onmessage). */
  answer(reply: BytesReply): void;
}

export function workerBytes(scope: DedicatedWorkerGlobalScope): WorkerBytes {
  const waits = new Map<number, (reply: BytesReply) => void>();
  let nextId = 1;
  return {
    ask: (key, ranges, header, signal) => new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const id = nextId++;
      const onAbort = () => {
        waits.delete(id);
        scope.postMessage({ type: 'bytes-abort', id } satisfies BytesAbort);
        reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waits.set(id, (reply) => {
        signal?.removeEventListener('abort', onAbort);
        if ('error' in reply) reject(errorFromProblem(reply.problem));
        else resolve(reply);
      });
      scope.postMessage({ type: 'bytes', id, key, ranges, header } satisfies BytesRequest);
    }),
    answer: (reply) => {
      const wait = waits.get(reply.id);
      waits.delete(reply.id);
      wait?.(reply);
    },
  };
}
