// GDAL for raster imports: the native command-line tools when installed (several times faster than
// WebAssembly, and `-srcwin` reads only the window asked for), gdal3.js otherwise. Both get the same
// options and write the same pixels (tests/unit/import_partition.test.ts compares them).
// GEOVEILLE_GDAL=wasm or =native forces one of them.

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImportError } from './errors';
import type { InputFormat } from './formats';
import { describeOpenFailure, lastGdalError, startGdal, type GdalDataset, type GdalSession } from './gdal';

const run = promisify(execFile);

let installed: Promise<boolean> | undefined;

/** True when the native GDAL tools are used. */
export async function usesNativeGdal(): Promise<boolean> {
  const choice = process.env.GEOVEILLE_GDAL;
  if (choice === 'wasm') return false;
  installed ??= run('gdal_translate', ['--version']).then(() => true, () => false);
  if (choice === 'native' && !(await installed)) throw new ImportError('GEOVEILLE_GDAL', 'native GDAL was asked for but gdal_translate is not installed');
  return installed;
}

const openOptionFlags = (format: InputFormat): string[] => format.openOptions.flatMap((option) => ['-oo', option]);
const gdalLines = (error: unknown): string[] => String((error as { stderr?: string }).stderr ?? '').split('\n');

/** gdalinfo's JSON description of the raster (the same shape from both GDALs). */
export async function rasterInfo(file: string, format: InputFormat): Promise<unknown> {
  if (await usesNativeGdal()) {
    const { stdout } = await run('gdalinfo', ['-json', ...openOptionFlags(format), file], { maxBuffer: 1 << 26 }).catch((error: unknown) => {
      throw new ImportError(file, describeOpenFailure(gdalLines(error), format.name));
    });
    return JSON.parse(stdout) as unknown;
  }
  return withDataset(file, format, path.dirname(file), (session, dataset) => session.gdal.gdalinfo(dataset, []));
}

/**
 * `gdal_translate <options> file target`; `target` ends in .tif or .vrt. `failure` starts the error
 * message ("conversion to COG failed"), GDAL's last error ends it.
 */
export async function translateRaster(file: string, format: InputFormat, options: string[], target: string, failure: string): Promise<void> {
  if (await usesNativeGdal()) {
    await run('gdal_translate', ['-q', ...openOptionFlags(format), ...options, file, target], { maxBuffer: 1 << 24 }).catch((error: unknown) => {
      throw new ImportError(file, `${failure}: ${lastGdalError(gdalLines(error)) ?? 'no output written'}`);
    });
    return;
  }
  const name = path.basename(target, path.extname(target));
  await withDataset(file, format, path.dirname(target), async (session, dataset) => {
    session.takeMessages();
    await session.gdal.gdal_translate(dataset, options, name).catch(() => {
      throw new ImportError(file, `${failure}: ${lastGdalError(session.takeMessages()) ?? 'no output written'}`);
    });
  });
}

/** gdal3.js: the file opened with outputDir as GDAL's output folder, closed after `use`. */
async function withDataset<T>(file: string, format: InputFormat, outputDir: string, use: (session: GdalSession, dataset: GdalDataset) => Promise<T>): Promise<T> {
  const session = await startGdal(outputDir);
  session.takeMessages();
  const opened = await session.gdal.open(file, format.openOptions, format.vfs).catch(() => undefined);
  const dataset = opened?.datasets[0];
  if (!dataset) throw new ImportError(file, describeOpenFailure(session.takeMessages(), format.name));
  try {
    if (dataset.type !== 'raster') throw new ImportError(file, `holds no raster bands (${format.name} expected)`);
    return await use(session, dataset);
  } finally {
    await session.gdal.close(dataset);
  }
}
