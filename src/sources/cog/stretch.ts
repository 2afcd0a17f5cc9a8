// Percentile stretch (`stretchPercent: [2, 98]`): the catalogue gives the ramp's colours or asks
// for an RGB stretch, and the values come from the file's own statistics (smallest overview).
import type { CogRendering } from '../../catalogue/types';
import type { Cog } from './open';
import { percentStretch, readPixelSample, validSampleValues } from './stats';

/** The rendering with `stretchPercent` turned into concrete ramp values / per-band stretch. */
export async function resolveStretch(cog: Cog, rendering: CogRendering, signal?: AbortSignal): Promise<CogRendering> {
  const percent = rendering.stretchPercent;
  if (!percent || rendering.product || rendering.mode === 'categorical') return rendering;
  const bands = rendering.bands ?? (rendering.mode === 'rgb' ? [1, 2, 3] : [1]);
  const sample = await readPixelSample(cog, bands, signal);
  const ranges = sample.bands.map((values) => percentStretch(validSampleValues(values, cog.nodata, sample.mask), percent));
  return applyStretch(rendering, ranges);
}

/** Pure part: per-band [low, high] → rgb stretch, or the ramp's stops spread over [low, high]. */
export function applyStretch(rendering: CogRendering, ranges: Array<[number, number]>): CogRendering {
  if (rendering.mode === 'rgb') return { ...rendering, stretch: ranges };
  const [low, high] = ranges[0] ?? [0, 1];
  const stops = rendering.ramp ?? [[0, '#000000'], [1, '#ffffff']];
  const first = stops[0]?.[0] ?? 0;
  const last = stops[stops.length - 1]?.[0] ?? 1;
  const span = last - first || 1;
  const ramp = stops.map(([value, colour]): [number, string] => [low + ((value - first) / span) * (high - low), colour]);
  return { ...rendering, ramp };
}
