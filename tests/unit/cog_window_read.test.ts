// The row-copy window reader against geotiff.js readRasters on every shared COG: same typed
// array type and identical values, for whole tiles, edge tiles, windows across tiles, every level.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openCog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { fastReadable, readSample } from '../../src/sources/cog/window_read';
import type { PixelWindow } from '../../src/sources/cog/blocks';
import { hasSharedData, sharedData, sharedTiffs } from './cog_helpers';
import { skipReason } from '../support/shared_data';

function random(seed: number): () => number {
  return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
}

describe.skipIf(!hasSharedData)('readSample equals readRasters', () => {
  if (!hasSharedData) it.skip(skipReason(), () => undefined);

  it('on every shared COG, level and sample (random windows, edge tiles)', { timeout: 120_000 }, async () => {
    let fast = 0;
    for (const file of sharedTiffs().filter((f) => !f.endsWith('ol_not-a-cog.tif'))) {
      const cog = await openCog(new FileRangeSource(file)).catch(() => null);
      if (!cog) continue;
      const rand = random(file.length);
      try {
        for (const level of cog.levels) {
          const img = level.image;
          const [w, h] = [img.getWidth(), img.getHeight()];
          const tw = img.isTiled ? img.getTileWidth() : w;
          const edge: PixelWindow = [Math.floor((w - 1) / tw) * tw, 0, w, Math.min(h, img.getTileHeight())];
          const windows: PixelWindow[] = [[0, 0, Math.min(w, tw), Math.min(h, img.getTileHeight())], edge];
          for (let i = 0; i < 2; i++) {
            const x0 = Math.floor(rand() * w), y0 = Math.floor(rand() * h);
            windows.push([x0, y0, Math.min(w, x0 + 1 + Math.floor(rand() * 600)), Math.min(h, y0 + 1 + Math.floor(rand() * 600))]);
          }
          for (const sample of [0, cog.bands - 1]) {
            if (fastReadable(img, sample)) fast++;
            for (const window of windows) {
              const [truth] = await img.readRasters({ window, samples: [sample], interleave: false });
              const ours = await readSample(img, window, sample);
              expect(ours.constructor, `${path.relative(sharedData, file)} ${window}`).toBe((truth as object).constructor);
              expect(Buffer.from(ours.buffer, ours.byteOffset, ours.byteLength).equals(Buffer.from((truth as Uint8Array).buffer, (truth as Uint8Array).byteOffset, (truth as Uint8Array).byteLength)), `${path.relative(sharedData, file)} sample ${sample} ${window}`).toBe(true);
            }
          }
        }
      } finally {
        await cog.close();
      }
    }
    expect(fast).toBeGreaterThan(10); // the fast path is really exercised
  });
});
