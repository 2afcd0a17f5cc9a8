// The catalogue in one request: layers/catalogue.bundle.json holds catalogue.json and every layer
// file it lists, written at build from layers/ (the files stay the source) and checked there with
// the same validators, so the app neither fetches 1 + N files nor loads the validators at start.
// An invalid file stops the build (scripts/catalogue_bundle.ts); a layer missing from a bundle
// (an older or hand-made one) is fetched from its file and checked there.
import type { CatalogueFile, LayerDefinition } from './types';

export const BUNDLE_FILE = 'catalogue.bundle.json';
const FORMAT = 'geoveille-catalogue-bundle/1';

export interface CatalogueBundle {
  format: typeof FORMAT;
  catalogue: CatalogueFile;
  /** id → the layer file's content, for the layers that passed validation. */
  layers: Record<string, LayerDefinition>;
}

export function makeBundle(catalogue: CatalogueFile, layers: Record<string, LayerDefinition>): CatalogueBundle {
  return { format: FORMAT, catalogue, layers };
}

/** A parsed bundle, or null for anything else (an older host, an HTML 404 page…). */
export function asBundle(json: unknown): CatalogueBundle | null {
  const bundle = json as Partial<CatalogueBundle> | null;
  if (bundle?.format !== FORMAT || typeof bundle.catalogue !== 'object' || typeof bundle.layers !== 'object') return null;
  if (!Array.isArray(bundle.catalogue?.groups) || !Array.isArray(bundle.catalogue?.layers) || bundle.layers === null) return null;
  return bundle as CatalogueBundle;
}
