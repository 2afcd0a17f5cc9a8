// What the starter layer file takes from the data itself when no recipe says better (pure): a time
// block, colours per class and the data's own date for vectors; a title, a description line and the
// file's date for rasters.

import type { I18nText, LayerDefinition } from '../../catalogue/types';
import type { GeometryKind } from '../../queries/default_style_geometry';
import { dataDate, detectCategories, detectTime } from './vector_defaults';
import type { FieldSample } from './vector_samples';

export function withVectorDefaults(layer: LayerDefinition, samples: FieldSample[], geometry: GeometryKind): LayerDefinition {
  const time = detectTime(samples);
  const categories = detectCategories(samples, geometry, time);
  const date = dataDate(time, samples);
  const out: LayerDefinition = { ...layer, attribution: { ...layer.attribution, ...(date ? { date } : {}) } };
  if (time) out.time = time;
  if (categories) Object.assign(out, { style: categories.style, legend: categories.legend });
  if (time && out.fields) out.fields = out.fields.map((field) => (field.name === time.field && time.kind !== 'period' ? { ...field, type: time.kind } : field));
  return out;
}

/** What a GeoTIFF says about itself (GDAL metadata). */
export interface RasterMetadata {
  /** TIFFTAG_DOCUMENTNAME or TIFFTAG_IMAGEDESCRIPTION. */
  name?: string;
  /** Band descriptions, band 1 first. */
  bandDescriptions: string[];
  /** TIFFTAG_DATETIME ("2020:06:30 12:00:00"). */
  datetime?: string;
}

/** `titleGiven`: the user chose a title (--title-fr/--title-en): it is kept. */
export function withRasterDefaults(layer: LayerDefinition, meta: RasterMetadata, titleGiven: boolean): LayerDefinition {
  const out: LayerDefinition = { ...layer };
  const name = meta.name?.trim() || (meta.bandDescriptions.length === 1 ? meta.bandDescriptions[0]?.trim() : undefined);
  if (name && !titleGiven) out.title = { fr: name, en: name };
  const bands = meta.bandDescriptions.map((d, i) => (d.trim() ? `${i + 1}: ${d.trim()}` : '')).filter(Boolean);
  if (bands.length) {
    const list = bands.join('; ');
    out.description = { fr: `${layer.description.fr} Bandes — ${list}.`, en: `${layer.description.en} Bands — ${list}.` } as I18nText;
  }
  const date = /^(\d{4})[:-](\d{2})[:-](\d{2})/.exec(meta.datetime ?? '');
  if (date) out.attribution = { ...layer.attribution, date: `${date[1]}-${date[2]}-${date[3]}` };
  return out;
}
