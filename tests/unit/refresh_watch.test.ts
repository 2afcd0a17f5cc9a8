import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { setNetTimeoutMs } from '../../src/sources/http_retry';
import { RefreshWatch, type WatchEvents } from '../../src/sources/refresh_watch';
import { startFileServer, type TestServer } from './refresh_server';

/** Timers the test fires by hand: the delays the watch asked for are recorded. */
function manualTimers() {
  const queue: Array<{ run: () => void; ms: number }> = [];
  return {
    delays: [] as number[],
    options: {
      setTimer: (run: () => void, ms: number) => {
        queue.push({ run, ms });
        return run;
      },
      clearTimer: (handle: unknown) => {
        const at = queue.findIndex((entry) => entry.run === handle);
        if (at >= 0) queue.splice(at, 1);
      },
    },
    pending: () => queue.length,
    /** Runs the next timer; returns its delay. */
    fire(): number {
      const next = queue.shift();
      if (!next) throw new Error('no timer pending');
      next.run();
      return next.ms;
    },
  };
}

function recorder() {
  const log: string[] = [];
  const events: WatchEvents = {
    changed: () => log.push('changed'),
    failed: (_error, _at, retryInMs) => log.push(`failed:${retryInMs}`),
    unchanged: () => log.push('unchanged'),
  };
  return { log, events };
}

describe('RefreshWatch', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close().catch(() => undefined);
  });

  it('should record the first version, then report a replaced file once', async () => {
    server = await startFileServer('v1');
    const timers = manualTimers();
    const { log, events } = recorder();
    const watch = new RefreshWatch(server.url, 2000, events, timers.options);
    watch.start();
    await watch.checkNow();
    expect(log).toEqual(['unchanged']);
    server.write('version two');
    expect(timers.fire()).toBe(2000);
    await watch.checkNow();
    expect(log).toEqual(['unchanged', 'changed']);
    timers.fire();
    await watch.checkNow();
    expect(log.at(-1)).toBe('unchanged');
    watch.stop();
    expect(timers.pending()).toBe(0);
  });

  it('should report failures with a doubling, capped back-off, and recover when the server is back', async () => {
    let reachable = true;
    server = await startFileServer('v1');
    const url = server.url;
    const timers = manualTimers();
    const { log, events } = recorder();
    const watch = new RefreshWatch(url, 1000, events, {
      ...timers.options,
      maxBackoffMs: 5000,
      // the real reader, through a switch that plays the unreachable server (connection refused)
      read: async (target) => {
        if (!reachable) throw new TypeError('fetch failed');
        const { readFileVersion } = await import('../../src/sources/refresh_check');
        return readFileVersion(target);
      },
    });
    watch.start();
    await watch.checkNow();
    reachable = false;
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      timers.fire();
      await watch.checkNow();
      delays.push(watch.nextDelay());
    }
    expect(log.slice(1)).toEqual(['failed:2000', 'failed:4000', 'failed:5000', 'failed:5000']);
    expect(delays).toEqual([2000, 4000, 5000, 5000]);
    reachable = true;
    expect(timers.fire()).toBe(5000);
    await watch.checkNow();
    expect(log.at(-1)).toBe('unchanged');
    expect(watch.nextDelay()).toBe(1000);
    watch.stop();
  });

  it('should fail, never throw, against a closed server', async () => {
    server = await startFileServer('v1');
    const url = server.url;
    await server.close();
    server = undefined;
    const { log, events } = recorder();
    const watch = new RefreshWatch(url, 500, events, manualTimers().options);
    await expect(watch.checkNow()).resolves.toBeUndefined();
    expect(log).toEqual(['failed:1000']);
  });

  it('should report a change when forced (the PMTiles reader saw an ETag mismatch)', async () => {
    server = await startFileServer('v1');
    const { log, events } = recorder();
    const watch = new RefreshWatch(server.url, 1000, events, manualTimers().options);
    await watch.checkNow();
    await watch.checkNow(true);
    expect(log).toEqual(['unchanged', 'changed']);
  });

  it('should refuse a non-positive interval with a message naming the file', () => {
    expect(() => new RefreshWatch('http://h/a.pmtiles', 0, recorder().events)).toThrow(/a\.pmtiles.*positive/);
  });

  it('should count a server that never answers the check as a failed update, at the network deadline', async () => {
    const hanging = createServer(() => undefined); // takes the request, never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    setNetTimeoutMs(300);
    try {
      const { log, events } = recorder();
      const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/layer.bin`;
      const watch = new RefreshWatch(url, 1000, events, manualTimers().options);
      watch.start();
      await watch.checkNow();
      expect(log).toEqual(['failed:2000']);
      watch.stop();
    } finally {
      setNetTimeoutMs(null);
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  }, 5000); // the network deadline is 300 ms per attempt: a hang guard, not a speed claim
});
