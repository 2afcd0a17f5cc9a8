// What the legend says for a COG layer drawn band by band: the bands' names from the file and, for
// one band, the ramp's colours over the values it spans — stretched as the tile workers stretch
// them (the file's 2–98 % percentiles of that band) — in the band's units (GDAL scale/offset).
import type { CogRendering } from '../catalogue/types';
import { bandInfo, scaled } from '../sources/cog/bands';
import type { Cog } from '../sources/cog/open';
import { resolveStretch } from '../sources/cog/stretch';
import type { BandLegend } from '../ui/band_legend';

/** `rendering`: how the layer is drawn now (its catalogue/default style, or the picked bands'). */
export async function bandLegendOf(cog: Cog, rendering: CogRendering): Promise<BandLegend> {
  const bands = rendering.bands ?? (rendering.mode === 'rgb' ? [1, 2, 3] : [1]);
  const infos = await bandInfo(cog);
  const picked = bands.map((band) => ({ band, description: infos[band - 1]?.description ?? null }));
  if (bands.length === 3) return { bands: picked };
  const stops = (await resolveStretch(cog, rendering)).ramp ?? [];
  const info = infos[bands[0]! - 1];
  const value = (raw: number) => (info ? scaled(info, raw)! : raw);
  const low = stops[0]?.[0];
  const high = stops[stops.length - 1]?.[0];
  if (low === undefined || high === undefined) return { bands: picked };
  return { bands: picked, ramp: { colors: stops.map(([, colour]) => colour), low: value(low), high: value(high), unit: rendering.unit ?? info?.unit ?? null } };
}

/** Whether the file names any of the bands (a layer added by the user then gets a band legend). */
export function namesBands(legend: BandLegend): boolean {
  return legend.bands.some((band) => band.description !== null);
}
