// ByteCache request economy on a local Range server: exact request and byte counts for merged
// neighbours, gaps, and ranges that start inside the header blocks already read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ByteCache } from '../../src/sources/cog/byte_cache';
import { FetchRangeSource } from '../../src/sources/source';
import { startRangeServer, type RangeServer } from './cog_helpers';

const SIZE = 300_000;
const file = Uint8Array.from({ length: SIZE }, (_, i) => (i * 7919) % 251);
let server: RangeServer;
let n = 0;

beforeAll(async () => {
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < 10; i++) files.set(`f${i}.bin`, file);
  server = await startRangeServer(files);
});
afterAll(() => server.close());

/** A fresh cache on its own file name (so server counts are per test), header block 0 read. */
async function opened(): Promise<{ cache: ByteCache; name: string }> {
  const name = `f${n++}.bin`;
  const cache = new ByteCache(new FetchRangeSource(server.url(name)), { blockSize: 65536, mergeGap: 16384 });
  await cache.fetch([{ offset: 0, length: 100 }]);
  cache.headerMode = false;
  return { cache, name };
}

const same = (data: ArrayBuffer, offset: number) => Buffer.from(data).equals(Buffer.from(file.subarray(offset, offset + data.byteLength)));

describe('ByteCache', () => {
  it('a range that starts inside the header block fetches only its tail', async () => {
    const { cache, name } = await opened();
    const [data] = await cache.fetch([{ offset: 60_000, length: 20_000 }]);
    expect(data?.byteLength).toBe(20_000);
    expect(same(data as ArrayBuffer, 60_000)).toBe(true);
    expect(server.requests(name)).toBe(2);
    expect(cache.stats.bytes).toBe(65536 + (80_000 - 65536));
  });

  it('neighbours and small gaps of one batch become one request; a far range its own', async () => {
    const { cache, name } = await opened();
    const wanted = [{ offset: 100_000, length: 10_000 }, { offset: 110_000, length: 5_000 }, { offset: 125_000, length: 1_000 }, { offset: 250_000, length: 2_000 }];
    cache.start(wanted);
    const data = await cache.fetch(wanted);
    wanted.forEach((r, i) => expect(same(data[i] as ArrayBuffer, r.offset)).toBe(true));
    expect(server.requests(name)).toBe(1 + 2);
    // the 10 KB gap between 115,000 and 125,000 is read (cheaper than a request), nothing else
    expect(cache.stats.bytes).toBe(65536 + (126_000 - 100_000) + 2_000);
    // read again: no request
    await cache.fetch(wanted);
    expect(server.requests(name)).toBe(3);
  });

  it('a batch mixing header-covered heads and fresh ranges stays one request', async () => {
    const { cache, name } = await opened();
    const wanted = [{ offset: 50_000, length: 30_000 }, { offset: 80_000, length: 10_000 }];
    cache.start(wanted);
    const data = await cache.fetch(wanted);
    wanted.forEach((r, i) => expect(same(data[i] as ArrayBuffer, r.offset)).toBe(true));
    expect(server.requests(name)).toBe(2);
    expect(cache.stats.bytes).toBe(90_000);
  });

  it('a range wholly inside the header block costs no request', async () => {
    const { cache, name } = await opened();
    const [data] = await cache.fetch([{ offset: 1_000, length: 30_000 }]);
    expect(same(data as ArrayBuffer, 1_000)).toBe(true);
    expect(server.requests(name)).toBe(1);
  });
});
