// cli verdict --lon <x> --lat <y> [--layers-dir layers] [--data-root public] [--radius-km 5]
// → the flood verdict for the point as JSON, from the catalogue and data files on disk.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatProblem, loadCatalogue } from '../../catalogue/load';
import type { LayerDefinition } from '../../catalogue/types';
import type { Verdict } from '../../queries/flood_verdict';
import { floodZoneLayers, verdictAt, DEFAULT_RADIUS_KM } from '../../queries/flood_verdict_load';
import { fileDataAccess } from '../../queries/identify_data_node';
import { requireNumber } from './args';

export async function run(options: Map<string, string>): Promise<Verdict> {
  const lon = requireNumber(options, 'lon');
  const lat = requireNumber(options, 'lat');
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw new Error(`--lon/--lat out of range: ${lon}, ${lat}`);
  const radiusKm = options.has('radius-km') ? requireNumber(options, 'radius-km') : DEFAULT_RADIUS_KM;
  if (!(radiusKm > 0 && radiusKm <= 100)) throw new Error(`--radius-km must be between 0 and 100 km, got ${radiusKm}`);
  const layersDir = path.resolve(options.get('layers-dir') ?? 'layers');
  const dataRoot = path.resolve(options.get('data-root') ?? 'public');

  const defs = await readDefinitions(layersDir);
  if (floodZoneLayers(defs).length === 0) throw new Error(`${layersDir}: no flood-zone layer (a layer with "floodZone")`);
  const verdict = await verdictAt([lon, lat], defs, fileDataAccess(dataRoot), radiusKm);
  const failed = [...verdict.zones, ...verdict.history].find((answer) => answer.status === 'error');
  if (failed) throw new Error(`layer ${failed.layer.id}: ${failed.error ?? 'could not be read'}`);
  return verdict;
}

/** Valid layer definitions; broken files are named on stderr and skipped, like the app does. */
async function readDefinitions(layersDir: string): Promise<LayerDefinition[]> {
  const readText = async (url: string) => {
    const file = fileURLToPath(url);
    return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'ENOENT' ? `${file}: no such file` : `${file}: ${error.message}`);
    });
  };
  const catalogue = await loadCatalogue(pathToFileURL(`${layersDir}${path.sep}`).href, readText);
  for (const entry of catalogue.layers) {
    if (entry.error) process.stderr.write(`warning: ${entry.file}: ${entry.error.problems?.[0] ? formatProblem(entry.error.problems[0]) : entry.error.message}\n`);
  }
  return catalogue.layers.flatMap((entry) => (entry.def ? [entry.def] : []));
}
