// The basemap catalogue: the shape of layers/basemaps.json. Each kind is one member of a
// discriminated union, so the compiler points at every place a new kind must be handled.
import type { I18nText } from './types';

export const BASEMAP_KINDS = ['embedded', 'pmtiles-vector', 'raster-xyz', 'wmts'] as const;
export type BasemapKind = (typeof BASEMAP_KINDS)[number];
export const PROTOMAPS_FLAVORS = ['light', 'grayscale', 'dark'] as const;
export type ProtomapsFlavor = (typeof PROTOMAPS_FLAVORS)[number];

interface BasemapCommon {
  /** Lower-case id, used in the link (`base=<id>`). */
  id: string;
  title: I18nText;
  /** Shown in the map's attribution line whenever this basemap is on. */
  attribution: string;
  /** Invented data: the switcher and the attribution say so. */
  synthetic?: boolean;
}

/** The offline basemap built by `npm run data:demo` (Natural Earth land, GeoNames places). */
export interface EmbeddedBasemap extends BasemapCommon {
  kind: 'embedded';
  /** PMTiles archive with land, boundaries and places (src/map/basemap_style.ts). */
  url: string;
  /** Low-resolution world land drawn outside the archive's box at small scales. */
  worldUrl?: string;
  /** Past this zoom the data is too coarse: the app says so and stops drawing the coastline. */
  detailMaxZoom: number;
}

/** A vector PMTiles archive in the Protomaps basemap schema, styled with @protomaps/basemaps. */
export interface ProtomapsBasemap extends BasemapCommon {
  kind: 'pmtiles-vector';
  url: string;
  flavor: ProtomapsFlavor;
}

/** Raster tiles from a URL template with {z}, {x} and {y}, e.g. OpenStreetMap or an orthophoto cache. */
export interface RasterXyzBasemap extends BasemapCommon {
  kind: 'raster-xyz';
  url: string;
  tileSize: 256 | 512;
  maxZoom: number;
}

/** A WMTS layer in REST form on a Web Mercator tile matrix set ({TileMatrix}, {TileRow}, {TileCol}). */
export interface WmtsBasemap extends BasemapCommon {
  kind: 'wmts';
  url: string;
  tileSize: 256 | 512;
  maxZoom: number;
}

export type Basemap = EmbeddedBasemap | ProtomapsBasemap | RasterXyzBasemap | WmtsBasemap;

/** layers/basemaps.json */
export interface BasemapCatalogueFile {
  /** The basemap shown when the link and the session name none. */
  default: string;
  basemaps: Basemap[];
}
