// YCbCr JPEG GeoTIFFs made here by gdal-bin (tests/unit/ycbcr_fixture.ts), tiled and striped, with
// odd sizes (partial edge tiles). The app's read and the CLI's identify must equal GDAL's
// decode within ±2 per channel (measured: equal).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCog } from '../../src/sources/cog/open';
import { readSamples } from '../../src/sources/cog/window_read';
import { FileRangeSource } from '../../src/sources/file_source';
import { repoRoot } from './cog_helpers';
import { gdalDecode, hasGdalBinary, HEIGHT, makeJpeg, WIDTH } from './ycbcr_fixture';

const run = promisify(execFile);
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
let dir = '';

describe.skipIf(!hasGdalBinary)('YCbCr JPEG equals GDAL (gdal-bin; skipped without /usr/bin/gdal_translate and gdallocationinfo)', () => {
  const files: Record<string, string> = {};
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'geoveille-ycbcr-gdal-'));
    files.tiled = makeJpeg(dir, 'tiled.tif', ['-co', 'TILED=YES', '-co', 'BLOCKXSIZE=128', '-co', 'BLOCKYSIZE=64']);
    files.striped = makeJpeg(dir, 'striped.tif', ['-co', 'BLOCKYSIZE=16']);
  });
  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it.each(['tiled', 'striped'])('%s: every pixel within ±2 of GDAL per channel', async (layout) => {
    const file = files[layout]!;
    const cog = await openCog(new FileRangeSource(file));
    const ours = await readSamples(cog.levels[0]!.image, [0, 0, WIDTH, HEIGHT], [0, 1, 2]);
    const gdal = gdalDecode(file);
    let worst = 0;
    for (let i = 0; i < WIDTH * HEIGHT; i++) {
      for (let b = 0; b < 3; b++) worst = Math.max(worst, Math.abs((gdal[i * 3 + b] as number) - (ours[b]![i] as number)));
    }
    expect(worst).toBeLessThanOrEqual(2);
    await cog.close();
  });

  it('CLI identify equals gdallocationinfo within ±2 at points on colour edges and tile borders', async () => {
    const points: Array<[number, number]> = [[0.5, 0.5], [127.5, 63.5], [128.5, 64.5], [300.5, 202.5], [7.5, 5.5], [150.5, 101.5]];
    for (const [col, row] of points) {
      const x = -300000 + col * 100, y = 500000 - row * 100;
      const gdal = execFileSync('gdallocationinfo', ['-valonly', '-geoloc', files.tiled!, String(x), String(y)]).toString().trim().split(/\s+/).map(Number);
      const lonLat = execFileSync('gdaltransform', ['-s_srs', 'EPSG:32198', '-t_srs', '+proj=longlat +datum=NAD83', '-output_xy'], { input: `${x} ${y}\n` }).toString().trim().split(/\s+/).map(Number);
      const { stdout } = await run(tsx, ['src/cli/main.ts', 'identify', '--raster', files.tiled!, '--lon', String(lonLat[0]), '--lat', String(lonLat[1])], { cwd: repoRoot });
      const values = (JSON.parse(stdout) as { values: number[] }).values;
      expect(values, `pixel ${col},${row}`).toHaveLength(3);
      values.forEach((v, b) => expect(Math.abs(v - (gdal[b] as number)), `pixel ${col},${row} band ${b + 1}: ours ${values} GDAL ${gdal}`).toBeLessThanOrEqual(2));
    }
  }, 60_000);
});
