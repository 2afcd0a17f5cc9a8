// Default rendering and legend for a COG the user adds: from its data type and a pixel sample
// (pure). The choice itself is shared with the import pipeline (default_style_raster.ts), so a
// file looks the same whether it is imported with `npm run import` or added in the browser.
import type { CogRendering, Legend } from '../catalogue/types';
import { chooseRasterStyle, MAX_CATEGORIES, type BandSample, type BandScaling } from './default_style_raster';

export { MAX_CATEGORIES };

export interface CogSummary {
  /** numpy-style data type of the COG engine: uint8, int16, float32… */
  dtype: string;
  nodata: number | null;
  /** A palette file's colour table (band 1), index → [r, g, b, a]. */
  colorTable?: Array<[number, number, number, number]> | null;
  /** Band 1's GDAL scale/offset and unit: the legend shows values in those units. */
  scaling?: BandScaling;
}

export interface DefaultRasterStyle {
  rendering: CogRendering;
  legend: Legend;
}

const GDAL_TYPES: Record<string, string> = {
  uint8: 'Byte', int8: 'Int8', uint16: 'UInt16', int16: 'Int16', uint32: 'UInt32', int32: 'Int32',
  float32: 'Float32', float64: 'Float64', uint64: 'UInt64', int64: 'Int64',
};

/** The GDAL name of an engine data type ("uint16" → "UInt16"); unknown types stay as they are. */
export function gdalTypeOf(dtype: string): string {
  return GDAL_TYPES[dtype] ?? dtype;
}

/**
 * 1 band → categorical when it holds few distinct integers, else a ramp stretched 2–98 %;
 * 3+ bands of UInt8/UInt16 → RGB with a 2–98 % stretch per band.
 * `bands` are sample values of bands 1..n (masked pixels already NaN or absent).
 */
export function defaultCogStyle(summary: CogSummary, bands: ArrayLike<number>[]): DefaultRasterStyle {
  const type = gdalTypeOf(summary.dtype);
  const samples: BandSample[] = bands.map((values, i) => ({
    type, noData: summary.nodata, values, ...(i === 0 && summary.colorTable ? { colorTable: summary.colorTable } : {}),
    ...(i === 0 && summary.scaling ? { scaling: summary.scaling } : {}),
  }));
  const { cog, legend } = chooseRasterStyle(samples);
  return { rendering: cog, legend };
}

/** Sets masked pixels (mask value 0) to NaN so statistics skip them. */
export function applyMask(values: ArrayLike<number>, mask: ArrayLike<number> | null): ArrayLike<number> {
  if (!mask) return values;
  const out = Float64Array.from(values as ArrayLike<number>);
  for (let i = 0; i < out.length; i++) if (mask[i] === 0) out[i] = Number.NaN;
  return out;
}
