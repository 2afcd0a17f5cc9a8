// What the built app serves, read from dist/: the layer catalogue and the demo generator's
// manifest of sample points (public/data/demo-manifest.json → dist/data/).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogueFile, LayerDefinition } from '../../src/catalogue/types';
import { parseColor, type Rgb } from './pixels';

const distDir = path.resolve(import.meta.dirname, '../../dist');

function readDistJson(relative: string): unknown {
  const file = path.join(distDir, relative);
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
  /** Legend label (fr or en), legend index, or a colour. */
  expect: unknown;
}

export function readManifest(): SamplePoint[] {
  const json = readDistJson('data/demo-manifest.json') as unknown;
  const list = Array.isArray(json) ? json : (json as { points?: unknown; samples?: unknown }).points
    ?? (json as { samples?: unknown }).samples;
  if (!Array.isArray(list)) throw new Error('demo-manifest.json: expected an array of {layer, lon, lat, expect} (or {points: [...]})');
  return list as SamplePoint[];
}

/** The legend colour a sample point should show; throws naming the point when it cannot tell. */
export function expectedColor(def: LayerDefinition, expect: unknown): Rgb {
  const items = def.legend.items;
  const byLabel = (label: string) =>
    items.find((item) => [item.label.fr, item.label.en].some((l) => l.toLowerCase() === label.toLowerCase()));
  if (typeof expect === 'number' && items[expect]) return parseColor(items[expect].color);
  if (typeof expect === 'string') {
    const item = byLabel(expect);
    if (item) return parseColor(item.color);
    return parseColor(expect);
  }
  if (typeof expect === 'object' && expect !== null) {
    const { color, label, index } = expect as { color?: string; label?: string; index?: number };
    if (typeof color === 'string') return parseColor(color);
    if (typeof label === 'string' && byLabel(label)) return parseColor(byLabel(label)!.color);
    if (typeof index === 'number' && items[index]) return parseColor(items[index].color);
  }
  throw new Error(`demo-manifest: cannot tell the legend colour of ${JSON.stringify(expect)} in layer ${def.id}`);
}
