// What the legend says for a COG layer drawn with picked bands: the bands' names from the file and,
// for one band, the ramp's colours over the values it is stretched to (as the tile workers stretch
// them: the file's 2–98 % percentiles of that band), in the band's units (GDAL scale/offset).
import type { CogRendering } from '../catalogue/types';
import { bandInfo, scaled } from '../sources/cog/bands';
import { renderingForBands } from '../sources/cog/band_rendering';
import type { Cog } from '../sources/cog/open';
import { resolveStretch } from '../sources/cog/stretch';
import type { BandLegend } from '../ui/band_legend';

export async function bandLegendOf(cog: Cog, base: CogRendering, bands: number[]): Promise<BandLegend> {
  const infos = await bandInfo(cog);
  const picked = bands.map((band) => ({ band, description: infos[band - 1]?.description ?? null }));
  if (bands.length === 3) return { bands: picked };
  const stretched = await resolveStretch(cog, renderingForBands(base, bands));
  const stops = stretched.ramp ?? [];
  const info = infos[bands[0]! - 1];
  const value = (raw: number) => (info ? scaled(info, raw)! : raw);
  const low = stops[0]?.[0];
  const high = stops[stops.length - 1]?.[0];
  if (low === undefined || high === undefined) return { bands: picked };
  return { bands: picked, ramp: { colors: stops.map(([, colour]) => colour), low: value(low), high: value(high), unit: base.unit ?? info?.unit ?? null } };
}
