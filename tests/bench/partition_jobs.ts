// Partitioned import with --jobs 2 (4 parts, two at a time, then the merge) against one import
// process, for the MRNF fire perimeters and a generated Float32 raster (100 Mpx by default,
// `GEOVEILLE_BENCH_MPX` changes it; `GEOVEILLE_BENCH_ROUNDS` repeats the interleaved runs, 2 by default;
// `GEOVEILLE_BENCH_CASES=fires` or `=raster` runs one case).
// Rasters also run one process with two GDAL threads (GDAL_NUM_THREADS=2): the merge of a `--jobs 2`
// import compresses with two threads, so that is the like-with-like baseline. Every side runs niced
// as its own process under /usr/bin/time (wall and CPU of the whole process tree), A/B interleaved,
// with the load average at its start and end; the outputs are compared (decoded tiles; gdalinfo
// checksums of every level) — tests/unit/import_partition.test.ts holds the pixel-by-pixel proofs.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { usesNativeGdal } from '../../src/cli/import/raster_gdal';
import { decodedTiles, writeGeneratedRaster } from '../unit/partition_fixture';
import type { BenchModule, BenchRow } from './table';
import { sharedPath, REPO_ROOT as repoRoot } from '../support/shared_data';

const run = promisify(execFile);
const fires = sharedPath('quebec/fires/mrnf_fires_by_decade_1880-2029.geojson');

interface Side {
  name: string;
  partitions: number;
  jobs: number;
  env?: Record<string, string>;
}
interface Timing {
  wall: number;
  cpu: number;
  load: string;
}

const load1 = (): string => os.loadavg()[0]!.toFixed(1);

async function timeSide(side: Side, input: string, outDir: string): Promise<Timing> {
  await fs.rm(outDir, { recursive: true, force: true });
  const before = load1();
  const { stderr } = await run('/usr/bin/time', ['-f', 'TIME %e %U %S', 'nice', path.join(repoRoot, 'node_modules/.bin/tsx'),
    path.join(repoRoot, 'tests/bench/partition_side.ts'), input, outDir, String(side.partitions), String(side.jobs)],
  { cwd: repoRoot, maxBuffer: 1 << 24, env: { ...process.env, ...side.env } });
  const [wall, user, system] = (/TIME (\S+) (\S+) (\S+)/.exec(stderr) ?? []).slice(1).map(Number);
  return { wall: wall! * 1000, cpu: (user! + system!) * 1000, load: `${before} → ${load1()}` };
}

/** "same …" when every side's output equals the first one's. */
async function sameOutputs(files: string[]): Promise<string> {
  if (files[0]!.endsWith('.pmtiles')) {
    const decoded = await Promise.all(files.map((file) => decodedTiles(file, 'bench')));
    const same = decoded.every((tiles) => JSON.stringify([...tiles].sort()) === JSON.stringify([...decoded[0]!].sort()));
    return `${same ? 'same' : 'DIFFERENT'} decoded tiles (${decoded[0]!.size})`;
  }
  const sums = await Promise.all(files.map(async (file) => (await run('gdalinfo', ['-checksum', file])).stdout.split('\n').filter((l) => /Checksum|Overviews/.test(l)).join(';')));
  const levels = (sums[0]!.match(/\d+x\d+/g) ?? []).join(' ');
  return `${sums.every((s) => s === sums[0]) ? 'same' : 'DIFFERENT'} checksums at every level (overviews ${levels})`;
}

async function compare(name: string, input: string, dir: string, sides: Side[]): Promise<BenchRow[]> {
  const rounds = Number(process.env.GEOVEILLE_BENCH_ROUNDS ?? 2);
  const timings = new Map<string, Timing[]>(sides.map((side) => [side.name, []]));
  const output = (side: Side): string => path.join(dir, side.name.replace(/\W+/g, '-'));
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) timings.get(side.name)!.push(await timeSide(side, input, output(side)));
  }
  const extension = path.extname(input) === '.tif' ? '.tif' : '.pmtiles';
  const check = await sameOutputs(sides.map((side) => path.join(output(side), `bench${extension}`)));
  const ours = timings.get(sides[0]!.name)!;
  const median = (list: Timing[], key: 'wall' | 'cpu'): number => list.map((t) => t[key]).sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)]!;
  return sides.slice(1).map((side) => {
    const theirs = timings.get(side.name)!;
    const runs = (list: Timing[]): string => list.map((t) => `${(t.wall / 1000).toFixed(1)} s (CPU ${(t.cpu / 1000).toFixed(1)}, load ${t.load})`).join(', ');
    return { case: `import ${name}`, baseline: side.name, ours_ms: median(ours, 'wall'), theirs_ms: median(theirs, 'wall'), check,
      note: `${sides[0]!.name}: ${runs(ours)}; ${side.name}: ${runs(theirs)}` };
  });
}

const PARTS: Side = { name: '4 parts, --jobs 2', partitions: 4, jobs: 2 };
const ONE: Side = { name: 'one process', partitions: 1, jobs: 1 };
const ONE_THREADED: Side = { name: 'one process, GDAL_NUM_THREADS=2', partitions: 1, jobs: 1, env: { GDAL_NUM_THREADS: '2' } };

const bench: BenchModule = {
  name: 'partition import',
  async run() {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-partition-'));
    try {
      const rows: BenchRow[] = [];
      const cases = process.env.GEOVEILLE_BENCH_CASES ?? 'fires,raster';
      if (cases.includes('fires') && existsSync(fires)) rows.push(...(await compare('fires by decade (GeoJSON → PMTiles, gdal3.js)', fires, path.join(dir, 'fires'), [PARTS, ONE])));
      if (!cases.includes('raster')) return rows;
      const mpx = Number(process.env.GEOVEILLE_BENCH_MPX ?? 100);
      const side = Math.round(Math.sqrt(mpx * 1e6));
      const raster = path.join(dir, 'generated.tif');
      writeGeneratedRaster(raster, side, side);
      const gdal = (await usesNativeGdal()) ? 'native GDAL' : 'gdal3.js';
      rows.push(...(await compare(`generated raster ${side}×${side} Float32 (GeoTIFF → COG, ${gdal})`, raster, path.join(dir, 'raster'), [PARTS, ONE, ONE_THREADED])));
      return rows;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
