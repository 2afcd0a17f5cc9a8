// Main-thread side of the AOI upload worker: one worker per file (started on demand, ended when
// the file is read or the user cancels, so a cancelled parse stops using the CPU at once).
import { AoiReadError, type AoiReadResult } from '../queries/aoi_geometry_types';
import type { AoiReadRequest, AoiWorkerMessage } from '../queries/aoi_upload_worker';
import { unpackFeature } from '../queries/aoi_geometry_pack';

/** The user cancelled the reading. */
export class AoiReadCancelled extends Error {
  constructor(readonly file: string) {
    super(`${file}: reading cancelled`);
  }
}

/** The worker itself failed (could not start, or an unexpected exception). */
export class AoiWorkerFailed extends Error {
  constructor(readonly file: string, readonly detail: string) {
    super(`${file}: ${detail}`);
  }
}

export interface AoiReadJob {
  result: Promise<AoiReadResult>;
  cancel(): void;
}

export function readAoiInWorker(file: File, onRepairStarted: () => void): AoiReadJob {
  const worker = new Worker(new URL('../queries/aoi_upload_worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (result: AoiReadResult) => void; reject: (error: Error) => void } | null = null;
  const result = new Promise<AoiReadResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (outcome: AoiReadResult | Error) => {
    worker.terminate();
    const pending = settle;
    settle = null;
    if (!pending) return;
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  };
  worker.onmessage = (event: MessageEvent<AoiWorkerMessage>) => {
    const message = event.data;
    if (message.type === 'phase') onRepairStarted();
    else if (message.type === 'done') finish({ features: message.features.map(unpackFeature), notes: message.notes });
    else if (message.type === 'failed') finish(new AoiReadError(message.code, message.file, message.detail));
    else finish(new AoiWorkerFailed(file.name, message.message));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish(new AoiWorkerFailed(file.name, event.message || 'worker error'));
  };
  // A File is passed by reference (no copy); the worker reads its bytes itself.
  worker.postMessage({ type: 'read', file, name: file.name } satisfies AoiReadRequest);
  return { result, cancel: () => finish(new AoiReadCancelled(file.name)) };
}
