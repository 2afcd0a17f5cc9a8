// An alpha band (ExtraSamples = unassociated alpha, as GDAL writes RGBA) is drawn as transparency:
// pixels with alpha 0 stay transparent, the others take their RGB colour.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { afterAll, describe, expect, it } from 'vitest';
import { exactSourcePixel } from '../../src/sources/cog/mesh';
import { openCog } from '../../src/sources/cog/open';
import { renderTile } from '../../src/sources/cog/render';
import { FileRangeSource } from '../../src/sources/file_source';

const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-alpha-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('alpha bands', () => {
  it('pixels with alpha 0 are transparent, the others opaque in their colour', async () => {
    const side = 64;
    const rgba = new Uint8Array(side * side * 4);
    for (let i = 0; i < side * side; i++) rgba.set([200, 40, 10, (i % side) < side / 2 ? 0 : 255], i * 4); // west half transparent
    const file = path.join(dir, 'rgba.tif');
    writeFileSync(file, Buffer.from(writeArrayBuffer(rgba, {
      width: side, height: side, PhotometricInterpretation: 2, ExtraSamples: 2,
      ModelPixelScale: [0.001, 0.001, 0], ModelTiepoint: [0, 0, 0, -71.3, 46.9, 0], GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1, GeographicTypeGeoKey: 4326,
    } as never)));
    const cog = await openCog(new FileRangeSource(file));
    expect(cog.levels[0]?.alpha).toBe(3);
    // the z14 tile over the raster's centre; look at tile pixels that fall on each half
    const z = 14, n = 2 ** z;
    const x = Math.floor(((-71.268 + 180) / 360) * n), y = Math.floor(((1 - Math.asinh(Math.tan((46.868 * Math.PI) / 180)) / Math.PI) / 2) * n);
    const out = await renderTile(cog, { mode: 'rgb', bands: [1, 2, 3], stretch: [[0, 255], [0, 255], [0, 255]], resampling: 'nearest' }, z, x, y, 256);
    let transparent = 0, opaque = 0;
    for (let py = 0; py < 256; py += 8) {
      for (let px = 0; px < 256; px += 8) {
        const [col, row] = exactSourcePixel(cog, z, x, y, 256, px + 0.5, py + 0.5);
        if (!(col >= 1 && row >= 1 && col < side - 1 && row < side - 1) || Math.abs(col - side / 2) < 1) continue;
        const at = (py * 256 + px) * 4;
        if (col < side / 2) { expect(out[at + 3], `${px},${py}`).toBe(0); transparent++; }
        else { expect(Array.from(out.subarray(at, at + 4))).toEqual([200, 40, 10, 255]); opaque++; }
      }
    }
    expect(transparent).toBeGreaterThan(10);
    expect(opaque).toBeGreaterThan(10);
    await cog.close();
  });
});
