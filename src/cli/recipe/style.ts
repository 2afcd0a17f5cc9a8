// A recipe's style block → the layer file's MapLibre style and legend (vector) or COG rendering and
// legend (raster). Pure: the same recipe gives the same layer file.

import type { CogRendering, I18nText, Legend, LegendShape, StyleLayer } from '../../catalogue/types';
import { styleForGeometry, type GeometryKind } from '../../queries/default_style_geometry';
import type { RecipeClass, RecipeRange, RecipeStyle } from './types';

const LEGEND_SHAPE: Record<GeometryKind, LegendShape> = { polygon: 'fill', line: 'line', point: 'circle', mixed: 'fill' };
const OTHER_LABEL: I18nText = { fr: 'Autre', en: 'Other' };

export interface VectorLook {
  style: StyleLayer[];
  legend: Legend;
}

/** The colour expression of a vector style, and the legend that explains it. */
function colourOf(style: Extract<RecipeStyle, { type: 'single' | 'categorical' | 'graduated' }>, title: I18nText): { colour: unknown; items: Array<{ label: I18nText; color: string }> } {
  if (style.type === 'single') return { colour: style.color, items: [{ label: style.label ?? title, color: style.color }] };
  if (style.type === 'categorical') {
    const other = style.other ?? '#9e9e9e';
    const pairs = style.classes.flatMap((c: RecipeClass) => [c.value, c.color]);
    const items = style.classes.map((c) => ({ label: c.label, color: c.color }));
    // A field of numbers in the data compared with text codes would never match: compare as text.
    const colour = ['match', ['to-string', ['get', style.field]], ...pairs.map((v, i) => (i % 2 === 0 ? String(v) : v)), other];
    return { colour, items: style.other ? [...items, { label: OTHER_LABEL, color: other }] : items };
  }
  if (style.field === undefined) throw new Error('a graduated style of vector data needs "field"');
  return { colour: graduatedColour(style.field, style.classes), items: style.classes.map((c) => ({ label: c.label, color: c.color })) };
}

/** MapLibre `step` over [min, max) classes sorted by their lower bound; below the first class: its colour. */
function graduatedColour(field: string, classes: RecipeRange[]): unknown[] {
  const sorted = [...classes].sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity));
  const expression: unknown[] = ['step', ['to-number', ['get', field], 0], (sorted[0] as RecipeRange).color];
  for (const range of sorted.slice(1)) expression.push(range.min ?? 0, range.color);
  return expression;
}

/** Replaces the colours of the default geometry style by the recipe's colour expression. */
export function vectorLook(style: RecipeStyle, geometry: GeometryKind, title: I18nText): VectorLook {
  if (style.type !== 'single' && style.type !== 'categorical' && style.type !== 'graduated') {
    throw new Error(`style "${style.type}" is for rasters; this input is vector data`);
  }
  const { colour, items } = colourOf(style, title);
  const outlineOnly = 'outlineOnly' in style && style.outlineOnly === true;
  const layers = styleForGeometry(geometry, '#000000')
    .filter((layer) => !(outlineOnly && layer.type === 'fill'))
    .map((layer) => recolour(layer, colour, outlineOnly));
  if (style.labelField) layers.push(labels(style.labelField));
  const shape = outlineOnly ? 'line' : LEGEND_SHAPE[geometry];
  return { style: layers, legend: { type: 'categories', items: items.map((item) => ({ ...item, shape })) } };
}

function recolour(layer: StyleLayer, colour: unknown, outlineOnly: boolean): StyleLayer {
  const paint = { ...layer.paint };
  if (outlineOnly && layer.type === 'line') paint['line-width'] = 1.5;
  for (const key of Object.keys(paint)) {
    if (key.endsWith('-color') && key !== 'circle-stroke-color') paint[key] = colour;
  }
  if (layer.type === 'fill') paint['fill-opacity'] = 0.6;
  return { ...layer, paint };
}

/** Names next to points (browser fonts: the app's style has no glyph server). */
function labels(field: string): StyleLayer {
  return {
    type: 'symbol',
    layout: { 'text-field': ['get', field], 'text-size': 12, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true },
    paint: { 'text-color': '#222222', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    minzoom: 7,
  };
}

/**
 * [min, max) classes as ramp stops that step instead of blending: each class's colour from its lower
 * bound to just below the next class's (one millionth of the break apart), so a value on a break
 * takes the upper class, as in the vector `step`. Below the first class and above the last: their colours.
 */
export function classStops(classes: RecipeRange[]): Array<[number, string]> {
  const sorted = [...classes].sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity));
  return sorted.flatMap((range, i): Array<[number, string]> => {
    const next = sorted[i + 1];
    const low = range.min ?? (range.max as number) - 1;
    const high = next?.min ?? range.max ?? low + 1;
    const below = high - Math.max(Math.abs(high), 1) * 1e-6;
    return next ? [[low, range.color], [below, range.color]] : [[low, range.color], [high, range.color]];
  });
}

export interface RasterLook {
  cog: CogRendering;
  legend: Legend;
}

/** A raster style → COG rendering; `fallback` is the import's own choice (used for what the recipe leaves out). */
export function rasterLook(style: RecipeStyle, fallback: RasterLook): RasterLook {
  const item = (label: I18nText, color: string) => ({ label, color, shape: 'raster' as const });
  switch (style.type) {
    case 'ramp': {
      const unit = style.unit ? ` ${style.unit}` : '';
      const cog: CogRendering = { mode: 'continuous', bands: [style.band ?? 1], ramp: style.stops, resampling: 'bilinear', ...(style.unit ? { unit: style.unit } : {}) };
      const items = style.stops.map(([value, colour]) => item({ fr: `${value}${unit}`, en: `${value}${unit}` }, colour));
      return { cog, legend: { type: 'ramp', items } };
    }
    case 'categories': {
      const categories = Object.fromEntries(style.classes.map((c) => [String(c.value), c.color]));
      const cog: CogRendering = { mode: 'categorical', bands: [style.band ?? 1], categories, resampling: 'nearest' };
      return { cog, legend: { type: 'categories', items: style.classes.map((c) => item(c.label, c.color)) } };
    }
    case 'graduated': {
      const cog: CogRendering = { mode: 'continuous', bands: [style.band ?? 1], ramp: classStops(style.classes), resampling: 'nearest' };
      return { cog, legend: { type: 'categories', items: style.classes.map((c) => item(c.label, c.color)) } };
    }
    case 'rgb': {
      const stretch = style.stretch ?? (style.stretchPercent ? undefined : fallback.cog.stretch);
      const cog: CogRendering = {
        mode: 'rgb', bands: style.bands ?? [1, 2, 3], resampling: 'bilinear',
        ...(stretch ? { stretch } : {}), ...(style.stretchPercent ? { stretchPercent: style.stretchPercent } : {}),
      };
      return { cog, legend: fallback.legend };
    }
    default:
      throw new Error(`style "${style.type}" is for vector data; this input is a raster`);
  }
}
