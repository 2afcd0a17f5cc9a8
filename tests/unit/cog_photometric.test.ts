// JPEG-compressed YCbCr (the usual orthophoto encoding) is read as RGB, as GDAL hands it out, and
// the internal mask makes pixels transparent where GDAL's mask band is 0. Reference: the system
// GDAL (gdal-bin: gdal3.js has no JPEG codec), decoding the whole file once to a raw BIP file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { identify } from '../../src/sources/cog/identify';
import { openCog } from '../../src/sources/cog/open';
import { readSample, readSamples } from '../../src/sources/cog/window_read';
import { FileRangeSource } from '../../src/sources/file_source';
import { sharedData } from './cog_helpers';

const file = path.join(sharedData, 'fixtures/cog/ol_masked.tif');
const hasGdalBinary = existsSync('/usr/bin/gdal_translate');
const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-ycbcr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GDAL's decode of every pixel: [rgb (pixel-interleaved), mask]. */
function gdalDecode(): [Uint8Array, Uint8Array] {
  const rgb = path.join(dir, 'rgb.img'), mask = path.join(dir, 'mask.img');
  execFileSync('gdal_translate', ['-q', '-of', 'ENVI', '-co', 'INTERLEAVE=BIP', file, rgb]);
  execFileSync('gdal_translate', ['-q', '-of', 'ENVI', '-b', 'mask', file, mask]);
  return [readFileSync(rgb), readFileSync(mask)];
}

describe.skipIf(!existsSync(file) || !hasGdalBinary)('YCbCr JPEG with an internal mask (ol_masked.tif vs gdal-bin; skipped without ../shared/data or /usr/bin/gdal_translate)', () => {
  it('reads RGB as GDAL does: every pixel within ±2 per channel, the mask exactly', async () => {
    const cog = await openCog(new FileRangeSource(file));
    const level = cog.levels[0]!;
    const window: [number, number, number, number] = [0, 0, cog.width, cog.height];
    const ours = await readSamples(level.image, window, [0, 1, 2]);
    const ourMask = await readSample(level.mask!, window, 0);
    const [gdal, gdalMask] = gdalDecode();
    let maskDiffers = 0, within2 = 0, valid = 0, sum = 0, worstAll = 0;
    for (let i = 0; i < cog.width * cog.height; i++) {
      if ((gdalMask[i] !== 0) !== (ourMask[i] !== 0)) maskDiffers++;
      if (gdalMask[i] === 0) continue;
      valid++;
      let worst = 0;
      for (let b = 0; b < 3; b++) {
        const d = Math.abs((gdal[i * 3 + b] as number) - (ours[b]![i] as number));
        worst = Math.max(worst, d);
        sum += d;
      }
      if (worst <= 2) within2++;
      worstAll = Math.max(worstAll, worst);
    }
    expect(maskDiffers).toBe(0);
    expect(worstAll).toBeLessThanOrEqual(2);
    expect(within2).toBe(valid);
    expect(sum / valid / 3).toBeLessThan(0.05); // measured 0 here: libjpeg's islow IDCT, fancy upsampling and tables
    // identify at pixel (100, 100): GDAL's gdallocationinfo gives 13 47 46 (raw YCbCr would be 37 133 111)
    const { originX, originY, resX, resY } = cog.georef;
    expect(await identify(cog, originX + 100.5 * resX, originY - 100.5 * resY)).toEqual([13, 47, 46]);
    expect(await identify(cog, originX + 5.5 * resX, originY - 3.5 * resY)).toEqual([null, null, null]); // masked
    await cog.close();
  });
});
