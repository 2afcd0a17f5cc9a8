// One import, whole or in N parts, then merged. Parts run in this process one after the other, or as
// up to `jobs` child processes (`npm run import -- … --partition i/N`), the same command a Kubernetes
// indexed Job runs per completion index (deploy/import-job.yaml).

import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ImportArgs } from './args';
import { ImportError } from './errors';
import { parsePartition, type PartSpec } from './partition';
import { writeRasterPart } from './partition_raster';
import { writeVectorPart } from './partition_vector';
import { startGdal } from './gdal';
import { usesNativeGdal } from './raster_gdal';
import { prepareVector } from './vector_import';
import { checkIdAndGroup, checkInput, DEFAULT_OUT_DIR, REPO_ROOT, runImport, type ImportReport } from './run';

/** Writes one part of an import (no layer file); returns the files written. */
export async function runPart(args: ImportArgs & { partition: string }): Promise<string[]> {
  await checkIdAndGroup(args);
  const file = path.resolve(args.input);
  const format = await checkInput(file, args.input);
  const part = parsePartition(args.partition);
  const outDir = path.resolve(args.outDir ?? DEFAULT_OUT_DIR);
  if (format.kind === 'raster') return writeRasterPart({ file, format, id: args.id, outDir }, part);
  const zoomOverride = { ...(args.minzoom !== undefined ? { minzoom: args.minzoom } : {}), ...(args.maxzoom !== undefined ? { maxzoom: args.maxzoom } : {}) };
  const known = args.knownInvalid !== undefined ? { knownInvalid: args.knownInvalid } : {};
  return writeVectorPart({ file, format, id: args.id, outDir, zoomOverride, ...(args.layer ? { layer: args.layer } : {}), ...known }, part);
}

export async function importMaybePartitioned(args: ImportArgs, partitions: number, jobs: number): Promise<ImportReport> {
  if (partitions <= 1) return runImport(args);
  args = await withKnownFacts(args);
  const parts = Array.from({ length: partitions }, (_, index): PartSpec => ({ index, count: partitions }));
  const label = (part: PartSpec): string => `${part.index + 1}/${part.count}`;
  if (jobs <= 1) {
    for (const part of parts) await runPart({ ...args, partition: label(part) });
  } else if (await partsAreCommands(args)) {
    await runPool(parts.map((part) => async () => void (await runPart({ ...args, partition: label(part) }))), jobs);
  } else {
    await runPool(parts.map((part) => () => partProcess(args, label(part))), jobs);
  }
  return runImport({ ...args, merge: partitions, mergeThreads: jobs });
}

/**
 * A raster part with native GDAL is one gdal_translate process: parts run side by side from here.
 * gdal3.js holds one WebAssembly GDAL per Node process, so its parts need a process each.
 */
async function partsAreCommands(args: ImportArgs): Promise<boolean> {
  const format = await checkInput(path.resolve(args.input), args.input);
  return format.kind === 'raster' && (await usesNativeGdal());
}

/**
 * Vectors: one statistics pass here (zooms, invalid geometries) handed to every part and to the merge,
 * instead of one pass per part over the whole file.
 */
async function withKnownFacts(args: ImportArgs): Promise<ImportArgs> {
  const file = path.resolve(args.input);
  const format = await checkInput(file, args.input);
  if (format.kind !== 'vector') return args;
  const outDir = path.resolve(args.outDir ?? DEFAULT_OUT_DIR);
  const zoomOverride = { ...(args.minzoom !== undefined ? { minzoom: args.minzoom } : {}), ...(args.maxzoom !== undefined ? { maxzoom: args.maxzoom } : {}) };
  const session = await startGdal(outDir);
  const prepared = await prepareVector(session, { file, format, id: args.id, outDir, zoomOverride, ...(args.layer ? { layer: args.layer } : {}) });
  await session.gdal.close(prepared.dataset);
  const { minzoom, maxzoom } = prepared.zooms;
  return { ...args, minzoom, maxzoom, ...(prepared.facts.invalidCount !== undefined ? { knownInvalid: prepared.facts.invalidCount } : {}) };
}

/** Runs tasks with at most `limit` at a time; the first failure is thrown after running ones end. */
async function runPool(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await (tasks[next++] as () => Promise<void>)();
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/** `tsx src/cli/import/main.ts <input> --id … --partition i/N` as a child process. */
function partProcess(args: ImportArgs, partition: string): Promise<void> {
  const argv = [path.join(REPO_ROOT, 'src/cli/import/main.ts'), args.input, '--id', args.id, '--partition', partition,
    ...(args.outDir ? ['--out-dir', args.outDir] : []), ...(args.layer ? ['--layer', args.layer] : []),
    ...(args.minzoom !== undefined ? ['--minzoom', String(args.minzoom)] : []), ...(args.maxzoom !== undefined ? ['--maxzoom', String(args.maxzoom)] : []),
    ...(args.knownInvalid !== undefined ? ['--known-invalid', String(args.knownInvalid)] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), argv, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new ImportError(args.input, `part ${partition} could not start: ${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new ImportError(args.input, `part ${partition} failed: ${stderr.trim().replace(/^error:\s*/, '') || `exit code ${code}`}`))));
  });
}
