// Web Worker clipping and encoding one AOI's GeoTIFF off the main thread (export_geotiff_job.ts
// does the work; bytes come from the page through worker_bytes.ts). The page ends the worker to
// cancel, which stops it at once.
/// <reference lib="webworker" />
import type { BytesReply } from '../sources/cog/byte_hub';
import { workerBytes } from '../sources/cog/worker_bytes';
import { runClipJob, type ClipJobRequest } from './export_geotiff_job';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const bytes = workerBytes(scope);

scope.onmessage = (event: MessageEvent<ClipJobRequest | BytesReply>) => {
  const message = event.data;
  if (message.type === 'bytes') bytes.answer(message);
  else {
    void runClipJob(message, (ranges, header, signal) => bytes.ask(message.url, ranges, header, signal),
      (reply, transfer) => scope.postMessage(reply, transfer ?? []));
  }
};
