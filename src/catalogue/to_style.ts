// Pure translation of a catalogue layer into MapLibre sources and style layers.
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { LayerDefinition, StyleLayer } from './types';

export interface MapLayerParts {
  sourceId: string;
  source: SourceSpecification;
  layers: LayerSpecification[];
}

/** Style layer ids of a catalogue layer are "<id>::<index>", so they can be found again. */
export function styleLayerId(layerId: string, index: number): string {
  return `${layerId}::${index}`;
}

export function catalogueIdOf(styleLayerIdValue: string): string | null {
  const cut = styleLayerIdValue.indexOf('::');
  return cut > 0 ? styleLayerIdValue.slice(0, cut) : null;
}

/** Absolute URL of a layer's data; relative URLs are relative to the app page. */
export function resolveDataUrl(url: string, pageUrl: string): string {
  return new URL(url, pageUrl).href;
}

/** Layers that share a file share a source, so its tiles are fetched once. */
export function sourceIdFor(def: LayerDefinition, dataUrl: string): string {
  return def.source.kind === 'cog' ? `cog:${def.id}` : `${def.source.kind}:${dataUrl}`;
}

export function toSource(def: LayerDefinition, dataUrl: string): SourceSpecification {
  const bounds = def.bounds ? { bounds: def.bounds } : {};
  switch (def.source.kind) {
    case 'pmtiles-vector':
      return { type: 'vector', url: `pmtiles://${dataUrl}` };
    case 'pmtiles-raster':
      return { type: 'raster', url: `pmtiles://${dataUrl}`, tileSize: 256 };
    case 'geojson':
      return { type: 'geojson', data: dataUrl };
    case 'cog':
      return {
        type: 'raster',
        tiles: [`cog://${encodeURIComponent(def.id)}/{z}/{x}/{y}`],
        tileSize: 256,
        ...bounds,
      };
  }
}

export function toMapLayers(def: LayerDefinition, dataUrl: string, opacity = 1): MapLayerParts {
  const sourceId = sourceIdFor(def, dataUrl);
  const layers = def.style.map((style, index) =>
    toMapLayer(def, style, styleLayerId(def.id, index), sourceId, opacity),
  );
  return { sourceId, source: toSource(def, dataUrl), layers };
}

/**
 * `value` read per feature although it is one value. MapLibre links one shader program per set
 * of per-feature paint properties, and most catalogue layers colour their features by class
 * (`match`): a layer of one colour then shares their fill or line program instead of linking
 * its own, the slowest step of the first view under a software GPU (issue 15). Same pixels.
 */
export function perFeature(value: unknown): unknown {
  return ['case', ['has', 'kind'], value, value];
}

/** The colours MapLibre may read per feature without another program variant. */
const COLOURS_PER_FEATURE = ['fill-color', 'line-color'];

function colourPaint(paint: Record<string, unknown> | undefined): Record<string, unknown> {
  const constant = (value: unknown) => typeof value === 'string';
  return Object.fromEntries(Object.entries(paint ?? {}).map(([property, value]) =>
    [property, COLOURS_PER_FEATURE.includes(property) && constant(value) ? perFeature(value) : value]));
}

function toMapLayer(
  def: LayerDefinition,
  style: StyleLayer,
  id: string,
  source: string,
  opacity: number,
): LayerSpecification {
  const layer: Record<string, unknown> = {
    id,
    type: style.type,
    source,
    paint: { ...colourPaint(style.paint), ...Object.fromEntries(opacityPaint(style, opacity)) },
    layout: { ...style.layout },
  };
  if (def.source.kind === 'pmtiles-vector') layer['source-layer'] = def.source.sourceLayer;
  if (style.filter) layer.filter = style.filter;
  const minzoom = style.minzoom ?? def.minzoom;
  const maxzoom = style.maxzoom ?? def.maxzoom;
  if (minzoom !== undefined) layer.minzoom = minzoom;
  if (maxzoom !== undefined) layer.maxzoom = maxzoom;
  return layer as unknown as LayerSpecification;
}

const OPACITY_PROPERTIES: Record<StyleLayer['type'], string[]> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
  raster: ['raster-opacity'],
  'fill-extrusion': ['fill-extrusion-opacity'],
  heatmap: ['heatmap-opacity'],
};

/** The opacity paint properties of a style layer, scaled by the user's opacity (0..1). */
export function opacityPaint(style: StyleLayer, opacity: number): Array<[string, unknown]> {
  return OPACITY_PROPERTIES[style.type].map((property) => [
    property,
    scaleOpacity(style.paint?.[property], opacity),
  ]);
}

function scaleOpacity(base: unknown, opacity: number): unknown {
  if (base === undefined) return opacity;
  if (typeof base === 'number') return base * opacity;
  if (opacity === 1) return base;
  // Zoom curves must stay the outermost expression: scale their outputs instead.
  if (Array.isArray(base) && isZoomCurve(base)) {
    return base.map((part, index) => (isOutputIndex(base, index) ? scaleOpacity(part, opacity) : part));
  }
  return ['*', opacity, base];
}

function isZoomCurve(expression: unknown[]): boolean {
  const input = expression[0] === 'step' ? expression[1] : expression[2];
  return (expression[0] === 'interpolate' || expression[0] === 'step') &&
    Array.isArray(input) && input[0] === 'zoom';
}

/** interpolate: [op, type, input, z1, v1, z2, v2…]; step: [op, input, v0, z1, v1…]. */
function isOutputIndex(expression: unknown[], index: number): boolean {
  if (expression[0] === 'step') return index === 2 || (index > 2 && index % 2 === 0);
  return index > 3 && index % 2 === 0;
}
