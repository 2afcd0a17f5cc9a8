// The tile pool's queue and shared byte cache, without Workers: the same classes the pool and
// the workers use, wired in one thread.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue, type QueuedJob } from '../../src/sources/cog/job_queue';
import { ByteCache } from '../../src/sources/cog/byte_cache';
import { ByteHub } from '../../src/sources/cog/byte_hub';
import { RemoteBytes } from '../../src/sources/cog/remote_bytes';
import { openCogFrom } from '../../src/sources/cog/open';
import { renderTile } from '../../src/sources/cog/render';
import { applyStretch } from '../../src/sources/cog/stretch';
import { FetchRangeSource, type RangeSource } from '../../src/sources/source';
import { hasSharedData, sharedData, startRangeServer, type RangeServer } from './cog_helpers';
import { skipReason } from '../support/shared_data';

interface TestJob extends QueuedJob { name: string }

function job(name: string, log: string[], signal?: AbortSignal): TestJob {
  return { name, signal, start: (lane) => log.push(`start ${name}@${lane}`), drop: () => log.push(`drop ${name}`) };
}

describe('JobQueue (tile pool)', () => {
  it('runs at most perLane jobs per lane, spreading over the lanes', () => {
    const log: string[] = [];
    const queue = new JobQueue(2, 1);
    ['a', 'b', 'c'].forEach((name) => queue.push(job(name, log)));
    expect(log).toEqual(['start a@0', 'start b@1']);
    expect(queue.queued).toBe(1);
    queue.finish(1);
    expect(log).toEqual(['start a@0', 'start b@1', 'start c@1']);
  });

  it('drops a waiting job whose signal aborts, so it never reaches a worker', () => {
    const log: string[] = [];
    const queue = new JobQueue(1, 1);
    const gone = new AbortController();
    queue.push(job('a', log));
    queue.push(job('b', log, gone.signal));
    queue.push(job('c', log));
    gone.abort();
    expect(log).toEqual(['start a@0', 'drop b']);
    queue.finish(0);
    expect(log).toEqual(['start a@0', 'drop b', 'start c@0']);
    expect(queue.queued).toBe(0);
  });

  it('drops at once a job that arrives already aborted, and leaves running jobs to the pool', () => {
    const log: string[] = [];
    const queue = new JobQueue(1, 2);
    queue.push(job('late', log, AbortSignal.abort()));
    const running = new AbortController();
    queue.push(job('r', log, running.signal));
    running.abort();
    expect(log).toEqual(['drop late', 'start r@0']);
    expect(queue.running(0)).toBe(1);
  });
});

/** A range source that records what it was asked and lets the test finish requests by hand. */
class ManualSource implements RangeSource {
  readonly asked: Array<{ offset: number; length: number; signal?: AbortSignal; finish: () => void }> = [];
  getKey(): string { return 'manual'; }
  getBytes(offset: number, length: number, signal?: AbortSignal) {
    return new Promise<{ data: ArrayBuffer; fileSize: number }>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      this.asked.push({ offset, length, signal, finish: () => resolve({ data: new ArrayBuffer(length), fileSize: 1 << 20 }) });
    });
  }
}

describe('ByteCache: a request shared by several tiles', () => {
  it('goes on for the others when one tile is cancelled, and that tile is released at once', async () => {
    const source = new ManualSource();
    const cache = new ByteCache(source);
    cache.headerMode = false;
    const first = new AbortController(), second = new AbortController();
    const a = cache.fetch([{ offset: 100000, length: 500 }], first.signal);
    const b = cache.fetch([{ offset: 100000, length: 500 }], second.signal);
    expect(source.asked).toHaveLength(1);
    first.abort();
    await expect(a).rejects.toThrow(/abort/i);
    expect(source.asked[0]?.signal?.aborted).toBe(false);
    source.asked[0]?.finish();
    expect((await b)[0]?.byteLength).toBe(500);
  });

  it('is aborted on the network when every tile waiting for it is cancelled', async () => {
    const source = new ManualSource();
    const cache = new ByteCache(source);
    cache.headerMode = false;
    const first = new AbortController(), second = new AbortController();
    const a = cache.prefetch([{ offset: 0, length: 10 }, { offset: 20, length: 10 }], first.signal);
    const b = cache.fetch([{ offset: 20, length: 10 }], second.signal);
    expect(source.asked).toHaveLength(1); // merged neighbours
    first.abort();
    expect(source.asked[0]?.signal?.aborted).toBe(false);
    second.abort();
    expect(source.asked[0]?.signal?.aborted).toBe(true);
    await expect(a).rejects.toThrow();
    await expect(b).rejects.toThrow();
    // the failed range is not cached: a later read asks again
    void cache.fetch([{ offset: 20, length: 10 }]).catch(() => undefined);
    expect(source.asked).toHaveLength(2);
  });
});

describe('applyStretch (stretchPercent)', () => {
  it('keeps the ramp colours and spreads their stops over the percentile range', () => {
    const ramp: Array<[number, string]> = [[0, '#000000'], [50, '#ff0000'], [100, '#ffffff']];
    const out = applyStretch({ mode: 'continuous', ramp, stretchPercent: [2, 98] }, [[10, 30]]);
    expect(out.ramp).toEqual([[10, '#000000'], [20, '#ff0000'], [30, '#ffffff']]);
  });

  it('sets one stretch per band for rgb', () => {
    const out = applyStretch({ mode: 'rgb', stretchPercent: [2, 98] }, [[1, 2], [3, 4], [5, 6]]);
    expect(out.stretch).toEqual([[1, 2], [3, 4], [5, 6]]);
  });
});

describe.skipIf(!hasSharedData)('ByteHub: every worker reads through one cache', () => {
  if (!hasSharedData) it.skip(skipReason(), () => undefined);
  let server: RangeServer;
  const names = ['mcp_kriging_3857.tif', 'landsat.tif'];
  beforeAll(async () => {
    server = await startRangeServer(new Map([
      [names[0] as string, new Uint8Array(readFileSync(path.join(sharedData, 'fixtures/cog/mcp_kriging_3857.tif')))],
      [names[1] as string, new Uint8Array(readFileSync(path.join(sharedData, 'quebec/imagery/landsat8_montreal_lac_saint_pierre_utm18.tif')))],
    ]));
  });
  afterAll(() => server?.close());

  /** Three simulated workers (each its own RemoteBytes), one hub. */
  const openInWorkers = (hub: ByteHub, url: string) => Promise.all([0, 1, 2].map((worker) => {
    let id = 0;
    const bytes = new RemoteBytes(url, async (ranges, header, signal) => {
      const reply = await hub.serve({ type: 'bytes', id: id++, key: url, ranges, header }, signal);
      if ('error' in reply) throw new Error(reply.error);
      return reply;
    });
    return openCogFrom(bytes, `${url}#worker${worker}`);
  }));

  it('opens a layer in 3 workers with one header request in all', async () => {
    for (const name of names) {
      const hub = new ByteHub();
      const before = server.requests(name);
      const cogs = await openInWorkers(hub, server.url(name));
      expect(cogs.every((cog) => cog.width > 0)).toBe(true);
      expect(server.requests(name) - before).toBe(1);
    }
  });

  it('renders the same tile in a second worker without a request', async () => {
    const hub = new ByteHub();
    const url = server.url('landsat.tif');
    const [w1, w2] = await openInWorkers(hub, url);
    const before = server.requests('landsat.tif');
    const rendering = { mode: 'rgb' as const, stretch: [[7000, 12000], [7000, 12000], [7000, 12000]] as Array<[number, number]> };
    const a = await renderTile(w1!, rendering, 7, 37, 45);
    const afterFirst = server.requests('landsat.tif');
    expect(afterFirst).toBeGreaterThan(before);
    const b = await renderTile(w2!, rendering, 7, 37, 45);
    expect(server.requests('landsat.tif')).toBe(afterFirst);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(a.some((v, i) => i % 4 === 3 && v > 0)).toBe(true);
  });

  it('serves a file the main thread already opened without any request', async () => {
    const hub = new ByteHub();
    const url = server.url(names[0] as string);
    const cache = new ByteCache(new FetchRangeSource(url));
    await openCogFrom(cache, url);
    hub.share(url, cache);
    const before = server.requests(names[0] as string);
    await openInWorkers(hub, url);
    expect(server.requests(names[0] as string)).toBe(before);
  });
});
