// Checks the MapLibre part of a layer (paint, layout, filter, zooms) with MapLibre's own
// style-spec validator, by wrapping the layer's style entries in a tiny style, then maps
// each "layers[k].paint.x: message" back to "style[i].paint.x" in the layer file.
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Checker, JsonObject } from './validate_checker';
import type { SourceKind } from './types';
import { SOURCE_KIND_TRAITS } from '../sources/kinds/traits';

/** A style entry that passed the structural checks (known keys, known type). */
export interface StyleEntry {
  index: number;
  obj: JsonObject;
}

type SpecSource = StyleSpecification['sources'][string];

// Placeholder sources: the spec only needs their type to check layer/source compatibility.
const VECTOR: SpecSource = { type: 'vector', url: 'pmtiles://placeholder' };
const RASTER: SpecSource = { type: 'raster', tiles: ['placeholder/{z}/{x}/{y}'], tileSize: 256 };
const GEOJSON: SpecSource = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };

const SPEC_SOURCES = { vector: VECTOR, raster: RASTER, geojson: GEOJSON } as const;

function sourceFor(kind: SourceKind | undefined, layerType: unknown): SpecSource {
  if (kind !== undefined) return SPEC_SOURCES[SOURCE_KIND_TRAITS[kind].styleSource];
  // Unknown kind (already reported): guess from the layer so only real style problems show.
  return layerType === 'raster' ? RASTER : VECTOR;
}

function specLayer(entry: StyleEntry, source: SpecSource, sourceLayer: string): Record<string, unknown> {
  const layer: Record<string, unknown> = { ...entry.obj, id: `style[${entry.index}]`, source: 'layer' };
  // Vector sources need a source-layer; a missing sourceLayer is reported on the source already.
  if (source.type === 'vector') layer['source-layer'] = sourceLayer;
  return layer;
}

/** "layers[2].paint.fill-color: color expected" → { k: 2, rest: ".paint.fill-color", message } */
function splitSpecMessage(text: string): { k: number; rest: string; message: string } | undefined {
  const match = /^layers\[(\d+)\]([^:]*):\s*(.*)$/s.exec(text);
  if (!match) return undefined;
  return { k: Number(match[1]), rest: match[2] ?? '', message: match[3] ?? text };
}

export function checkStyleWithSpec(
  check: Checker,
  entries: StyleEntry[],
  kind: SourceKind | undefined,
  sourceLayer: string | undefined,
): void {
  if (entries.length === 0) return;
  const source = sourceFor(kind, entries[0]?.obj.type);
  const style = {
    version: 8,
    // Symbol layers with text need glyphs; the real URL comes from the basemap.
    glyphs: 'placeholder/{fontstack}/{range}.pbf',
    sources: { layer: source },
    layers: entries.map((e) => specLayer(e, source, sourceLayer ?? 'placeholder')),
  } as unknown as StyleSpecification;
  let specErrors: Array<{ message: string }>;
  try {
    specErrors = validateStyleMin(style);
  } catch (error) {
    check.add('style', `MapLibre style check failed: ${String(error)}`);
    return;
  }
  for (const specError of specErrors) {
    const parts = splitSpecMessage(specError.message);
    const entry = parts ? entries[parts.k] : undefined;
    if (!parts || !entry) {
      check.add('style', `MapLibre: ${specError.message}`);
      continue;
    }
    check.add(`style[${entry.index}]${parts.rest}`, `MapLibre: ${parts.message}`);
  }
}
