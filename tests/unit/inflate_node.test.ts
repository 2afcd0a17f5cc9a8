// node:zlib for deflate tiles (the CLI's decoder): the same pixels as geotiff.js's pako decoder on
// deflate COGs with each TIFF predictor, and a tile zlib refuses still goes through pako.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { getDecoder, type TypedArray } from 'geotiff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAllLevels } from '../support/decode_levels';
import { blockBytes, inflateNative, useNativeInflate } from '../../src/sources/cog/inflate_node';

const hasGdal = existsSync('/usr/bin/gdal_translate');
const W = 600, H = 530;
const PREDICTORS = [1, 2, 3] as const;
let dir = '';
const files = new Map<number, string>();
const params = { tileWidth: 256, tileHeight: 256, predictor: 1, bitsPerSample: 32, planarConfiguration: 1 };
/** geotiff.js's own deflate decoder, kept before the native one replaces it. */
let pakoDecoder: Awaited<ReturnType<typeof getDecoder>>;

beforeAll(async () => {
  pakoDecoder = await getDecoder(8, params);
  if (!hasGdal) return;
  dir = mkdtempSync(path.join(tmpdir(), 'geoveille-inflate-'));
  const data = Float32Array.from({ length: W * H }, (_, i) => Math.sin(i / 37) * 100 + (i % W) + ((i * 7919) % 13) / 7);
  writeFileSync(path.join(dir, 'raw.img'), Buffer.from(data.buffer));
  writeFileSync(path.join(dir, 'raw.hdr'), `ENVI\nsamples = ${W}\nlines = ${H}\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\ndata type = 4\ninterleave = bsq\nbyte order = 0\n`);
  for (const predictor of PREDICTORS) {
    const file = path.join(dir, `p${predictor}.tif`);
    execFileSync('gdal_translate', ['-q', '-of', 'COG', '-a_srs', 'EPSG:32198', '-a_ullr', '0', String(H * 10), String(W * 10), '0',
      '-co', 'COMPRESS=DEFLATE', '-co', `PREDICTOR=${predictor === 1 ? 'NO' : predictor}`, '-co', 'BLOCKSIZE=256', path.join(dir, 'raw.img'), file]);
    files.set(predictor, file);
  }
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });


describe.skipIf(!hasGdal)('deflate through node:zlib (gdal_translate makes the COGs; skipped without it)', () => {
  it('gives the same pixels as pako for predictors 1, 2 and 3, on every level', async () => {
    expect((await getDecoder(8, params)).constructor.name).toBe('DeflateDecoder');
    const byPako = new Map<number, TypedArray[]>();
    for (const predictor of PREDICTORS) byPako.set(predictor, await decodeAllLevels(files.get(predictor)!));
    await useNativeInflate();
    expect((await getDecoder(8, params)).constructor.name).toBe('NativeDeflateDecoder');
    expect((await getDecoder(32946, params)).constructor.name).toBe('NativeDeflateDecoder');
    for (const predictor of PREDICTORS) {
      const native = await decodeAllLevels(files.get(predictor)!);
      const pako = byPako.get(predictor)!;
      expect(native.length).toBeGreaterThan(1); // full resolution and an overview
      expect(native.map((a) => a.length)).toEqual(pako.map((a) => a.length));
      native.forEach((values, i) => expect(Buffer.compare(Buffer.from(values.buffer), Buffer.from(pako[i]!.buffer))).toBe(0));
    }
  });
});

describe('inflateNative', () => {
  it('returns a buffer of exactly the inflated length, also for small outputs zlib pools', () => {
    for (const size of [10, 4096, 262144]) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 31) % 251);
      const out = inflateNative(new Uint8Array(deflateSync(bytes)).buffer);
      expect(out.byteLength).toBe(size);
      expect(Buffer.compare(Buffer.from(out), Buffer.from(bytes))).toBe(0);
    }
  });

  it('hands a stream zlib refuses (truncated) to pako, which decides as before', async () => {
    await useNativeInflate();
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * i * 7919) % 251);
    const whole = deflateSync(bytes);
    const truncated = new Uint8Array(whole.subarray(0, whole.length >> 1)); // a copy: a Buffer's .buffer is zlib's pool
    expect(() => inflateNative(truncated.slice().buffer)).toThrow();
    const decoder = await getDecoder(8, { ...params, tileWidth: 5000, tileHeight: 1, bitsPerSample: 8 });
    expect(decoder.constructor.name).toBe('NativeDeflateDecoder');
    const outcome = async (d: typeof decoder) => (async () => d.decodeBlock(truncated.slice().buffer))().then((b) => new Uint8Array(b), (e: unknown) => ({ thrown: e }));
    const viaPako = await outcome(pakoDecoder);
    expect(viaPako).toEqual({ thrown: 'buffer error' }); // pako throws a string
    expect(await outcome(decoder)).toEqual(viaPako);
  });

  it('sizes the output chunk to the decoded block, and gives the same bytes whatever the size given', () => {
    expect(blockBytes({ tileWidth: 256, tileHeight: 256, predictor: 1, bitsPerSample: 32, planarConfiguration: 1 })).toBe(262144);
    expect(blockBytes({ tileWidth: 256, tileHeight: 256, predictor: 1, bitsPerSample: [8, 8, 8], planarConfiguration: 1 })).toBe(196608);
    expect(blockBytes({ tileWidth: 256, tileHeight: 256, predictor: 1, bitsPerSample: [16, 16], planarConfiguration: 2 })).toBe(131072);
    expect(blockBytes({ tileWidth: 3, tileHeight: 1, predictor: 1, bitsPerSample: 1, planarConfiguration: 1 })).toBe(64); // zlib's smallest chunk
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251);
    const stream = new Uint8Array(deflateSync(bytes)).buffer;
    for (const size of [undefined, 64, 16_384, 69_999, 70_000, 70_001, 1 << 20]) {
      const out = inflateNative(stream, size);
      expect(out.byteLength).toBe(70_000);
      expect(Buffer.compare(Buffer.from(out), Buffer.from(bytes))).toBe(0);
    }
  });
});
