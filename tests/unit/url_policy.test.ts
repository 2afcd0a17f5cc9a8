import { describe, expect, it } from 'vitest';
import { blockedByPolicy } from '../../src/queries/url_policy';

describe('URLs the page CSP blocks (connect-src self https: blob: data:)', () => {
  it('plain http on another origin is blocked; https, same origin and relative URLs are not', () => {
    const page = 'https://geoveille.example/app/index.html';
    expect(blockedByPolicy('http://data.example/ortho.tif', page)).toBe(true);
    expect(blockedByPolicy('https://data.example/ortho.tif', page)).toBe(false);
    expect(blockedByPolicy('data/local/a.tif', page)).toBe(false);
    expect(blockedByPolicy('http://localhost:4173/data/a.tif', 'http://localhost:4173/')).toBe(false);
    expect(blockedByPolicy('http://localhost:8080/a.tif', 'http://localhost:4173/')).toBe(true);
  });
});
