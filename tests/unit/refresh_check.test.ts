import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileVersion, versionChanged, versionedUrl, type Fetcher } from '../../src/sources/refresh_check';
import { startFileServer, type TestServer } from './refresh_server';

describe('readFileVersion against a static server', () => {
  let server: TestServer;
  const seen: Array<{ method: string; range: string | null }> = [];
  const recording: Fetcher = (url, init) => {
    seen.push({ method: init.method ?? 'GET', range: new Headers(init.headers).get('Range') });
    return fetch(url, init);
  };
  beforeEach(async () => {
    server = await startFileServer('first version');
    seen.length = 0;
  });
  afterEach(() => server.close());

  it('should read ETag, Last-Modified and size with a HEAD request', async () => {
    const version = await readFileVersion(server.url, recording);
    expect(version.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(new Date(version.lastModified!).getTime()).toBeGreaterThan(0);
    expect(version.size).toBe('first version'.length);
    expect(seen).toEqual([{ method: 'HEAD', range: null }]);
  });

  it('should see a replaced file as changed, and the same file as unchanged', async () => {
    const before = await readFileVersion(server.url);
    expect(versionChanged(before, await readFileVersion(server.url))).toBe(false);
    server.write('second, longer version');
    expect(versionChanged(before, await readFileVersion(server.url))).toBe(true);
  });

  it('should fall back to a 1-byte range request when HEAD is refused', async () => {
    server.headRefused = true;
    const version = await readFileVersion(server.url, recording);
    expect(seen.map((request) => request.method)).toEqual(['HEAD', 'GET']);
    expect(seen[1]!.range).toBe('bytes=0-0');
    expect(version.size).toBe('first version'.length);
    expect(version.etag).not.toBeNull();
  });

  it('should detect a change by size alone when the server sends neither ETag nor Last-Modified', async () => {
    server.send.etag = false;
    server.send.lastModified = false;
    const before = await readFileVersion(server.url);
    expect(before).toEqual({ etag: null, lastModified: null, size: 13 });
    server.write('a longer second version');
    expect(versionChanged(before, await readFileVersion(server.url))).toBe(true);
  });

  it('should fail with the URL and status when the file is gone', async () => {
    await expect(readFileVersion(server.url.replace('layer.bin', 'missing.bin'))).rejects.toThrow(/missing\.bin: HTTP 404/);
  });

  it('should fail when the server is unreachable', async () => {
    const url = server.url;
    await server.close();
    await expect(readFileVersion(url)).rejects.toThrow();
  });
});

describe('versionChanged', () => {
  const base = { etag: '"a"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', size: 10 };
  it('should let the ETag decide when both sides have one', () => {
    expect(versionChanged(base, { ...base, etag: '"b"' })).toBe(true);
    // same content served again with a newer date (e.g. copied over): not a new version
    expect(versionChanged(base, { ...base, lastModified: 'Tue, 02 Jan 2024 00:00:00 GMT' })).toBe(false);
  });
  it('should use Last-Modified, then size, without ETags', () => {
    const noEtag = { ...base, etag: null };
    expect(versionChanged(noEtag, { ...noEtag, lastModified: 'Tue, 02 Jan 2024 00:00:00 GMT' })).toBe(true);
    expect(versionChanged(noEtag, { ...noEtag, size: 11 })).toBe(true);
    expect(versionChanged(noEtag, { ...noEtag })).toBe(false);
  });
});

describe('versionedUrl', () => {
  it('should keep version 0 as is and add a version key otherwise, keeping the query', () => {
    expect(versionedUrl('http://h/data/a.pmtiles', 0)).toBe('http://h/data/a.pmtiles');
    expect(versionedUrl('http://h/data/a.pmtiles', 3)).toBe('http://h/data/a.pmtiles?gv=3');
    expect(versionedUrl('http://h/a.tif?sig=x', 2)).toBe('http://h/a.tif?sig=x&gv=2');
  });
});
