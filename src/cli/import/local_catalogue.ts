// Writes an imported layer's JSON and registers its id in <layersDir>/catalogue.json
// ({"layers": [ids…]}), which the app loads when present. Imports stay out of git (layers/local/).

import fs from 'node:fs/promises';
import path from 'node:path';
import type { LayerDefinition } from '../../catalogue/types';
import { ImportError } from './errors';

export interface LocalCatalogue {
  layers: string[];
}

/** Adds id to the list once, at the top (newest import drawn above the others); pure. */
export function withLayerId(catalogue: LocalCatalogue, id: string): LocalCatalogue {
  return catalogue.layers.includes(id) ? catalogue : { ...catalogue, layers: [id, ...catalogue.layers] };
}

async function readCatalogue(file: string): Promise<LocalCatalogue> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return { layers: [] }; // first import: created below
  }
  try {
    const parsed = JSON.parse(text) as Partial<LocalCatalogue>;
    if (Array.isArray(parsed.layers) && parsed.layers.every((id) => typeof id === 'string')) {
      return { ...parsed, layers: parsed.layers };
    }
  } catch {
    // reported below
  }
  throw new ImportError(file, 'is not a catalogue ({"layers": [ids…]}); fix or delete it and import again');
}

/** Writes <layersDir>/<id>.json and registers the id; returns the layer file path. */
export async function saveLayer(layersDir: string, layer: LayerDefinition): Promise<string> {
  await fs.mkdir(layersDir, { recursive: true });
  const catalogueFile = path.join(layersDir, 'catalogue.json');
  const catalogue = withLayerId(await readCatalogue(catalogueFile), layer.id);
  const layerFile = path.join(layersDir, `${layer.id}.json`);
  await fs.writeFile(layerFile, `${JSON.stringify(layer, null, 2)}\n`);
  await fs.writeFile(catalogueFile, `${JSON.stringify(catalogue, null, 2)}\n`);
  return layerFile;
}
