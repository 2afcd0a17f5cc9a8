// Deflate tiles inflated on worker_threads (the CLI's zonal statistics): the same pixels as
// geotiff.js's pako decoder for each TIFF predictor, the same zonal statistics with the row-ahead
// pipeline, the work really done by the workers, and a stream zlib refuses still decided by pako.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { getDecoder, type TypedArray } from 'geotiff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { decodeAllLevels } from '../support/decode_levels';
import { zonalStats } from '../../src/queries/zonal_stats';
import { InflatePool, useThreadedInflate } from '../../src/sources/cog/inflate_threads';

const hasGdal = existsSync('/usr/bin/gdal_translate');
const W = 700, H = 600, RES = 10, X0 = -250000, Y0 = 400000;
const PREDICTORS = [1, 2, 3] as const;
const params = { tileWidth: 256, tileHeight: 256, predictor: 1, bitsPerSample: 8, planarConfiguration: 1 };
let dir = '';
const files = new Map<number, string>();

/** Counts the blocks the workers inflate. */
class CountingPool extends InflatePool {
  blocks = 0;
  override inflate(bytes: Uint8Array, size: number): Promise<ArrayBuffer> {
    this.blocks++;
    return super.inflate(bytes, size);
  }
}
const pool = new CountingPool(2);
/** geotiff.js's own deflate decoder, kept before the threaded one replaces it. */
let pakoDecoder: Awaited<ReturnType<typeof getDecoder>>;

beforeAll(async () => {
  pakoDecoder = await getDecoder(8, params);
  if (!hasGdal) return;
  dir = mkdtempSync(path.join(tmpdir(), 'geoveille-inflate-threads-'));
  const data = Float32Array.from({ length: W * H }, (_, i) => (i % 97 === 0 ? -9999 : Math.round((Math.sin(i / 91) * 50 + (i % W) / 7) * 64) / 64));
  writeFileSync(path.join(dir, 'raw.img'), Buffer.from(data.buffer));
  writeFileSync(path.join(dir, 'raw.hdr'), `ENVI\nsamples = ${W}\nlines = ${H}\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\ndata type = 4\ninterleave = bsq\nbyte order = 0\n`);
  for (const predictor of PREDICTORS) {
    const file = path.join(dir, `p${predictor}.tif`);
    execFileSync('gdal_translate', ['-q', '-of', 'COG', '-a_srs', 'EPSG:32198', '-a_nodata', '-9999', '-a_ullr', String(X0), String(Y0), String(X0 + W * RES), String(Y0 - H * RES),
      '-co', 'COMPRESS=DEFLATE', '-co', `PREDICTOR=${predictor === 1 ? 'NO' : predictor}`, '-co', 'BLOCKSIZE=256', path.join(dir, 'raw.img'), file]);
    files.set(predictor, file);
  }
});
afterAll(async () => {
  await pool.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});


async function statsOf(file: string) {
  const cog = await openCog(new FileRangeSource(file));
  // a lon/lat quadrilateral over most of the raster, its edges through tiles
  const corner = (fx: number, fy: number) => cog.proj.inverse([X0 + fx * W * RES, Y0 - fy * H * RES]) as number[];
  const ring = [corner(0.05, 0.1), corner(0.9, 0.02), corner(0.97, 0.93), corner(0.1, 0.8), corner(0.05, 0.1)];
  try {
    return await zonalStats(cog, { type: 'Polygon', coordinates: [ring] });
  } finally {
    await cog.close();
  }
}

describe.skipIf(!hasGdal)('deflate on worker_threads (gdal_translate makes the COGs; skipped without it)', () => {
  it('gives the same pixels and the same zonal statistics as pako, the workers doing the inflating', async () => {
    const byPako = new Map<number, { pixels: TypedArray[]; stats: unknown }>();
    for (const predictor of PREDICTORS) byPako.set(predictor, { pixels: await decodeAllLevels(files.get(predictor)!), stats: await statsOf(files.get(predictor)!) });
    expect(await useThreadedInflate(pool)).toBe(pool);
    for (const predictor of PREDICTORS) {
      const before = pool.blocks;
      const pixels = await decodeAllLevels(files.get(predictor)!);
      const pako = byPako.get(predictor)!;
      expect(pool.blocks - before).toBeGreaterThanOrEqual(9); // 3 × 3 full-resolution tiles at least
      expect(pixels.map((a) => a.length)).toEqual(pako.pixels.map((a) => a.length));
      pixels.forEach((values, i) => expect(Buffer.compare(Buffer.from(values.buffer, values.byteOffset, values.byteLength), Buffer.from(pako.pixels[i]!.buffer, pako.pixels[i]!.byteOffset, pako.pixels[i]!.byteLength))).toBe(0));
      const stats = await statsOf(files.get(predictor)!);
      expect((stats as { count: number }).count).toBeGreaterThan(200_000);
      expect(stats).toEqual(pako.stats);
    }
  });
});

describe('the inflate pool', () => {
  it('hands a stream zlib refuses to the previous decoder (pako decides, as before)', async () => {
    expect(pakoDecoder.constructor.name).toBe('DeflateDecoder');
    await useThreadedInflate(pool);
    const decoder = await getDecoder(8, params);
    expect(decoder.constructor.name).toBe('ThreadedDeflateDecoder');
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * i * 7919) % 251);
    const whole = deflateSync(bytes);
    const truncated = new Uint8Array(whole.subarray(0, whole.length >> 1));
    await expect(pool.inflate(truncated, bytes.length)).rejects.toThrow();
    for (const size of [64, bytes.length, 65536]) expect(Buffer.from(await pool.inflate(whole, size))).toEqual(Buffer.from(bytes)); // any output chunk size
    expect(whole.byteLength).toBeGreaterThan(0); // the caller's bytes stay (a copy is transferred, not them)
    expect(Buffer.from(await decoder.decode(new Uint8Array(whole).buffer))).toEqual(Buffer.from(bytes));
    const outcome = async (d: typeof decoder) => (async () => d.decodeBlock(truncated.slice().buffer))().then((b) => new Uint8Array(b), (e: unknown) => ({ thrown: e }));
    const viaPako = await outcome(pakoDecoder);
    expect(viaPako).toEqual({ thrown: 'buffer error' }); // pako throws a string
    expect(await outcome(decoder)).toEqual(viaPako);
  });
});
