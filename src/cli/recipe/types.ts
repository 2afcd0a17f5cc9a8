// The shape of recipes/<name>.json: what to import and how each layer looks, in one file, so one
// command rebuilds a whole catalogue from official downloads (validated by validate.ts).

import type { Attribution, I18nText, QueryField, TimeSpec } from '../../catalogue/types';

/** One class of a categorical style: the field's value, its colour and its label. */
export interface RecipeClass {
  value: string | number;
  color: string;
  label: I18nText;
}

/** One class of a graduated style: [min, max) of a number field. */
export interface RecipeRange {
  min?: number;
  max?: number;
  color: string;
  label: I18nText;
}

export type RecipeStyle =
  /** Vector: one colour. */
  | ({ type: 'single'; color: string; label?: I18nText } & VectorStyleOptions)
  /** Vector: one colour per value of a field (other values get `other`). */
  | ({ type: 'categorical'; field: string; classes: RecipeClass[]; other?: string } & VectorStyleOptions)
  /** Number classes: of a field (vector, `field` required) or of a band's values (raster, `band`, default 1). */
  | ({ type: 'graduated'; field?: string; band?: number; classes: RecipeRange[] } & VectorStyleOptions)
  /** Raster: a continuous colour ramp over band values. */
  | { type: 'ramp'; stops: Array<[number, string]>; unit?: string; band?: number }
  /** Raster: one colour and label per pixel value. */
  | { type: 'categories'; classes: RecipeClass[]; band?: number }
  /** Raster: a colour composite of three bands, stretched. */
  | { type: 'rgb'; bands?: [number, number, number]; stretch?: Array<[number, number]>; stretchPercent?: [number, number] };

/** Options every vector style takes: names drawn from a field, polygons drawn as outlines only. */
export interface VectorStyleOptions {
  labelField?: string;
  outlineOnly?: boolean;
}

export interface RecipeLayer {
  id: string;
  /** A path relative to the recipe's `base` (or the recipe file), or an http(s) URL. */
  input: string;
  title: I18nText;
  description: I18nText;
  group: string;
  style?: RecipeStyle;
  time?: TimeSpec;
  fields?: QueryField[];
  attribution: Attribution;
  refresh?: number;
  visible?: boolean;
  opacity?: number;
  /** Vector import options. */
  layer?: string;
  minzoom?: number;
  maxzoom?: number;
  /** Split the import into this many independent parts (see src/cli/import/partition.ts). */
  partitions?: number;
}

export interface Recipe {
  title?: I18nText;
  /** Folder of the inputs, relative to the recipe file. */
  base?: string;
  layers: RecipeLayer[];
}

export const VECTOR_STYLES = ['single', 'categorical', 'graduated'] as const;
export const RASTER_STYLES = ['ramp', 'categories', 'rgb'] as const;
