// Default MapLibre styles and legends for a vector layer (pure; shared by the import CLI and the
// browser's Add data for PMTiles).

import type { Legend, LegendShape, StyleLayer, I18nText } from '../catalogue/types';

/** Same union as the import CLI's zoom.ts (structural: either can be passed). */
export type GeometryKind = 'point' | 'line' | 'polygon' | 'mixed';

/** Distinct, readable-on-a-light-basemap colours; the layer id picks one so two imports differ. */
export const PALETTE = ['#d7301f', '#2171b5', '#238b45', '#6a51a3', '#d94801', '#01665e', '#ae017e', '#8c6d31'];

export function colourForId(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] as string;
}

const fill = (colour: string, filter?: unknown[]): StyleLayer => ({
  type: 'fill',
  paint: { 'fill-color': colour, 'fill-opacity': 0.35 },
  ...(filter ? { filter } : {}),
});
const outline = (colour: string, filter?: unknown[]): StyleLayer => ({
  type: 'line',
  paint: { 'line-color': colour, 'line-width': 1 },
  ...(filter ? { filter } : {}),
});
const line = (colour: string, filter?: unknown[]): StyleLayer => ({
  type: 'line',
  paint: { 'line-color': colour, 'line-width': 2 },
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  ...(filter ? { filter } : {}),
});
const circle = (colour: string, filter?: unknown[]): StyleLayer => ({
  type: 'circle',
  paint: { 'circle-color': colour, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
  ...(filter ? { filter } : {}),
});

const isType = (type: string): unknown[] => ['==', ['geometry-type'], type];
const isPolygon = ['any', isType('Polygon'), isType('MultiPolygon')];
const isLine = ['any', isType('LineString'), isType('MultiLineString')];
const isPoint = ['any', isType('Point'), isType('MultiPoint')];

/** fill+outline for polygons, line for lines, circle for points; mixed layers get all three, filtered. */
export function styleForGeometry(kind: GeometryKind, colour: string): StyleLayer[] {
  switch (kind) {
    case 'polygon':
      return [fill(colour), outline(colour)];
    case 'line':
      return [line(colour)];
    case 'point':
      return [circle(colour)];
    case 'mixed':
      return [fill(colour, isPolygon), outline(colour, isPolygon), line(colour, isLine), circle(colour, isPoint)];
  }
}

const LEGEND_SHAPE: Record<GeometryKind, LegendShape> = { polygon: 'fill', line: 'line', point: 'circle', mixed: 'fill' };

export function legendForGeometry(kind: GeometryKind, colour: string, title: I18nText): Legend {
  return { type: 'categories', items: [{ label: title, color: colour, shape: LEGEND_SHAPE[kind] }] };
}
