// The network settings are an object a source is given, not module variables: a source built
// with its own SourceNetwork sees that object's offline copy, deadline and Retry, and the page's
// settings do not leak into it (nor its into the page's).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemOf } from '../../src/sources/errors';
import { SourceNetwork, pageNetwork } from '../../src/sources/net_context';
import { FetchRangeSource } from '../../src/sources/source';
import { fetchWithRetry } from '../../src/sources/http_retry';

const URL_ = 'https://example.test/b.pmtiles';
const STORED = new Uint8Array([7, 7, 7, 7]).buffer;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SourceNetwork', () => {
  afterEach(() => pageNetwork.setTimeoutMs(null));
  it('reads the offline copy of the network it was given, not the page one', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const fetch = vi.fn(async () => { throw new TypeError('Failed to fetch'); });
    vi.stubGlobal('fetch', fetch);
    const own = new SourceNetwork();
    own.setOfflineRanges({ read: async (_url, offset, length) => ({ data: STORED.slice(offset, offset + length), fileSize: 4, etag: null }) });
    expect(pageNetwork.offlineRanges).toBeNull();
    const answer = await new FetchRangeSource(URL_, own).read(0, 4);
    expect([...new Uint8Array(answer.data)]).toEqual([7, 7, 7, 7]);
    expect(fetch).not.toHaveBeenCalled();
    // The page's network has no offline copy: the read goes to the (failing) network.
    const error = await new FetchRangeSource(URL_).read(0, 4).then(() => null, (caught: unknown) => caught);
    expect(problemOf(error)).toMatchObject({ code: 'network', attempts: 3 });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('applies its own deadline and forgets a failure only on its own Retry', async () => {
    const fetch = vi.fn((_url: string, init: RequestInit) => new Promise<Response>((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
    }));
    vi.stubGlobal('fetch', fetch);
    const own = new SourceNetwork();
    own.setTimeoutMs(100);
    const source = new FetchRangeSource(URL_, own);
    const first = await source.read(0, 4).then(() => null, (caught: unknown) => caught);
    expect(problemOf(first)).toMatchObject({ code: 'timeout', seconds: 0.1, attempts: 3 });
    expect(fetch).toHaveBeenCalledTimes(3);
    // Within the quiet period the failure is answered from memory; the page's Retry does not touch it.
    pageNetwork.retryFailedReads();
    await expect(source.read(0, 4)).rejects.toThrow(/does not answer/);
    expect(fetch).toHaveBeenCalledTimes(3);
    own.retryFailedReads();
    await expect(source.read(0, 4)).rejects.toThrow(/does not answer/);
    expect(fetch).toHaveBeenCalledTimes(6);
    expect(pageNetwork.timeoutMs()).toBe(15_000);
  }, 20_000);

  it('calls a failed read "blocked" only when the page reported a policy violation for that site', async () => {
    vi.stubGlobal('location', { href: 'https://app.example/index.html' });
    const violations = new EventTarget();
    const own = new SourceNetwork(violations);
    const url = 'http://tiles.example/a.pmtiles';
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const attempt = () => fetchWithRetry(url, {}, { network: own, baseDelayMs: 1 }).then(() => null, (caught: unknown) => caught);
    // Same TypeError, no violation reported (a server without CORS, or a page without that policy): a network error.
    expect(problemOf(await attempt())).toMatchObject({ code: 'network', url, attempts: 3 });
    violations.dispatchEvent(Object.assign(new Event('securitypolicyviolation'), { blockedURI: 'http://tiles.example/a.pmtiles' }));
    const blocked = problemOf(await attempt());
    expect(blocked).toMatchObject({ code: 'blocked', url });
    expect(blocked.message).toContain('https://');
    // https:// on the same site is never called blocked, whatever was reported.
    expect(own.refusedByPolicy('http://other.example/b.tif')).toBe(false);
  });
});
