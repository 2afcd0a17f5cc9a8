import { describe, expect, it } from 'vitest';
import { addedLayerId, checkDataUrl, detectKind, displayName, kindFromName } from '../../src/queries/default_style_source';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('Add data: URL checks', () => {
  it('accepts http and https URLs', () => {
    expect(checkDataUrl(' https://example.org/a.tif ')).toEqual({ ok: true, url: 'https://example.org/a.tif' });
    expect(checkDataUrl('http://127.0.0.1:8080/x.pmtiles')).toMatchObject({ ok: true });
  });

  it('refuses javascript:, file:, data: and other schemes, naming the scheme', () => {
    expect(checkDataUrl('javascript:alert(1)')).toEqual({ ok: false, reason: 'scheme', scheme: 'javascript' });
    expect(checkDataUrl('file:///home/me/a.tif')).toEqual({ ok: false, reason: 'scheme', scheme: 'file' });
    expect(checkDataUrl('data:image/tiff;base64,AAAA')).toMatchObject({ ok: false, reason: 'scheme', scheme: 'data' });
    expect(checkDataUrl('ftp://example.org/a.tif')).toMatchObject({ ok: false, scheme: 'ftp' });
    expect(checkDataUrl('JaVaScRiPt:alert(1)', 'https://app.example/')).toMatchObject({ ok: false, scheme: 'javascript' });
  });

  it('reports empty and malformed input', () => {
    expect(checkDataUrl('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkDataUrl('not a url')).toEqual({ ok: false, reason: 'invalid' });
    expect(checkDataUrl('http://')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('resolves a relative path against the page (still http)', () => {
    expect(checkDataUrl('data/x.tif', 'https://app.example/geo/')).toEqual({ ok: true, url: 'https://app.example/geo/data/x.tif' });
  });
});

describe('Add data: file kind from magic bytes', () => {
  it('recognises little- and big-endian TIFF and BigTIFF', () => {
    expect(detectKind(bytes(0x49, 0x49, 42, 0, 8, 0, 0, 0))).toBe('cog');
    expect(detectKind(bytes(0x4d, 0x4d, 0, 42, 0, 0, 0, 8))).toBe('cog');
    expect(detectKind(bytes(0x49, 0x49, 43, 0, 8, 0, 0, 0))).toBe('cog');
  });

  it('recognises PMTiles and nothing else', () => {
    expect(detectKind(ascii('PMTiles\x03'))).toBe('pmtiles');
    expect(detectKind(ascii('<!doctype html>'))).toBeNull();
    expect(detectKind(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(detectKind(bytes())).toBeNull();
  });

  it('guesses from the extension only to word errors', () => {
    expect(kindFromName('https://x.org/a.TIF?x=1')).toBe('cog');
    expect(kindFromName('b.pmtiles')).toBe('pmtiles');
    expect(kindFromName('c.zip')).toBeNull();
  });
});

describe('Add data: names and ids', () => {
  it('shows the last path segment, decoded', () => {
    expect(displayName('https://x.org/dir/mon%20fichier.tif?token=1')).toBe('mon fichier.tif');
  });

  it('derives the same valid layer id from the same URL, different ones from different URLs', () => {
    const a = addedLayerId('https://x.org/a.tif');
    expect(a).toMatch(/^add-[0-9a-f]{8}$/);
    expect(addedLayerId('https://x.org/a.tif')).toBe(a);
    expect(addedLayerId('https://x.org/b.tif')).not.toBe(a);
  });
});
