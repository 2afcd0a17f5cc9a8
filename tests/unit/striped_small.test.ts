// Striped (non-COG) GeoTIFFs: a small one is read whole in one request when opened (then every
// strip comes from memory), with values equal to GDAL's; a large one is refused in the browser
// with the reason and the limit, in the UI language.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setLang } from '../../src/i18n';
import { SizeError } from '../../src/sources/errors';
import { identify } from '../../src/sources/cog/identify';
import { openCog, SMALL_STRIPED_BYTES } from '../../src/sources/cog/open';
import { readSamples } from '../../src/sources/cog/window_read';
import { FileRangeSource } from '../../src/sources/file_source';
import { layerErrorText } from '../../src/ui/layer_error_text';

const hasGdal = existsSync('/usr/bin/gdal_translate') && existsSync('/usr/bin/gdallocationinfo');
const W = 300, H = 200, RES = 100, X0 = -250000, Y0 = 400000;
let dir = '', file = '';

beforeAll(() => {
  if (!hasGdal) return;
  dir = mkdtempSync(path.join(tmpdir(), 'geoveille-striped-small-'));
  const data = Float32Array.from({ length: W * H }, (_, i) => Math.sin(i / 37) * 100 + (i % W));
  writeFileSync(path.join(dir, 'raw.img'), Buffer.from(data.buffer));
  writeFileSync(path.join(dir, 'raw.hdr'), `ENVI\nsamples = ${W}\nlines = ${H}\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\ndata type = 4\ninterleave = bsq\nbyte order = 0\n`);
  file = path.join(dir, 'striped.tif');
  // one row per strip: 200 strips, as old tools write them
  execFileSync('gdal_translate', ['-q', '-a_srs', 'EPSG:32198', '-a_ullr', String(X0), String(Y0), String(X0 + W * RES), String(Y0 - H * RES),
    '-co', 'BLOCKYSIZE=1', '-co', 'COMPRESS=DEFLATE', path.join(dir, 'raw.img'), file]);
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe.skipIf(!hasGdal)('a small striped GeoTIFF (gdal-bin; skipped without gdal_translate and gdallocationinfo)', () => {
  it('is read whole when opened: 3 requests in all for the whole image and points (145 strip by strip); values equal GDAL', async () => {
    const cog = await openCog(new FileRangeSource(file));
    expect(cog.levels[0]?.image.isTiled).toBe(false);
    expect(cog.bytes.fileSize).toBeLessThan(SMALL_STRIPED_BYTES);
    const opened = cog.bytes.stats.requests;
    expect(opened).toBeLessThanOrEqual(2); // the 64 KiB header block, then the rest of the file
    const [values] = await readSamples(cog.levels[0]!.image, [0, 0, W, H], [0]);
    for (const [col, row] of [[0, 0], [123, 45], [299, 199]] as Array<[number, number]>) {
      const gdal = Number(execFileSync('gdallocationinfo', ['-valonly', file, String(col), String(row)]).toString());
      expect(values![row * W + col]).toBeCloseTo(gdal, 4);
      expect((await identify(cog, ...(cog.proj.inverse([X0 + (col + 0.5) * RES, Y0 - (row + 0.5) * RES]) as [number, number])))[0]).toBeCloseTo(gdal, 4);
    }
    // at most one more: a strip straddling the header block's end (read strip by strip: 145 in all)
    expect(cog.bytes.stats.requests).toBeLessThanOrEqual(opened + 1);
    await cog.close();
  });
});

describe('a striped GeoTIFF above the browser\'s limit', () => {
  const refusal = new SizeError('striped-too-large', 'the file is not cloud optimized (striped, 240 MiB uncompressed, more than 64 MiB)', 'https://x/big.tif', { mib: 240, limit: 64 }).problem;
  it('is explained in the UI language with its size and the limit', async () => {
    await initI18n('fr');
    const fr = layerErrorText('Orthophoto', refusal);
    expect(fr).toContain('« Orthophoto »');
    expect(fr).toContain('240 Mio');
    expect(fr).toContain('64 Mio');
    expect(fr).not.toContain('cloud optimized (striped');
    await setLang('en');
    expect(layerErrorText('Orthophoto', refusal)).toContain('Above 64 MiB');
  });
});
