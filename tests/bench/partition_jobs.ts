// Partitioned import with --jobs 2 (4 parts, two at a time, then the merge) against one import
// process, for the MRNF fire perimeters and a generated Float32 raster (100 Mpx by default,
// `GEOVEILLE_BENCH_MPX` changes it). Both sides use the same GDAL: native for rasters when installed
// (GEOVEILLE_GDAL=wasm forces gdal3.js), gdal3.js for vectors. Same outputs are checked by
// tests/unit/import_partition.test.ts; this only times them. Each row notes the load average.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { importMaybePartitioned } from '../../src/cli/import/partition_run';
import { usesNativeGdal } from '../../src/cli/import/raster_gdal';
import { writeGeneratedRaster } from '../unit/partition_fixture';
import type { BenchModule, BenchRow } from './table';
import { sharedPath, REPO_ROOT as repoRoot } from '../support/shared_data';

const fires = sharedPath('quebec/fires/mrnf_fires_by_decade_1880-2029.geojson');

async function singleProcess(input: string, dir: string): Promise<number> {
  const started = performance.now();
  await promisify(execFile)(path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join(repoRoot, 'src/cli/import/main.ts'), input, '--id', 'bench',
    '--out-dir', path.join(dir, 'single'), '--layers-dir', path.join(dir, 'single-layers')], { cwd: repoRoot, maxBuffer: 1 << 24 });
  return performance.now() - started;
}

async function partitioned(input: string, dir: string): Promise<number> {
  const started = performance.now();
  await importMaybePartitioned({ input, id: 'bench', outDir: path.join(dir, 'parts'), layersDir: path.join(dir, 'parts-layers') }, 4, 2);
  return performance.now() - started;
}

async function compare(name: string, input: string, dir: string): Promise<BenchRow> {
  const parts = await partitioned(input, dir);
  const single = await singleProcess(input, dir);
  const [a, b] = await Promise.all(['single', 'parts'].map((d) => fs.stat(path.join(dir, d, `bench${path.extname(input) === '.tif' ? '.tif' : '.pmtiles'}`))));
  const gdal = path.extname(input) === '.tif' && (await usesNativeGdal()) ? 'native GDAL' : 'gdal3.js';
  return { case: `import ${name}, ${gdal}`, baseline: 'one process', ours_ms: parts, theirs_ms: single, check: `4 parts, --jobs 2; sizes ${b!.size} vs ${a!.size} B`, note: `load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}` };
}

const bench: BenchModule = {
  name: 'partition import',
  async run() {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-partition-'));
    try {
      const rows: BenchRow[] = [];
      if (existsSync(fires)) rows.push(await compare('fires by decade (GeoJSON → PMTiles)', fires, path.join(dir, 'fires')));
      const mpx = Number(process.env.GEOVEILLE_BENCH_MPX ?? 100);
      const side = Math.round(Math.sqrt(mpx * 1e6));
      const raster = path.join(dir, 'generated.tif');
      writeGeneratedRaster(raster, side, side);
      rows.push(await compare(`generated raster ${side}×${side} Float32 (GeoTIFF → COG)`, raster, path.join(dir, 'raster')));
      return rows;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
