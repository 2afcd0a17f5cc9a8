// The offline download itself: progress up to the planned total, pause holds every further
// request until resume, cancel stores nothing, and a file that changed mid-download is refused.
import { describe, expect, it } from 'vitest';
import { AreaStore } from '../../src/offline/area_store';
import { MemoryBlobStore } from '../../src/offline/blob_store';
import { OfflineDownload, type Progress } from '../../src/offline/download';
import type { FilePlan, RangeReader } from '../../src/offline/plan_types';

const SPEC = { id: 'x', name: 'test', bbox: [0, 0, 1, 1] as [number, number, number, number], minZoom: 10, maxZoom: 12, layers: [] };
const FILE = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);

function plan(): FilePlan {
  return { url: 'https://example.test/f', have: [{ offset: 0, length: 100, data: FILE.slice(0, 100).buffer }], need: [{ offset: 1000, length: 2_000_000 }], fileSize: FILE.length, etag: '"v1"' };
}

function server(etag = '"v1"'): { read: RangeReader; requests: () => number } {
  let requests = 0;
  return {
    requests: () => requests,
    read: async (offset, length) => {
      requests++;
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { data: FILE.slice(offset, offset + length).buffer, fileSize: FILE.length, etag };
    },
  };
}

describe('offline download', () => {
  it('should report progress to the planned total and store exactly the planned bytes', async () => {
    const store = new AreaStore(new MemoryBlobStore());
    const seen: Progress[] = [];
    const record = await new OfflineDownload(() => server().read, (p) => seen.push(p)).run(SPEC, [plan()], store);
    expect(record.bytes).toBe(2_000_100);
    expect(seen.at(-1)).toEqual({ done: 2_000_100, total: 2_000_100 });
    const back = await store.read('https://example.test/f', 1500, 600_000);
    expect(Buffer.from(back!.data).equals(Buffer.from(FILE.slice(1500, 601_500)))).toBe(true);
    expect(await store.read('https://example.test/f', 200, 10)).toBeNull();
  });

  it('should hold requests while paused and finish after resume', async () => {
    const net = server();
    const store = new AreaStore(new MemoryBlobStore());
    let job: OfflineDownload;
    let pausedAt = -1;
    job = new OfflineDownload(() => net.read, () => {
      if (pausedAt < 0) {
        job.pause();
        pausedAt = net.requests();
      }
    });
    const running = job.run(SPEC, [plan()], store);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(job.isPaused).toBe(true);
    expect(net.requests()).toBe(pausedAt); // nothing new asked while paused
    job.resume();
    expect((await running).bytes).toBe(2_000_100);
    expect(net.requests()).toBe(4); // 2 MB in 512 KiB pieces
  });

  it('should store nothing when cancelled, and refuse a file that changed', async () => {
    const blobs = new MemoryBlobStore();
    const store = new AreaStore(blobs);
    const job = new OfflineDownload(() => server().read, () => undefined);
    const running = job.run(SPEC, [plan()], store);
    job.cancel();
    await expect(running).rejects.toThrow(/cancelled/);
    expect(store.list()).toEqual([]);
    await expect(new OfflineDownload(() => server('"v2"').read, () => undefined).run(SPEC, [plan()], store)).rejects.toThrow(/changed on the server/);
    expect(store.list()).toEqual([]);
    expect(blobs.blobs.size).toBe(0);
  });
});
