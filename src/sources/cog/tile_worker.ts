// Worker: opens COGs (one cache per worker), renders tiles off the main thread, answers with
// an ImageBitmap, or with the error as data (never a throw across the boundary).
/// <reference lib="webworker" />
import type { CogRendering } from '../../catalogue/types';
import { FetchRangeSource } from '../source';
import { openCog, type Cog } from './open';
import { renderTile } from './render';

export interface RenderRequest {
  type: 'render';
  id: number;
  url: string;
  rendering: CogRendering;
  z: number;
  x: number;
  y: number;
  size: number;
}
export interface CancelRequest { type: 'cancel'; id: number }
export type WorkerReply = { id: number; bitmap: ImageBitmap } | { id: number; error: string; open: boolean };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cogs = new Map<string, Promise<Cog>>();
const jobs = new Map<number, AbortController>();

function cogFor(url: string): Promise<Cog> {
  let cog = cogs.get(url);
  if (!cog) {
    cog = openCog(new FetchRangeSource(url));
    cogs.set(url, cog);
  }
  return cog;
}

async function render(request: RenderRequest): Promise<void> {
  const controller = new AbortController();
  jobs.set(request.id, controller);
  let opened = false;
  try {
    const cog = await cogFor(request.url);
    opened = true;
    const rgba = await renderTile(cog, request.rendering, request.z, request.x, request.y, request.size, controller.signal);
    const bitmap = await createImageBitmap(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, request.size, request.size));
    scope.postMessage({ id: request.id, bitmap } satisfies WorkerReply, [bitmap]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ id: request.id, error: message, open: !opened } satisfies WorkerReply);
  } finally {
    jobs.delete(request.id);
  }
}

scope.onmessage = (event: MessageEvent<RenderRequest | CancelRequest>) => {
  const message = event.data;
  if (message.type === 'cancel') jobs.get(message.id)?.abort();
  else void render(message);
};
