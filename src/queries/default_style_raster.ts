// Chooses how a COG is coloured from its band layout and a sample of its pixels (pure; shared by
// the import CLI and the browser's Add data, so a file looks the same either way).
// continuous: a 2–98 % ramp for one band; rgb: a per-band 2–98 % stretch for 3+ bands of UInt8/UInt16;
// categorical: a colour table, or a few distinct integer values.

import type { CogRendering, Legend, I18nText } from '../catalogue/types';

export interface BandSample {
  /** GDAL data type name: Byte, UInt16, Int16, Float32… */
  type: string;
  noData?: number | null;
  /** Colour table entries from GDAL, index → [r, g, b, a]. */
  colorTable?: Array<[number, number, number, number]>;
  /** Pixel values read from the raster (any overview); nodata and NaN are skipped here. */
  values: ArrayLike<number>;
  /** GDAL's scale/offset and unit of the band: ramp legend labels are given in those units. */
  scaling?: BandScaling;
}

export interface BandScaling { scale: number; offset: number; unit: string | null }

export interface RasterStyle {
  cog: CogRendering;
  legend: Legend;
}

/** Above this many distinct integer values a single band is drawn as a ramp, not as classes. */
export const MAX_CATEGORIES = 16;
/** Twenty distinguishable class colours (Tableau 20 order), enough for MAX_CATEGORIES without repeats. */
export const CATEGORY_PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
  '#aec7e8', '#ffbb78', '#98df8a', '#ff9896', '#c5b0d5', '#c49c94', '#f7b6d2', '#c7c7c7', '#dbdb8d', '#9edae5'];
const RAMP = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
const INTEGER_TYPES = new Set(['Byte', 'Int8', 'UInt16', 'Int16', 'UInt32', 'Int32', 'UInt64', 'Int64']);

export function validValues(band: BandSample): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < band.values.length; i++) {
    const value = band.values[i] as number;
    if (Number.isFinite(value) && value !== band.noData) out.push(value);
  }
  return Float64Array.from(out);
}

/** Nearest-rank percentile of sorted values (p in 0..100). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function stretch2to98(values: Float64Array): [number, number] {
  const sorted = Float64Array.from(values).sort();
  let low = percentile(sorted, 2);
  let high = percentile(sorted, 98);
  if (!(high > low)) [low, high] = [sorted[0] ?? 0, sorted[sorted.length - 1] ?? 1];
  if (!(high > low)) high = low + 1; // a constant raster still needs a usable ramp
  return [low, high];
}

/** The sorted distinct values when there are at most `limit` of them, else undefined. */
export function fewDistinct(values: Float64Array, limit: number): number[] | undefined {
  const seen = new Set<number>();
  for (const value of values) {
    seen.add(value);
    if (seen.size > limit) return undefined;
  }
  return [...seen].sort((a, b) => a - b);
}

const hex = (n: number): string => Math.round(n).toString(16).padStart(2, '0');
const rgbHex = ([r, g, b]: [number, number, number, number]): string => `#${hex(r)}${hex(g)}${hex(b)}`;
const label = (text: string): I18nText => ({ fr: text, en: text });

export function chooseRasterStyle(bands: BandSample[]): RasterStyle {
  const first = bands[0];
  if (!first) throw new Error('a raster needs at least one band');
  if (bands.length >= 3 && bands.slice(0, 3).every((band) => band.type === 'Byte' || band.type === 'UInt16')) {
    return rgbStyle(bands.slice(0, 3));
  }
  const values = validValues(first);
  const codes = INTEGER_TYPES.has(first.type) ? fewDistinct(values, MAX_CATEGORIES) : undefined;
  if (first.colorTable?.length || codes) return categoricalStyle(first, codes ?? fewDistinct(values, 256) ?? []);
  return continuousStyle(values, first.scaling);
}

function rgbStyle(bands: BandSample[]): RasterStyle {
  return {
    cog: { mode: 'rgb', bands: [1, 2, 3], stretch: bands.map((band) => stretch2to98(validValues(band))), resampling: 'bilinear' },
    legend: {
      type: 'categories',
      items: [{ label: { fr: 'Composition colorée (bandes 1, 2, 3)', en: 'Colour composite (bands 1, 2, 3)' }, color: '#808080', shape: 'raster' }],
    },
  };
}

function categoricalStyle(band: BandSample, codes: number[]): RasterStyle {
  const table = band.colorTable;
  const categories: Record<string, string> = {};
  codes.forEach((code, i) => {
    const entry = table?.[code];
    categories[String(code)] = entry ? rgbHex(entry) : (CATEGORY_PALETTE[i % CATEGORY_PALETTE.length] as string);
  });
  const items = codes.map((code) => ({ label: label(String(code)), color: categories[String(code)] as string, shape: 'raster' as const }));
  return { cog: { mode: 'categorical', bands: [1], categories, resampling: 'nearest' }, legend: { type: 'categories', items } };
}

function continuousStyle(values: Float64Array, scaling?: BandScaling): RasterStyle {
  const [low, high] = stretch2to98(values);
  const ramp = RAMP.map((colour, i): [number, string] => [low + ((high - low) * i) / (RAMP.length - 1), colour]);
  // the ramp stays on raw values (what tiles hold); its labels are in the band's units
  const text = (value: number) => formatValue(value * (scaling?.scale ?? 1) + (scaling?.offset ?? 0)) + (scaling?.unit ? `\u00a0${scaling.unit}` : '');
  const items = ramp.map(([value, colour]) => ({ label: label(text(value)), color: colour, shape: 'raster' as const }));
  return { cog: { mode: 'continuous', bands: [1], ramp, resampling: 'bilinear' }, legend: { type: 'ramp', items } };
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}
