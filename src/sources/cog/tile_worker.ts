// Worker: opens COGs over the main thread's byte hub, renders tiles off the main thread, answers
// with an ImageBitmap, or with the error as data (never a throw across the boundary).
/// <reference lib="webworker" />
import type { CogRendering } from '../../catalogue/types';
import type { BytesAbort, BytesReply, BytesRequest, TileRequest } from './byte_hub';
import { openCogFrom, type Cog } from './open';
import { RemoteBytes } from './remote_bytes';
import { renderTile } from './render';
import { resolveStretch } from './stretch';
import { problemOf, type SourceProblem } from '../errors';
import { workerBytes } from './worker_bytes';

/** A map tile to render (where it is, as the hub was told) under the pool's job id. */
export interface RenderRequest extends TileRequest {
  type: 'render';
  id: number;
}
export interface CancelRequest { type: 'cancel'; id: number }
export type TileReply =
  | { type: 'tile'; id: number; bitmap: ImageBitmap }
  | { type: 'tile'; id: number; error: string; problem: SourceProblem; open: boolean; aborted: boolean };
/** Everything a tile worker posts to the pool. */
export type WorkerMessage = TileReply | BytesRequest | BytesAbort;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cogs = new Map<string, Promise<Cog>>();
const renderings = new Map<string, Promise<CogRendering>>();
const jobs = new Map<number, AbortController>();
const bytes = workerBytes(scope);

function cogFor(url: string, crs?: string): Promise<Cog> {
  const key = crs ? `${url}\n${crs}` : url;
  let cog = cogs.get(key);
  if (!cog) {
    // opening is shared by every tile of the layer: no tile's signal may cancel it
    cog = openCogFrom(new RemoteBytes(url, (ranges, header, signal) => bytes.ask(url, ranges, header, signal)), url, undefined, { crs });
    cog.catch(() => cogs.delete(key));
    cogs.set(key, cog);
  }
  return cog;
}

function renderingFor(url: string, cog: Cog, rendering: CogRendering): Promise<CogRendering> {
  if (!rendering.stretchPercent) return Promise.resolve(rendering);
  const key = `${url}\n${JSON.stringify(rendering)}`;
  let resolved = renderings.get(key);
  if (!resolved) {
    resolved = resolveStretch(cog, rendering);
    resolved.catch(() => renderings.delete(key));
    renderings.set(key, resolved);
  }
  return resolved;
}

async function render(request: RenderRequest): Promise<void> {
  const controller = new AbortController();
  jobs.set(request.id, controller);
  let opened = false;
  try {
    const cog = await cogFor(request.url, request.rendering.crs);
    opened = true;
    const rendering = await renderingFor(request.url, cog, request.rendering);
    controller.signal.throwIfAborted();
    const rgba = await renderTile(cog, rendering, request.z, request.x, request.y, request.size, controller.signal);
    const bitmap = await createImageBitmap(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, request.size, request.size));
    scope.postMessage({ type: 'tile', id: request.id, bitmap } satisfies TileReply, [bitmap]);
  } catch (error) {
    const problem = problemOf(error);
    const aborted = controller.signal.aborted;
    scope.postMessage({ type: 'tile', id: request.id, error: problem.message, problem, open: !opened, aborted } satisfies TileReply);
  } finally {
    jobs.delete(request.id);
  }
}

scope.onmessage = (event: MessageEvent<RenderRequest | CancelRequest | BytesReply>) => {
  const message = event.data;
  if (message.type === 'bytes') bytes.answer(message);
  else if (message.type === 'cancel') jobs.get(message.id)?.abort();
  else void render(message);
};
