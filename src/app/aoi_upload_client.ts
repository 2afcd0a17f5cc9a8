// Main-thread side of the AOI upload worker: one worker per file (started on demand, ended when
// the file is read or the user cancels, so a cancelled parse stops using the CPU at once).
import { AoiReadError, type AoiFeature, type AoiNote } from '../queries/aoi_geometry_types';
import type { PreparedAoi } from '../state/aoi_codec_prepare';
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

/** The features read, each with what the worker prepared for adding it (same order). */
export interface AoiWorkerResult {
  features: Array<AoiFeature & { prepared?: PreparedAoi }>;
  notes: AoiNote[];
}

export interface AoiReadJob {
  result: Promise<AoiWorkerResult>;
  cancel(): void;
}

/** `existing`: the page's AOIs now, so the worker prepares ids and link fits that will match. */
export function readAoiInWorker(file: File, existing: Array<{ id: string; name: string }>, onRepairStarted: () => void): AoiReadJob {
  const worker = new Worker(new URL('../queries/aoi_upload_worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (result: AoiWorkerResult) => void; reject: (error: Error) => void } | null = null;
  const result = new Promise<AoiWorkerResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (outcome: AoiWorkerResult | Error) => {
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
    else if (message.type === 'done') {
      const features = message.features.map((packed, i) => ({ ...unpackFeature(packed), prepared: message.prepared[i] }));
      finish({ features, notes: message.notes });
    }
    else if (message.type === 'failed') finish(new AoiReadError(message.code, message.file, message.detail));
    else finish(new AoiWorkerFailed(file.name, message.message));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish(new AoiWorkerFailed(file.name, event.message || 'worker error'));
  };
  // A File is passed by reference (no copy); the worker reads its bytes itself.
  const request: AoiReadRequest = { type: 'read', file, name: file.name, existing: existing.map(({ id, name }) => ({ id, name })) };
  worker.postMessage(request);
  return { result, cancel: () => finish(new AoiReadCancelled(file.name)) };
}
