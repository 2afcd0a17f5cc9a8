// At build, the distinct times of each time layer are written into its copy in dist/layers
// (time.values), so the app reads them from the layer file instead of collecting them from the
// data at start (the demo's fire layer read its whole 827 KB GeoJSON before the first view).
// The files in layers/ stay as written; a layer whose data is remote or unreadable is left as is.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerDefinition } from '../src/catalogue/types.ts';
import { fileDataAccess } from '../src/queries/identify_data_node.ts';
import { collectTimes, isTimeLayer } from '../src/queries/time_collect.ts';

const isRemote = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url);

/** Whether the app would collect this layer's times from its data at start. */
export function needsTimeValues(def: LayerDefinition): boolean {
  return isTimeLayer(def) && !def.source.series?.length && !def.time?.values?.length && !isRemote(def.source.url);
}

/** `layersDir`: dist/layers; `dataRoot`: the folder the layers' relative URLs resolve in (public/). */
export async function writeTimeValues(layersDir: string, dataRoot: string): Promise<string[]> {
  const written: string[] = [];
  const data = fileDataAccess(dataRoot);
  for (const file of layerFiles(layersDir)) {
    let def: LayerDefinition;
    try {
      def = JSON.parse(readFileSync(file, 'utf8')) as LayerDefinition;
      if (!def?.source?.url || !needsTimeValues(def)) continue;
    } catch {
      continue; // not a layer file, or broken: the app reports it at run time
    }
    const values = await collectTimes(def, data).catch(() => []);
    if (values.length === 0) continue;
    writeFileSync(file, `${JSON.stringify({ ...def, time: { ...def.time, values } }, null, 2)}\n`);
    written.push(def.id);
  }
  return written;
}

/** layers/*.json and layers/local/*.json (the catalogue files have no source and are skipped). */
function layerFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'local' && statSync(path).isDirectory()) files.push(...layerFiles(path));
    else if (name.endsWith('.json')) files.push(path);
  }
  return files;
}
