// The first view of a COG through the real tile pool (CogWorkerPool → ByteHub → ByteCache →
// counting HTTP server): exact request and byte counts. The pool's workers are in-process
// stand-ins speaking the worker's messages (Node has no Web Worker); they open the file over
// RemoteBytes and render with renderTile, as tile_worker.ts does. The COG is generated here
// (GDAL's COG driver via gdal3.js): no third-party data.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArrayBuffer } from 'geotiff';
import type { CogRendering } from '../../src/catalogue/types';
import { ByteHub, type BytesReply, type TileRequest } from '../../src/sources/cog/byte_hub';
import { mergeRanges } from '../../src/sources/cog/byte_cache';
import { cogInfo } from '../../src/sources/cog/info';
import { openCog, openCogFrom, type Cog } from '../../src/sources/cog/open';
import { RemoteBytes } from '../../src/sources/cog/remote_bytes';
import { planRanges, planTile, renderTile } from '../../src/sources/cog/render';
import type { RenderRequest, WorkerMessage } from '../../src/sources/cog/tile_worker';
import { CogWorkerPool } from '../../src/sources/cog/worker_pool';
import { FetchRangeSource } from '../../src/sources/source';
import { startRangeServer, type RangeServer } from './cog_helpers';
import { loadGdal } from './cog_gdal';

const SIDE = 768;
const Z = 12; // ~26 m map pixels at 46° N over 30 m source pixels: the full resolution is read
const rendering: CogRendering = { mode: 'continuous', ramp: [[0, '#000000'], [255, '#ffffff']] };
let server: RangeServer;
let file: Uint8Array;
let cog: Cog;
let view: Array<[number, number, number]>;
let n = 0;

/** 768² uint8 noise (incompressible) in UTM 18N near Montréal, as a 256-px-block deflate COG with overviews. */
async function makeCog(): Promise<Uint8Array> {
  let seed = 7;
  const values = Uint8Array.from({ length: SIDE * SIDE }, () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24));
  const plain = writeArrayBuffer(values, {
    width: SIDE, height: SIDE, ModelPixelScale: [30, 30, 0], ModelTiepoint: [0, 0, 0, 600000, 5100000, 0],
    GTModelTypeGeoKey: 1, GTRasterTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32618,
  } as never);
  const gdal = await loadGdal();
  const plainPath = `/tmp/geoveille-first-view-${process.pid}.tif`;
  writeFileSync(plainPath, Buffer.from(plain));
  try {
    const opened = await gdal.open(plainPath);
    const out = await gdal.gdal_translate(opened.datasets[0]!, ['-of', 'COG', '-co', 'COMPRESS=DEFLATE', '-co', 'BLOCKSIZE=256'], 'first_view_cog');
    await gdal.close(opened.datasets[0]!);
    return new Uint8Array(readFileSync(out.real));
  } finally {
    rmSync(plainPath, { force: true });
  }
}

/** Every map tile of zoom Z over the file's extent (what a view fit to the file asks for). */
function tilesOver([w, s, e, nn]: [number, number, number, number]): Array<[number, number, number]> {
  const count = 2 ** Z;
  const tx = (lon: number) => Math.floor(((lon + 180) / 360) * count);
  const ty = (lat: number) => Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * count);
  const tiles: Array<[number, number, number]> = [];
  for (let y = ty(nn); y <= ty(s); y++) for (let x = tx(w); x <= tx(e); x++) tiles.push([Z, x, y]);
  return tiles;
}

/** A stand-in for tile_worker.ts: same messages, same code path (RemoteBytes + renderTile). */
class InProcessWorker {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
  private readonly cogs = new Map<string, Promise<Cog>>();
  private readonly jobs = new Map<number, AbortController>();
  private readonly waits = new Map<number, (reply: BytesReply) => void>();
  private nextBytes = 1;

  postMessage(message: RenderRequest | { type: 'cancel'; id: number } | BytesReply): void {
    setTimeout(() => {
      if (message.type === 'bytes') this.waits.get(message.id)?.(message);
      else if (message.type === 'cancel') this.jobs.get(message.id)?.abort();
      else void this.render(message);
    }, 0);
  }

  terminate(): void {}

  private send(message: WorkerMessage): void {
    setTimeout(() => this.onmessage?.({ data: message } as MessageEvent<WorkerMessage>), 0);
  }

  private cogFor(url: string): Promise<Cog> {
    let opened = this.cogs.get(url);
    if (!opened) {
      opened = openCogFrom(new RemoteBytes(url, (ranges, header) => new Promise((resolve, reject) => {
        const id = this.nextBytes++;
        this.waits.set(id, (reply) => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply)));
        this.send({ type: 'bytes', id, key: url, ranges, header });
      })), url);
      this.cogs.set(url, opened);
    }
    return opened;
  }

  private async render(request: RenderRequest): Promise<void> {
    const controller = new AbortController();
    this.jobs.set(request.id, controller);
    try {
      const opened = await this.cogFor(request.url);
      controller.signal.throwIfAborted();
      const rgba = await renderTile(opened, request.rendering, request.z, request.x, request.y, request.size, controller.signal);
      this.send({ type: 'tile', id: request.id, bitmap: rgba as unknown as ImageBitmap });
    } catch (error) {
      this.send({ type: 'tile', id: request.id, error: String(error), problem: { code: 'other', message: String(error) }, open: false, aborted: controller.signal.aborted });
    }
  }
}

/** One lane of 8 jobs, as on a 2-core machine: most tiles wait in the queue. */
function poolOn(hub: ByteHub): CogWorkerPool {
  return new CogWorkerPool(hub, 1, () => new InProcessWorker() as unknown as Worker);
}

function renderView(pool: CogWorkerPool, url: string, signal?: AbortSignal) {
  return Promise.allSettled(view.map(([z, x, y]) => pool.render(url, rendering, z, x, y, 256, signal)));
}

/** A fresh file name (server counts are per name) and its URL. */
function fresh(): { name: string; url: string } {
  const name = `view${n++}.tif`;
  return { name, url: server.url(name) };
}

beforeAll(async () => {
  file = await makeCog();
  server = await startRangeServer(new Map(Array.from({ length: 8 }, (_, i) => [`view${i}.tif`, file])));
  cog = await openCog(new FetchRangeSource(server.url('view7.tif')));
  view = tilesOver(cogInfo(cog).bounds4326);
}, 120_000);
afterAll(() => server?.close());

describe('first view of a COG through the tile pool', () => {
  it('reads the full resolution for every tile of the view (the setting of this test)', () => {
    expect(view.length).toBeGreaterThan(8); // more tiles than one worker takes at once
    for (const [z, x, y] of view) {
      const plan = planTile(cog, rendering, z, x, y, 256);
      if (plan) expect(plan.level).toBe(cog.levels[0]);
    }
    expect(cog.levels.length).toBeGreaterThan(1);
  });

  it('costs one header request and one data request, reading only the blocks the view needs', async () => {
    const { name, url } = fresh();
    const hub = new ByteHub();
    const results = await renderView(poolOn(hub), url);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(server.requests(name)).toBe(2);
    // what the view needs, planned on a separately opened copy: its blocks' span (merged with 16 KiB gaps)
    const needed = view.flatMap(([z, x, y]) => planRanges(planTile(cog, rendering, z, x, y, 256)));
    const groups = mergeRanges(needed.filter((r) => r.offset + r.length > 65536), 16384);
    expect(groups).toHaveLength(1);
    const group = groups[0]!;
    const tail = group.offset + group.length - Math.max(group.offset, 65536);
    expect(hub.cacheFor(url).stats).toEqual({ requests: 2, bytes: 65536 + tail });
  });

  it('draws every tile as renderTile does on its own', async () => {
    const { url } = fresh();
    const results = await renderView(poolOn(new ByteHub()), url);
    let drawn = 0;
    for (const [i, [z, x, y]] of view.entries()) {
      const result = results[i]!;
      if (result.status !== 'fulfilled') throw new Error(`tile ${z}/${x}/${y} failed: ${String(result.reason)}`);
      const pooled = result.value as unknown as Uint8ClampedArray;
      expect(Buffer.from(pooled).equals(Buffer.from(await renderTile(cog, rendering, z, x, y, 256)))).toBe(true);
      if (pooled.some((v, k) => k % 4 === 3 && v > 0)) drawn++;
    }
    expect(drawn).toBe(view.length);
  });

  it('without the main-thread plan, the queued tiles read in several waves (what this replaced)', async () => {
    const { name, url } = fresh();
    class WorkerAsksOnly extends ByteHub {
      override async prefetchTile(_tile: TileRequest): Promise<void> {}
    }
    const results = await renderView(poolOn(new WorkerAsksOnly()), url);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(server.requests(name)).toBeGreaterThan(2);
  });

  it('a view cancelled before its batch goes out costs the header only', async () => {
    const { name, url } = fresh();
    const controller = new AbortController();
    const done = renderView(poolOn(new ByteHub()), url, controller.signal);
    controller.abort();
    const results = await done;
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the main-thread plan settles
    expect(server.requests(name)).toBe(1);
  });

  it('the same view again costs no request', async () => {
    const { name, url } = fresh();
    const pool = poolOn(new ByteHub());
    await renderView(pool, url);
    const before = server.requests(name);
    const again = await renderView(pool, url);
    expect(again.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(server.requests(name)).toBe(before);
  });
});
