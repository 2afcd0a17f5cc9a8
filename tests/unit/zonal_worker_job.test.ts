// The zonal statistics worker's job, without the worker (the shell is tested in the browser,
// tests/e2e/report_worker.test.ts): over bytes served from the page's ByteCache as the client
// does, it gives exactly the numbers of the main-thread zonalStats with the same requests, posts
// throttled progress ending at the total, stops on abort, and sends errors as their problem
// (code), which the page turns back into typed errors.
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCog, type Cog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { ByteCache } from '../../src/sources/cog/byte_cache';
import type { AskBytes } from '../../src/sources/cog/remote_bytes';
import { errorFromProblem, SourceError } from '../../src/sources/errors';
import { pixelToCrs } from '../../src/sources/cog/georef';
import { zonalStats } from '../../src/queries/zonal_stats';
import { runZonalJob, throttledProgress, PROGRESS_INTERVAL_MS, type ZonalJobMessage, type ZonalJobRequest } from '../../src/queries/zonal_worker_job';
import { zonalStatsOffMainThread } from '../../src/queries/zonal_worker_client';
import { serveBytes } from '../../src/queries/byte_worker_client';
import { REPO_ROOT } from '../support/shared_data';

const file = path.join(REPO_ROOT, 'public/data/lidar_mnt.tif');

/** A pentagon well inside the raster, in lon/lat. */
function aoiInside(cog: Cog): Polygon {
  const at = (fx: number, fy: number) => cog.proj.inverse(pixelToCrs(cog.georef, cog.width * fx, cog.height * fy)) as [number, number];
  const ring = [at(0.1, 0.15), at(0.8, 0.1), at(0.9, 0.7), at(0.5, 0.95), at(0.15, 0.6)];
  return { type: 'Polygon', coordinates: [[...ring, ring[0] as [number, number]]] };
}

/** What the page's worker client does: serve the worker's byte requests from the page's cache. */
function askThroughPage(key: string, cache: ByteCache): AskBytes {
  let id = 0;
  return async (ranges, header, signal) => {
    const reply = await serveBytes(cache, { type: 'bytes', id: id++, key, ranges, header }, signal ?? new AbortController().signal);
    if ('error' in reply) throw errorFromProblem(reply.problem);
    return reply;
  };
}

async function job(request: ZonalJobRequest, ask: AskBytes, signal?: AbortSignal): Promise<ZonalJobMessage[]> {
  const posted: ZonalJobMessage[] = [];
  await runZonalJob(request, ask, (message) => posted.push(structuredClone(message)), signal);
  return posted;
}

describe('zonal statistics worker job', () => {
  let page: Cog;
  let aoi: Polygon;
  beforeAll(async () => {
    page = await openCog(new FileRangeSource(file));
    aoi = aoiInside(page);
  });

  it('gives the numbers of the main-thread path, through structured clone', async () => {
    for (const level of [0, 1]) {
      const main = await zonalStats(await openCog(new FileRangeSource(file)), aoi, { level });
      const posted = await job({ type: 'run', url: page.key, aoi, level, categorical: false }, askThroughPage(page.key, page.bytes as ByteCache));
      const done = posted.at(-1);
      expect(done?.type).toBe('done');
      expect(main.count).toBeGreaterThan(100_000 / 4 ** level);
      expect(done?.type === 'done' && done.result).toEqual(main);
    }
  });

  it('reads the file with exactly the requests of the main-thread path (header already read)', async () => {
    const pageCog = await openCog(new FileRangeSource(file));
    const opened = { ...pageCog.bytes.stats };
    await job({ type: 'run', url: pageCog.key, aoi, level: 0, categorical: false }, askThroughPage(pageCog.key, pageCog.bytes as ByteCache));
    const mainCog = await openCog(new FileRangeSource(file));
    const mainOpened = { ...mainCog.bytes.stats };
    await zonalStats(mainCog, aoi);
    expect(opened).toEqual(mainOpened);
    const worker = { requests: pageCog.bytes.stats.requests - opened.requests, bytes: pageCog.bytes.stats.bytes - opened.bytes };
    const main = { requests: mainCog.bytes.stats.requests - mainOpened.requests, bytes: mainCog.bytes.stats.bytes - mainOpened.bytes };
    expect(main.requests).toBeGreaterThan(0);
    expect(worker).toEqual(main);
  });

  it('posts progress from 0 to the number of tiles, the last one always', async () => {
    const posted = await job({ type: 'run', url: page.key, aoi, level: 0, categorical: true }, askThroughPage(page.key, page.bytes as ByteCache));
    const steps = posted.filter((m) => m.type === 'progress');
    expect(steps[0]).toEqual({ type: 'progress', done: 0, total: 30 });
    expect(steps.at(-1)).toEqual({ type: 'progress', done: 30, total: 30 });
    const done = posted.at(-1);
    expect(done?.type === 'done' && Object.keys(done.result.categories ?? {}).length).toBeGreaterThan(10);
  });

  it('throttles progress to one message per interval between the first and the last', () => {
    let clock = 0;
    const posted: ZonalJobMessage[] = [];
    const step = throttledProgress((m) => posted.push(m), () => clock);
    for (let done = 0; done <= 100; done++, clock += PROGRESS_INTERVAL_MS / 10) step(done, 100);
    expect(posted.map((m) => m.type === 'progress' && m.done)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('stops when aborted and reports the abort', async () => {
    const controller = new AbortController();
    const ask = askThroughPage(page.key, page.bytes as ByteCache);
    let asked = 0;
    const posted = await job({ type: 'run', url: page.key, aoi, level: 0, categorical: false }, (ranges, header, signal) => {
      if (!header && ++asked === 2) controller.abort();
      return ask(ranges, header, signal);
    }, controller.signal);
    expect(posted.some((m) => m.type === 'done')).toBe(false);
    expect(posted.at(-1)).toMatchObject({ type: 'failed', problem: { code: 'other' } });
    expect(posted.filter((m) => m.type === 'progress' && m.done === m.total && m.total > 0)).toEqual([]);
  });

  it('sends a bad file\'s problem, rebuilt as the same typed error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonal-worker-'));
    const html = path.join(dir, 'page.tif');
    writeFileSync(html, '<!doctype html><html><body>not found</body></html>'.padEnd(2048, ' '));
    const cache = new ByteCache(new FileRangeSource(html));
    cache.headerMode = false;
    const posted = await job({ type: 'run', url: html, aoi, level: 0, categorical: false }, askThroughPage(html, cache));
    const failed = posted.at(-1);
    expect(failed).toMatchObject({ type: 'failed', problem: { code: 'html-page', url: html } });
    const error = failed?.type === 'failed' ? errorFromProblem(failed.problem) : null;
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).problem.code).toBe('html-page');
  });

  it('runs on the calling thread where there is no Worker (Node, the CLI)', async () => {
    const steps: number[] = [];
    const stats = await zonalStatsOffMainThread(page, aoi, { onProgress: (done) => steps.push(done) });
    expect(stats).toEqual(await zonalStats(page, aoi));
    expect(steps.at(-1)).toBe(30);
  });
});
