// Zonal statistics at province scale (issue 15): the compiled CLI (`npm run cli -- stats`, a child
// process timed with /usr/bin/time for its max RSS) on generated 25 and 100 Mpx Float32 deflate
// COGs (256² tiles, lidar-like values in 1/64 steps) × a disc covering 77 % of the raster, against
// the decode limit: this process opening the file, reading and decoding (node:zlib) every tile the
// disc touches, with no statistics. A/B interleaved, median of 3. The ratio is of CPU seconds
// (user + system): on the shared 2-core machine wall time mostly measures the other jobs. The rasters are made once with
// gdal_translate and kept in the temp folder (GEOVEILLE_BENCH_ZONAL_MPX=25,100 picks the sizes).
import { execFile } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Feature, Polygon } from 'geojson';
import { openCog, type CogLevel } from '../../src/sources/cog/open';
import { blockRanges } from '../../src/sources/cog/blocks';
import { FileRangeSource } from '../../src/sources/file_source';
import { useNativeInflate } from '../../src/sources/cog/inflate_node';
import { aoiSpans } from '../../src/queries/zonal_stats';
import { tilesTouched } from '../../src/queries/zonal_stream';
import { decode } from '../../src/queries/zonal_tiles';
import { REPO_ROOT as repoRoot } from '../support/shared_data';
import type { BenchModule, BenchRow } from './table';

const run = promisify(execFile);
const RES = 10, X0 = -300_000, Y0 = 600_000; // Québec Lambert (EPSG:32198), 10 m pixels
const RUNS = 3;
const folder = path.join(os.tmpdir(), 'geoveille-bench-zonal');
const loadNow = () => os.loadavg()[0]!.toFixed(1);

/** A side × side Float32 deflate COG (made once): smooth relief plus fine texture, in 1/64 steps. */
export async function raster(side: number): Promise<string> {
  const file = path.join(folder, `float32_${side}.tif`);
  if (existsSync(file)) return file;
  mkdirSync(folder, { recursive: true });
  const raw = path.join(folder, `raw_${side}.img`);
  const fd = openSync(raw, 'w');
  const row = new Float32Array(side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = 300 + 200 * Math.sin(x / 800) * Math.cos(y / 650) + 40 * Math.sin((x + y) / 97) + (((x * 7919) ^ (y * 104729)) % 97) / 97;
      row[x] = Math.round(v * 64) / 64;
    }
    writeSync(fd, row);
  }
  closeSync(fd);
  writeFileSync(path.join(folder, `raw_${side}.hdr`), `ENVI\nsamples = ${side}\nlines = ${side}\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\ndata type = 4\ninterleave = bsq\nbyte order = 0\n`);
  await run('gdal_translate', ['-q', '-of', 'COG', '-a_srs', 'EPSG:32198', '-a_ullr', String(X0), String(Y0), String(X0 + side * RES), String(Y0 - side * RES),
    '-co', 'COMPRESS=DEFLATE', '-co', 'BLOCKSIZE=256', '-co', 'NUM_THREADS=2', raw, `${file}.part`]);
  renameSync(`${file}.part`, file);
  rmSync(raw);
  return file;
}

/** A disc of radius 0.495 side (77 % of the pixels), 256 vertices, as lon/lat GeoJSON. */
async function disc(file: string, side: number): Promise<{ aoi: Feature<Polygon>; file: string }> {
  const cog = await openCog(new FileRangeSource(file));
  const [cx, cy, r] = [X0 + (side * RES) / 2, Y0 - (side * RES) / 2, 0.495 * side * RES];
  const ring = Array.from({ length: 257 }, (_, i) => cog.proj.inverse([cx + r * Math.cos((i % 256) * Math.PI / 128), cy + r * Math.sin((i % 256) * Math.PI / 128)]) as number[]);
  await cog.close();
  const aoi: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
  const aoiFile = path.join(folder, `disc_${side}.geojson`);
  writeFileSync(aoiFile, JSON.stringify(aoi));
  return { aoi, file: aoiFile };
}

/** Open, then read and decode every tile under the AOI, tile row by tile row, as the stats do. */
async function decodeLimit(file: string, aoi: Feature<Polygon>): Promise<{ ms: number; cpuS: number; pixels: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const cog = await openCog(new FileRangeSource(file));
  const level = cog.levels[0] as CogLevel;
  const spans = aoiSpans(cog, aoi.geometry, 0);
  for (const row of tilesTouched(level.image, spans)) {
    await cog.bytes.prefetch(row.flatMap((window) => blockRanges(level.image, window)));
    for (const window of row) await decode(level, window, 0);
  }
  await cog.close();
  let pixels = 0;
  for (const rowSpans of spans.rows) for (let i = 0; i + 1 < rowSpans.length; i += 2) pixels += rowSpans[i + 1]! - rowSpans[i]!;
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuS: (used.user + used.system) / 1e6, pixels };
}

/** The compiled CLI's `stats` as a child process: wall time, CPU, max RSS and its count. */
async function cliStats(file: string, aoiFile: string): Promise<{ ms: number; cpuS: number; rssMiB: number; count: number }> {
  const { stdout, stderr } = await run('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, path.join(repoRoot, 'dist-cli/main.js'), 'stats', '--raster', file, '--aoi', aoiFile],
    { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  const [wall, user, system, rssKiB] = stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number, number];
  return { ms: wall * 1000, cpuS: user + system, rssMiB: rssKiB / 1024, count: (JSON.parse(stdout) as { count: number }).count };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function measure(side: number): Promise<{ row: BenchRow; cliCpuMs: number }> {
  const file = await raster(side);
  const { aoi, file: aoiFile } = await disc(file, side);
  const limits: Array<Awaited<ReturnType<typeof decodeLimit>>> = [], clis: Array<Awaited<ReturnType<typeof cliStats>>> = [];
  const loads = [loadNow()];
  let pixels = 0;
  for (let i = 0; i < RUNS; i++) {
    const limit = await decodeLimit(file, aoi);
    pixels = limit.pixels;
    limits.push(limit);
    clis.push(await cliStats(file, aoiFile));
  }
  loads.push(loadNow());
  const cliCpuMs = 1000 * median(clis.map((c) => c.cpuS));
  const counts = [...new Set(clis.map((c) => c.count))];
  const mpx = (side * side) / 1e6;
  return {
    cliCpuMs,
    row: {
      case: `zonal ${mpx} Mpx Float32 × disc (${((100 * pixels) / (side * side)).toFixed(0)} %), CLI stats, CPU`,
      baseline: 'decode limit (open + read + node:zlib decode), CPU',
      ours_ms: cliCpuMs,
      theirs_ms: 1000 * median(limits.map((l) => l.cpuS)),
      check: `count ${counts.join('/')} ${counts.length === 1 && counts[0] === pixels ? '=' : '≠'} ${pixels} pixels inside`,
      note: `wall ${(median(clis.map((c) => c.ms)) / 1000).toFixed(1)} s vs ${(median(limits.map((l) => l.ms)) / 1000).toFixed(1)} s, max RSS ${median(clis.map((c) => c.rssMiB)).toFixed(0)} MiB (worst ${Math.max(...clis.map((c) => c.rssMiB)).toFixed(0)}), load ${loads.join(' → ')}`,
    },
  };
}

const bench: BenchModule = {
  name: 'zonal scale (25 and 100 Mpx vs the decode limit)',
  async run(): Promise<BenchRow[]> {
    await useNativeInflate();
    await run(process.execPath, [path.join(repoRoot, 'scripts/cli.mjs'), '--help'], { cwd: repoRoot }); // builds dist-cli when stale
    const sides = (process.env.GEOVEILLE_BENCH_ZONAL_MPX ?? '25,100').split(',').map((mpx) => Math.round(Math.sqrt(Number(mpx) * 1e6)));
    const measured = [];
    for (const side of sides) measured.push(await measure(side));
    const rows = measured.map((m) => m.row);
    const [small, large] = [measured[0], measured.at(-1)];
    if (small && large && large !== small) {
      const factor = Math.round(sides.at(-1)! ** 2 / sides[0]! ** 2);
      rows.push({ case: `zonal CLI CPU, ${sides.at(-1)! ** 2 / 1e6} Mpx vs ${factor}× ${sides[0]! ** 2 / 1e6} Mpx (linear: 1.0×)`,
        baseline: `${factor}× the small raster's CPU`, ours_ms: large.cliCpuMs, theirs_ms: factor * small.cliCpuMs, check: '', note: 'includes node start-up once per run' });
    }
    return rows;
  },
};
export default bench;
