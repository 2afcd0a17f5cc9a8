// Attribute values as people read them, in the UI language: code lists decoded, numbers
// with units, years and dates through Intl (fr-CA / en-CA). Pure, DOM-free.
import type { Lang, LayerDefinition, QueryField } from '../catalogue/types';

export interface AttributeRow {
  name: string;
  label: string;
  value: string;
}

export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-CA' : 'fr-CA';
}

/**
 * The rows to show for one feature: the layer's declared fields in their order (empty
 * values left out); every raw attribute when the layer declares none.
 */
export function formatAttributes(
  properties: Record<string, unknown> | null, fields: QueryField[] | undefined, lang: Lang,
): AttributeRow[] {
  const props = properties ?? {};
  if (!fields || fields.length === 0) {
    return Object.entries(props)
      .map(([name, raw]) => ({ name, label: name, value: formatValue(raw, undefined, lang) }))
      .filter((row): row is AttributeRow => row.value !== null);
  }
  const rows: AttributeRow[] = [];
  for (const field of fields) {
    const value = formatValue(props[field.name], field, lang);
    if (value !== null) rows.push({ name: field.name, label: field.label[lang], value });
  }
  return rows;
}

/** One value as text; null when there is nothing to show (null, undefined, ''). */
export function formatValue(raw: unknown, field: QueryField | undefined, lang: Lang): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const code = field?.codes?.[String(raw)];
  if (code) return code[lang];
  switch (field?.type) {
    case 'year':
      return formatYear(raw, lang) ?? String(raw);
    case 'date':
      return formatDate(raw, lang) ?? String(raw);
    case 'number':
      return typeof raw === 'number' || /^-?\d+(\.\d+)?$/.test(String(raw))
        ? withUnit(formatNumber(Number(raw), lang), field.unit)
        : String(raw);
    default:
      return withUnit(typeof raw === 'number' ? formatNumber(raw, lang) : String(raw), field?.unit);
  }
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 3 }).format(value);
}

/** 2019, "2019" or "2019-04-21" → "2019" (through Intl, so no digit grouping appears). */
export function formatYear(raw: unknown, lang: Lang): string | null {
  const year = yearOf(raw);
  if (year === null) return null;
  return new Intl.DateTimeFormat(localeOf(lang), { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, 0, 1));
}

/** ISO date text or epoch milliseconds → "21 avril 2019" / "April 21, 2019". */
export function formatDate(raw: unknown, lang: Lang): string | null {
  const time = typeof raw === 'number' ? raw : Date.parse(String(raw));
  if (!Number.isFinite(time)) return null;
  const hasTime = typeof raw === 'string' && /T\d{2}:\d{2}/.test(raw);
  return new Intl.DateTimeFormat(localeOf(lang), {
    dateStyle: 'long', ...(hasTime ? { timeStyle: 'short' } : {}), timeZone: hasTime ? undefined : 'UTC',
  }).format(time);
}

/** The year of a number (2019), a year text or an ISO date; null when there is none. */
export function yearOf(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw > 0 && raw < 10000 ? raw : null;
  const match = /^\s*(\d{4})(?:\b|-)/.exec(String(raw ?? ''));
  return match ? Number(match[1]) : null;
}

function withUnit(text: string, unit: string | undefined): string {
  // A no-break space keeps "52,3 ha" on one line.
  return unit ? `${text}\u00a0${unit}` : text;
}

/** A latitude or longitude for display: five decimals (about a metre), in the UI locale. */
export function formatCoordinate(value: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: 5, maximumFractionDigits: 5 }).format(value);
}

/**
 * A raster pixel value in words: a categorical layer's value named through its legend (the
 * category's colour picks the legend item: 1 → "Eau observée"), else the number with the
 * layer's unit. Null when there is no data.
 */
/** `bandUnit`: the unit the file gives the band (GDAL UNITTYPE), used when the catalogue names none. */
export function rasterValueText(value: number | null, def: LayerDefinition | undefined, lang: Lang, bandUnit?: string | null): string | null {
  if (value === null) return null;
  const cog = def?.source.cog;
  const colour = cog?.mode === 'categorical' ? cog.categories?.[String(value)] : undefined;
  const item = colour ? def?.legend.items.find((candidate) => candidate.color.toLowerCase() === colour.toLowerCase()) : undefined;
  if (item) return item.label[lang];
  const unit = cog?.unit ?? bandUnit;
  return `${formatNumber(value, lang)}${unit ? `\u00a0${unit}` : ''}`;
}
