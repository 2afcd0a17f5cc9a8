// What each basemap kind puts on the map: its sources, the layers drawn under the catalogue
// layers and the labels drawn over them. A switch on `kind` without a default, so the compiler
// flags this file when a kind is added. @protomaps/basemaps (~8 KB gzip) is loaded with import()
// when a Protomaps basemap is shown: the first view's offline basemap does without it.
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Basemap } from '../catalogue/basemap_types';
import type { Lang } from '../catalogue/types';
import { embeddedParts } from './basemap_style';

/** Every basemap style layer and source id starts with this (so they read as basemap in the style). */
export const BASEMAP_PREFIX = 'basemap';
export const PROTOMAPS_SOURCE = `${BASEMAP_PREFIX}-pm`;

export interface BasemapParts {
  sources: Record<string, SourceSpecification>;
  below: LayerSpecification[];
  labels: LayerSpecification[];
}

export async function basemapParts(basemap: Basemap, resolveUrl: (url: string) => string, lang: Lang): Promise<BasemapParts> {
  switch (basemap.kind) {
    case 'embedded':
      return embeddedParts(resolveUrl(basemap.url), basemap.worldUrl && resolveUrl(basemap.worldUrl), basemap.detailMaxZoom);
    case 'pmtiles-vector': {
      const source = PROTOMAPS_SOURCE;
      const { protomapsParts } = await import('./basemap_protomaps');
      return {
        sources: { [source]: { type: 'vector', url: `pmtiles://${resolveUrl(basemap.url)}`, attribution: '' } },
        ...protomapsParts(source, basemap.flavor, lang, `${BASEMAP_PREFIX}-pm-`),
      };
    }
    case 'raster-xyz':
      return rasterParts(resolveUrl(basemap.url), basemap.tileSize, basemap.maxZoom);
    case 'wmts':
      return rasterParts(wmtsToXyz(resolveUrl(basemap.url)), basemap.tileSize, basemap.maxZoom);
  }
}

/** WMTS REST on a Web Mercator (GoogleMapsCompatible) matrix set: matrix = z, row = y, column = x. */
export function wmtsToXyz(template: string): string {
  return template.replaceAll('{TileMatrix}', '{z}').replaceAll('{TileRow}', '{y}').replaceAll('{TileCol}', '{x}');
}

function rasterParts(template: string, tileSize: number, maxZoom: number): BasemapParts {
  const source = `${BASEMAP_PREFIX}-raster`;
  return {
    // the attribution is shown by the app's own line (ui/attribution.ts), not MapLibre's control
    sources: { [source]: { type: 'raster', tiles: [template], tileSize, maxzoom: maxZoom, attribution: '' } },
    below: [{ id: `${BASEMAP_PREFIX}-raster`, type: 'raster', source }],
    labels: [],
  };
}
