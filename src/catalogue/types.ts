// The layer catalogue: the shape of layers/catalogue.json and layers/<id>.json.
// These files are data written by people; validate.ts checks them against this shape.

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** A text in both UI languages. */
export interface I18nText {
  fr: string;
  en: string;
}

/** layers/catalogue.json */
export interface CatalogueFile {
  /** Groups in panel order. */
  groups: Array<{ id: string; title: I18nText }>;
  /** Layer ids, top of the map first. Each id names layers/<id>.json. */
  layers: string[];
  /** Seconds between re-reads of catalogue.json, so a new event's layers appear (near real time). */
  refresh?: number;
}

export type SourceKind = LayerSource['kind'];

/** What every source kind has: where its file is, and optionally one file per date. */
interface SourceCommon {
  /** Relative to the app (e.g. "data/fires.pmtiles") or absolute (https://…). */
  url: string;
  /** A time series of files of the same kind, one per date, ascending (`url` above is the date shown first). */
  series?: SeriesEntry[];
}

/** Vector tiles in a PMTiles archive. */
export interface PmtilesVectorSource extends SourceCommon {
  kind: 'pmtiles-vector';
  /** Vector tile layer name; required (the validator says so). */
  sourceLayer?: string;
  cog?: undefined;
}

/** Image tiles (colours, not values) in a PMTiles archive. */
export interface PmtilesRasterSource extends SourceCommon {
  kind: 'pmtiles-raster';
  sourceLayer?: undefined;
  cog?: undefined;
}

/** A Cloud Optimized GeoTIFF, rendered in the browser. */
export interface CogSource extends SourceCommon {
  kind: 'cog';
  /** Raster (COG) rendering options; required (the validator says so). Owned by src/sources/cog. */
  cog?: CogRendering;
  sourceLayer?: undefined;
}

/** A whole GeoJSON file. */
export interface GeojsonSource extends SourceCommon {
  kind: 'geojson';
  sourceLayer?: undefined;
  cog?: undefined;
}

/**
 * A layer's data, one variant per kind. Adding a kind here makes tsc list every registry that must
 * handle it (sources/kinds/traits, queries/identify, queries/kind_features, map/source_kinds,
 * catalogue/to_style, offline/area_plan; see docs/architecture.md, "Source kinds").
 */
export type LayerSource = PmtilesVectorSource | PmtilesRasterSource | CogSource | GeojsonSource;

/** One date of a series of sources (e.g. one flood-extent COG per acquisition date). */
export interface SeriesEntry {
  /** ISO date "2019-05-04" (or a year). */
  date: string;
  url: string;
}

/** How a COG is turned into colours. Extended by the COG source. */
export interface CogRendering {
  /** continuous ramp, categorical table, or RGB composite of three bands. */
  mode: 'continuous' | 'categorical' | 'rgb';
  /** 1-based band numbers; one for continuous/categorical, three for rgb. */
  bands?: number[];
  /** continuous: [value, colour] stops, values ascending. */
  ramp?: Array<[number, string]>;
  /** categorical: code → colour. Labels come from the legend. */
  categories?: Record<string, string>;
  /** rgb: per-band [min, max] stretch. */
  stretch?: Array<[number, number]>;
  /** [low, high] percentiles (e.g. [2, 98]) of the file's smallest overview: they set the rgb
   *  stretch, or spread the ramp's stops (colours kept, values replaced) over that range. */
  stretchPercent?: [number, number];
  resampling?: 'nearest' | 'bilinear';
  /** Derived products computed from a DEM band. */
  product?: 'hillshade' | 'slope';
  unit?: string;
  /** "EPSG:n" or a proj4 definition that replaces the CRS the file declares (wrong or missing GeoKeys). */
  crs?: string;
}

/** One MapLibre style layer drawn for this catalogue layer (the id and source are added by to_style). */
export interface StyleLayer {
  type: 'fill' | 'line' | 'circle' | 'symbol' | 'raster' | 'fill-extrusion' | 'heatmap';
  paint?: Record<string, unknown>;
  layout?: Record<string, unknown>;
  filter?: unknown[];
  minzoom?: number;
  maxzoom?: number;
}

export type LegendShape = 'fill' | 'line' | 'circle' | 'raster';

export interface LegendItem {
  label: I18nText;
  color: string;
  shape?: LegendShape;
}

export interface Legend {
  /** categories: one swatch per item; ramp: a gradient from first to last item. */
  type: 'categories' | 'ramp';
  items: LegendItem[];
}

export interface QueryField {
  name: string;
  label: I18nText;
  type?: 'string' | 'number' | 'date' | 'year';
  unit?: string;
  /** Code list: raw value → label (e.g. gr_ess "SB" → Sapinière à bouleau). */
  codes?: Record<string, I18nText>;
}

export interface Attribution {
  organisation: I18nText;
  licence: string;
  /** Date of the data (ISO date or year). */
  date: string;
  url?: string;
}

/** What makes a layer time-enabled: an attribute (year, date, or period "1990-1999") or source.series. */
export interface TimeSpec {
  /** The attribute holding the time; not used by a series (its dates are the series'). */
  field?: string;
  kind: 'year' | 'date' | 'period';
  /** The layer's distinct times, when the app should not collect them from the data. */
  values?: string[];
}

/** layers/<id>.json */
export interface LayerDefinition {
  id: string;
  title: I18nText;
  description: I18nText;
  group: string;
  source: LayerSource;
  style: StyleLayer[];
  legend: Legend;
  fields?: QueryField[];
  attribution: Attribution;
  time?: TimeSpec;
  /** Demo data made by the project's seeded generator. */
  synthetic?: boolean;
  /** Shown when the app opens without a permalink. */
  visible?: boolean;
  /** 0..1, default 1. */
  opacity?: number;
  minzoom?: number;
  maxzoom?: number;
  /** [west, south, east, north] in degrees; the map can fit to it. */
  bounds?: [number, number, number, number];
  /** URL of a GeoJSON (Multi)Polygon: where the producer mapped; outside it there is no mapping. */
  coverage?: string;
  /** Near real time: seconds between checks of the data file; a changed file is reloaded. */
  refresh?: number;
  /** Marks a flood-zone layer and maps its field's values to recurrence classes. */
  floodZone?: FloodZoneSpec;
  /** Historical flood events / observations, counted near a point by the flood verdict. */
  floodHistory?: FloodHistorySpec;
}

export type FloodClass = '0-20' | '20-100';
export const FLOOD_CLASSES: readonly FloodClass[] = ['0-20', '20-100'];

export interface FloodZoneSpec {
  field: string;
  /** Raw field value → recurrence class. */
  classes: Record<string, FloodClass>;
  /** Where to read more, shown under "what to do" on the flood answer (official map, municipal rules…). */
  links?: FloodLink[];
}

export interface FloodLink {
  label: I18nText;
  /** An absolute https:// address. */
  url: string;
}

export interface FloodHistorySpec {
  /** Field holding the event's year or ISO date. */
  dateField: string;
}
