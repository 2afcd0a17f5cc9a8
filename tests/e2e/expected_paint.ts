// The colour (and its alpha) a layer should paint for a feature with given attributes,
// computed from the layer's own style with MapLibre's style-spec expression evaluator, so
// the browser test checks the rendering against the catalogue rather than hard-coded colours.
import {
  featureFilter, latest, normalizePropertyExpression, type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { LayerDefinition, StyleLayer } from '../../src/catalogue/types';
import { parseColor, type Rgb } from './pixels';

export interface ExpectedPaint {
  /** The class colour, or every legend colour when the sample's attributes do not decide it. */
  colors: Rgb[];
  /** False when the style needs attributes the sample point does not give. */
  determined: boolean;
  /** 0..1: how much of the colour covers the basemap (paint opacity × colour alpha). */
  alpha: number;
  /** Which style entry it came from, for messages. */
  source: string;
}

const AREA_TYPES = ['fill', 'circle', 'raster'] as const;

function paintSpec(type: string, property: string): StylePropertySpecification {
  const group = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${type}`];
  const spec = group?.[property];
  if (!spec) throw new Error(`style-spec has no paint property ${property} for ${type}`);
  return spec;
}

/** Evaluates a paint property for a feature; throws when the attributes do not suffice. */
function evaluate(style: StyleLayer, property: string, properties: Record<string, unknown>, zoom: number): unknown {
  const value = style.paint?.[property] ?? paintSpec(style.type, property).default;
  const expression = normalizePropertyExpression(value as never, `paint.${property}`, paintSpec(style.type, property));
  // evaluate() would swallow errors (e.g. a missing attribute) and return the default colour.
  const strict = (expression as { evaluateWithoutErrorHandling?: typeof expression.evaluate }).evaluateWithoutErrorHandling;
  return (strict ?? expression.evaluate).call(expression, { zoom }, { type: 'Polygon', properties } as never);
}

function applies(style: StyleLayer, properties: Record<string, unknown>, zoom: number): boolean {
  if ((style.minzoom ?? 0) > zoom || (style.maxzoom ?? 24) <= zoom) return false;
  if (!style.filter) return true;
  return featureFilter(style.filter as never, 'filter').filter({ zoom }, { type: 'Polygon', properties } as never);
}

/** Premultiplied style-spec Color → plain 0..255 RGB and its alpha. */
function fromColor(value: unknown): { rgb: Rgb; a: number } {
  const { r, g, b, a } = value as { r: number; g: number; b: number; a: number };
  const alpha = a || 1;
  return { rgb: [r, g, b].map((v) => Math.round((v / alpha) * 255)) as Rgb, a };
}

/** Raster layers: a categorical COG maps the class code straight to a colour. */
function rasterPaint(def: LayerDefinition, style: StyleLayer, code: unknown, zoom: number): ExpectedPaint | undefined {
  const colour = def.source.cog?.categories?.[String(code)];
  if (!colour) return undefined;
  const opacity = Number(evaluate(style, 'raster-opacity', {}, zoom));
  return { colors: [parseColor(colour)], determined: true, alpha: opacity, source: `${def.id} cog.categories[${String(code)}]` };
}

/** Topmost area-like style entry drawn for a feature with `properties` at `zoom`. */
export function expectedPaint(def: LayerDefinition, properties: Record<string, unknown>, zoom: number): ExpectedPaint {
  const candidates = def.style
    .map((style, index) => ({ style, index }))
    .filter(({ style }) => (AREA_TYPES as readonly string[]).includes(style.type) && applies(style, properties, zoom));
  const top = candidates.at(-1);
  if (!top) throw new Error(`${def.id}: no fill/circle/raster style entry applies to ${JSON.stringify(properties)} at zoom ${zoom}`);
  const { style, index } = top;
  if (style.type === 'raster') {
    const paint = rasterPaint(def, style, Object.values(properties)[0], zoom);
    if (!paint) throw new Error(`${def.id}: cannot tell the raster colour of ${JSON.stringify(properties)}`);
    return paint;
  }
  const opacity = Number(evaluate(style, `${style.type}-opacity`, properties, zoom));
  const source = `${def.id} style[${index}] ${style.type}-color`;
  try {
    const { rgb, a } = fromColor(evaluate(style, `${style.type}-color`, properties, zoom));
    return { colors: [rgb], determined: true, alpha: a * opacity, source };
  } catch {
    const colors = def.legend.items.map((item) => parseColor(item.color));
    return { colors, determined: false, alpha: opacity, source: `${source} (needs attributes the sample lacks; any legend colour)` };
  }
}
