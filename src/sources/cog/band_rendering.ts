// The rendering of a COG layer drawn with other bands than its catalogue gives: one band with a
// colour ramp (the layer's own ramp when it has one), or an RGB composite, both stretched over
// the file's 2–98 % percentiles of those bands (tile_worker resolves stretchPercent).
import type { CogRendering } from '../../catalogue/types';

/** A perceptual ramp (viridis stops) for a band the catalogue gave no ramp for. */
const DEFAULT_RAMP: Array<[number, string]> = [[0, '#440154'], [0.25, '#3b528b'], [0.5, '#21918c'], [0.75, '#5ec962'], [1, '#fde725']];
const PERCENT: [number, number] = [2, 98];

/** Whether a layer's bands can be picked: an RGB or continuous COG, not a derived product. */
export function bandsPickable(rendering: CogRendering | undefined): rendering is CogRendering {
  return !!rendering && !rendering.product && (rendering.mode === 'rgb' || rendering.mode === 'continuous');
}

export function renderingForBands(base: CogRendering, bands: number[]): CogRendering {
  const common = { ...(base.resampling ? { resampling: base.resampling } : {}), ...(base.crs ? { crs: base.crs } : {}), ...(base.unit ? { unit: base.unit } : {}) };
  if (bands.length === 3) return { mode: 'rgb', bands, stretchPercent: PERCENT, ...common };
  const ramp = base.mode === 'continuous' && base.ramp && base.ramp.length >= 2 ? base.ramp : DEFAULT_RAMP;
  return { mode: 'continuous', bands: bands.slice(0, 1), ramp, stretchPercent: PERCENT, ...common };
}
