// What the built app serves, read from the served copy of dist/: the layer catalogue and the
// demo generator's manifest of sample points (public/data/demo-manifest.json → dist/data/).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { CatalogueFile, LayerDefinition } from '../../src/catalogue/types';
import { parseColor, type Rgb } from './pixels';

function readDistJson(relative: string): unknown {
  const file = path.join(inject('distDir'), relative);
  if (!existsSync(file)) throw new Error(`dist/${relative} is missing: was the app built with its demo data?`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function readCatalogue(): CatalogueFile {
  return readDistJson('layers/catalogue.json') as CatalogueFile;
}

export function readLayer(id: string): LayerDefinition {
  return readDistJson(`layers/${id}.json`) as LayerDefinition;
}

/** All layer definitions of the catalogue, in catalogue order. */
export function readLayers(): LayerDefinition[] {
  return readCatalogue().layers.map(readLayer);
}

/** One place where the demo generator knows which class a layer shows. */
export interface SamplePoint {
  layer: string;
  lon: number;
  lat: number;
  /** The feature's attributes there, e.g. { zone: "0-20" }. */
  expect: Record<string, string | number>;
}

export function readManifest(): SamplePoint[] {
  const json = readDistJson('data/demo-manifest.json') as unknown;
  const list = Array.isArray(json) ? json : (json as { samples?: unknown; points?: unknown }).samples
    ?? (json as { points?: unknown }).points;
  if (!Array.isArray(list)) throw new Error('demo-manifest.json: expected an array of {layer, lon, lat, expect} (or {samples: [...]})');
  return list as SamplePoint[];
}

/** Legend colours of a layer, to check that what is drawn is what the legend says. */
export function legendColors(def: LayerDefinition): Rgb[] {
  return def.legend.items.map((item) => parseColor(item.color));
}
