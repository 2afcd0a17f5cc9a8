// Web Worker running one AOI's zonal statistics off the main thread (a 100 Mpx report froze the
// page for 69 s). Bytes are asked from the page's ByteHub (zonal_worker_client.ts), the work is
// zonal_worker_job.ts; the page ends the worker (terminate) to cancel, which stops it at once.
/// <reference lib="webworker" />
import type { BytesReply } from '../sources/cog/byte_hub';
import { workerBytes } from '../sources/cog/worker_bytes';
import { runZonalJob, type ZonalJobMessage, type ZonalJobRequest } from './zonal_worker_job';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const bytes = workerBytes(scope);

scope.onmessage = (event: MessageEvent<ZonalJobRequest | BytesReply>) => {
  const message = event.data;
  if (message.type === 'bytes') bytes.answer(message);
  else {
    void runZonalJob(message, (ranges, header, signal) => bytes.ask(message.url, ranges, header, signal), (reply: ZonalJobMessage) => scope.postMessage(reply));
  }
};
