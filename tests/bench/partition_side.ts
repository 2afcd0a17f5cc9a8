// One side of the partition benchmark as its own process, so /usr/bin/time counts the CPU of the whole
// process tree (parts, GDAL tools): `tsx tests/bench/partition_side.ts <input> <out-dir> <partitions> <jobs>`.
// 1 partition is the plain one-process import (`npm run import`).
import path from 'node:path';
import { importMaybePartitioned } from '../../src/cli/import/partition_run';
import { runImport } from '../../src/cli/import/run';

const [input, outDir, partitions, jobs] = process.argv.slice(2);
const args = { input: input as string, id: 'bench', outDir: outDir as string, layersDir: path.join(outDir as string, 'layers') };
await (Number(partitions) > 1 ? importMaybePartitioned(args, Number(partitions), Number(jobs)) : runImport(args));
