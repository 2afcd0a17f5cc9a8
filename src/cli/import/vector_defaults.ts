// Defaults for a vector layer imported without a recipe (pure): a time block when a field holds dates,
// years or periods; colours per class when a text field has few values; the data's own date.

import type { I18nText, Legend, StyleLayer, TimeSpec } from '../../catalogue/types';
import { CATEGORY_PALETTE } from '../../queries/default_style_raster';
import { styleForGeometry, type GeometryKind } from '../../queries/default_style_geometry';
import type { FieldSample } from './vector_samples';

/** Classes beyond this are too many colours to tell apart in a legend. */
export const MAX_CLASSES = 12;
const PERIOD = /^\d{4}\s*[-–]\s*\d{4}$/;
const YEAR = /^\d{4}$/;
const ISO_DATE = /^\d{4}[-/]\d{2}[-/]\d{2}/;
const YEAR_NAMES = /^(year|annee|année|an|yr|an_.*|.*_year|.*_annee)$/i;
const CLASS_NAMES = /sev|classe|class|categ|type|cause|niveau|level|statut|status|gravit|zone/i;
const TIME_NAMES = /date|time|period|periode|période|decennie|décennie|year|annee|année/i;

/** The first field that looks like a time: Date/DateTime fields, year fields, "1990-1999" periods. */
export function detectTime(samples: FieldSample[]): TimeSpec | undefined {
  const kindOf = (sample: FieldSample): TimeSpec['kind'] | undefined => {
    const values = sample.distinct;
    if (sample.type === 'Date' || sample.type === 'DateTime') return 'date';
    if (!values?.length) return undefined;
    if (values.every((v) => PERIOD.test(v))) return 'period';
    if (values.every((v) => YEAR.test(v) && Number(v) >= 1000 && Number(v) <= 2999) && YEAR_NAMES.test(sample.name)) return 'year';
    if (TIME_NAMES.test(sample.name) && values.every((v) => ISO_DATE.test(v))) return 'date';
    return undefined;
  };
  // Periods and years say more about a layer than a date of last edit: prefer them.
  const found = samples.map((sample) => ({ sample, kind: kindOf(sample) })).filter((f) => f.kind !== undefined);
  const chosen = found.find((f) => f.kind !== 'date') ?? found[0];
  return chosen ? { field: chosen.sample.name, kind: chosen.kind as TimeSpec['kind'] } : undefined;
}

/** The latest time of the time field, as an attribution date (YYYY or YYYY-MM-DD). */
export function dataDate(time: TimeSpec | undefined, samples: FieldSample[]): string | undefined {
  const sample = samples.find((s) => s.name === time?.field);
  const latest = sample?.distinct?.[sample.distinct.length - 1] ?? sample?.max;
  if (!latest) return undefined;
  if (time?.kind === 'period') return latest.slice(-4) <= String(new Date().getFullYear()) ? latest.slice(-4) : undefined;
  if (time?.kind === 'year') return latest.slice(0, 4);
  return ISO_DATE.test(latest) ? latest.slice(0, 10).replace(/\//g, '-') : undefined;
}

export interface CategoryLook {
  field: string;
  style: StyleLayer[];
  legend: Legend;
}

/** Colours per period of a period time field, else per value of the first text field with 2…MAX_CLASSES values. */
export function detectCategories(samples: FieldSample[], geometry: GeometryKind, time?: TimeSpec): CategoryLook | undefined {
  // Periods ("1990-1999") are classes too, and the reason the data was grouped: they come first.
  const periods = time?.kind === 'period' ? samples.find((s) => s.name === time.field && (s.distinct?.length ?? 0) <= 20) : undefined;
  const timeLike = (values: string[]): boolean => values.every((v) => ISO_DATE.test(v) || YEAR.test(v) || PERIOD.test(v));
  const candidates = samples.filter((s) => s.type === 'String' && s.name !== time?.field && s.distinct !== undefined &&
    s.distinct.length >= 2 && s.distinct.length <= MAX_CLASSES && !timeLike(s.distinct));
  // A field named like a class (severity, type, cause…) says more than the first short list found.
  const sample = periods ?? candidates.find((s) => CLASS_NAMES.test(s.name)) ?? candidates[0];
  if (!sample?.distinct) return undefined;
  const values = sample.distinct;
  const colours = values.map((_, i) => CATEGORY_PALETTE[i % CATEGORY_PALETTE.length] as string);
  const colour = ['match', ['to-string', ['get', sample.name]], ...values.flatMap((v, i) => [v, colours[i]]), '#9e9e9e'];
  const style = styleForGeometry(geometry, '#000000').map((layer) => ({
    ...layer,
    paint: Object.fromEntries(Object.entries(layer.paint ?? {}).map(([k, v]) => [k, k.endsWith('-color') && k !== 'circle-stroke-color' ? colour : v])),
  }));
  const shape = geometry === 'line' ? 'line' : geometry === 'point' ? 'circle' : 'fill';
  const label = (text: string): I18nText => ({ fr: text, en: text });
  return { field: sample.name, style, legend: { type: 'categories', items: values.map((v, i) => ({ label: label(v), color: colours[i] as string, shape })) } };
}
