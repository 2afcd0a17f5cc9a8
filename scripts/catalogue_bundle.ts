// Writes layers/catalogue.bundle.json (src/catalogue/bundle.ts) from a layers folder: the
// catalogue and each layer file that passes the app's own validators.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_FILE, makeBundle, type CatalogueBundle } from '../src/catalogue/bundle.ts';
import type { CatalogueFile, LayerDefinition } from '../src/catalogue/types.ts';
import { validateCatalogue, validateLayer } from '../src/catalogue/validate.ts';

/** null when catalogue.json is missing or invalid: the app then reads the files and says why. */
export function buildBundle(layersDir: string): CatalogueBundle | null {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(layersDir, file), 'utf8'));
  let catalogue: unknown;
  try {
    catalogue = read('catalogue.json');
  } catch {
    return null;
  }
  if (validateCatalogue(catalogue, 'catalogue.json').length > 0) return null;
  const file = catalogue as CatalogueFile;
  const groupIds = file.groups.map((group) => group.id);
  const layers: Record<string, LayerDefinition> = {};
  for (const id of file.layers) {
    const name = `${id}.json`;
    if (!existsSync(join(layersDir, name))) continue;
    try {
      const layer = read(name);
      if (validateLayer(layer, name, groupIds).length === 0) layers[id] = layer as LayerDefinition;
    } catch {
      // broken JSON: left out, reported by the app from the file itself
    }
  }
  return makeBundle(file, layers);
}

export function writeBundle(layersDir: string): boolean {
  const bundle = buildBundle(layersDir);
  if (bundle) writeFileSync(join(layersDir, BUNDLE_FILE), JSON.stringify(bundle));
  return bundle !== null;
}
