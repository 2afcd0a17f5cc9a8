// Builds the starter layers/local/<id>.json for an imported file (pure). The user edits it afterwards:
// everything we cannot know (organisation, licence, a real description) is marked "to be completed".

import type { LayerDefinition, QueryField, I18nText } from '../../catalogue/types';
import { TO_BE_COMPLETED } from '../../catalogue/attribution_marker';
import type { GeometryKind } from './zoom';
import type { RasterStyle } from '../../queries/default_style_raster';
import { colourForId, legendForGeometry, styleForGeometry } from '../../queries/default_style_geometry';

export interface LayerBasics {
  id: string;
  title: I18nText;
  /** The input file's name, quoted in the description. */
  fileName: string;
  group: string;
  /** URL of the data file relative to the app. */
  url: string;
  /** ISO date of the import (YYYY-MM-DD). */
  today: string;
  bounds: [number, number, number, number];
}

export interface VectorField {
  name: string;
  /** OGR field type: Integer, Integer64, Real, String, Date, DateTime… */
  type: string;
}

export interface VectorFacts {
  sourceLayer: string;
  geometry: GeometryKind;
  fields: VectorField[];
  minzoom: number;
  maxzoom: number;
}

export { TO_BE_COMPLETED };

export function buildVectorLayer(basics: LayerBasics, facts: VectorFacts): LayerDefinition {
  const colour = colourForId(basics.id);
  return {
    ...common(basics),
    source: { kind: 'pmtiles-vector', url: basics.url, sourceLayer: facts.sourceLayer },
    style: styleForGeometry(facts.geometry, colour),
    legend: legendForGeometry(facts.geometry, colour, basics.title),
    fields: facts.fields.map(queryField),
    attribution: attribution(basics.today),
    minzoom: facts.minzoom,
    bounds: basics.bounds,
  };
}

export function buildRasterLayer(basics: LayerBasics, style: RasterStyle): LayerDefinition {
  return {
    ...common(basics),
    source: { kind: 'cog', url: basics.url, cog: style.cog },
    // classes: MapLibre must not blend neighbouring tile pixels into colours that are not in the legend
    style: [{ type: 'raster', paint: { 'raster-opacity': 1, ...(style.cog.mode === 'categorical' ? { 'raster-resampling': 'nearest' } : {}) } }],
    legend: style.legend,
    attribution: attribution(basics.today),
    bounds: basics.bounds,
  };
}

function common(basics: LayerBasics): Pick<LayerDefinition, 'id' | 'title' | 'description' | 'group'> {
  return {
    id: basics.id,
    title: basics.title,
    description: {
      fr: `Couche importée de « ${basics.fileName} » le ${basics.today}. Description à compléter.`,
      en: `Layer imported from "${basics.fileName}" on ${basics.today}. Description to be completed.`,
    },
    group: basics.group,
  };
}

function attribution(today: string): LayerDefinition['attribution'] {
  return { organisation: TO_BE_COMPLETED, licence: 'À compléter / To be completed', date: today };
}

function queryField(field: VectorField): QueryField {
  return { name: field.name, label: { fr: field.name, en: field.name }, type: fieldType(field.type) };
}

function fieldType(ogrType: string): QueryField['type'] {
  if (/^(Integer|Integer64|Real)$/.test(ogrType)) return 'number';
  if (/^(Date|DateTime)$/.test(ogrType)) return 'date';
  return 'string';
}

/** Raster group when --group is not given: LiDAR products by their usual names, else forest. */
export function guessRasterGroup(fileName: string): string {
  return /lidar|mnt|mns|mhc|dem|dtm|dsm|chm|elev|altitude|pente|slope|hillshade|ombrage/i.test(fileName) ? 'lidar' : 'forest';
}
