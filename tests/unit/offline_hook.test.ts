// The byte path's offline copy: read first when the browser is offline, used when the network
// fails for good, never while the server answers (a live layer must see the server's version).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FetchRangeSource, setOfflineRanges } from '../../src/sources/source';
import { setNetTimeoutMs } from '../../src/sources/http_retry';

const URL_ = 'https://example.test/a.pmtiles';
const STORED = new Uint8Array([9, 9, 9, 9]).buffer;

function install(): { reads: string[] } {
  const reads: string[] = [];
  setOfflineRanges({
    read: async (url, offset, length) => {
      reads.push(`${offset}+${length}`);
      return url === URL_ && offset === 0 ? { data: STORED.slice(0, length), fileSize: 100, etag: '"old"' } : null;
    },
  });
  return { reads };
}

function serverAnswers(): ReturnType<typeof vi.fn> {
  const fetch = vi.fn(async () => new Response(new Uint8Array([1, 2, 3, 4]), { status: 206, headers: { 'Content-Range': 'bytes 0-3/100', ETag: '"new"' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  setOfflineRanges(null);
  setNetTimeoutMs(null);
  vi.unstubAllGlobals();
});

describe('offline copies in FetchRangeSource', () => {
  it('should read the server while online, never the offline copy', async () => {
    const { reads } = install();
    const fetch = serverAnswers();
    const answer = await new FetchRangeSource(URL_).read(0, 4);
    expect([...new Uint8Array(answer.data)]).toEqual([1, 2, 3, 4]);
    expect(answer.etag).toBe('"new"');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(reads).toEqual([]);
  });

  it('should read the offline copy with no request when the browser is offline, and say what is missing', async () => {
    install();
    const fetch = serverAnswers();
    vi.stubGlobal('navigator', { onLine: false });
    const answer = await new FetchRangeSource(URL_).read(0, 4);
    expect([...new Uint8Array(answer.data)]).toEqual([9, 9, 9, 9]);
    expect(answer).toMatchObject({ fileSize: 100, etag: '"old"' });
    await expect(new FetchRangeSource(URL_).read(50, 4)).rejects.toThrow(/no offline copy of these bytes/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('should fall back to the offline copy when the network fails for good', async () => {
    install();
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    setNetTimeoutMs(200);
    const answer = await new FetchRangeSource(URL_).read(0, 4);
    expect([...new Uint8Array(answer.data)]).toEqual([9, 9, 9, 9]);
    await expect(new FetchRangeSource(URL_).read(50, 4)).rejects.toThrow(/network error/);
  });
});
