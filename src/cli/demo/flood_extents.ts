// Satellite-style flood extents of the synthetic spring flood of 2019, one categorical raster per
// date on the LiDAR grid: 1 = water observed, 0 = dry, 255 = no observation (cloud, or off the land).
// Water is every pixel below the day's water level, so the extents follow the terrain model: rising
// to about the 2019 historical extent (between the 0–20 and 20–100 yr limits), then draining.
import { fractalNoise } from './noise';
import { streamFor } from './prng';
import { FLOOR_M, LIMIT100_M, type LidarRasters } from './lidar_dem';
import { FLOOD_2019_SEVERITY } from './flood_history';

/** The classes of an extent raster's pixels. */
export const EXTENT_CLASS = { water: 1, dry: 0, noObservation: 255 } as const;
export const NO_OBSERVATION = EXTENT_CLASS.noObservation;

export interface FloodDate {
  date: string;
  /** Water level as a position on the floodplain index (0 = channel, 1 = 0–20 yr limit, 2 = 20–100 yr limit). */
  stage: number;
  /** Share of the area under cloud (0 = clear sky). */
  cloud: number;
}

/** Dates match FLOOD_EXTENT_DATES in outputs.ts (the file names). */
export const FLOOD_DATES: FloodDate[] = [
  { date: '2019-04-20', stage: 0.6, cloud: 0 },
  { date: '2019-04-27', stage: 1.15, cloud: 0.12 },
  { date: '2019-05-04', stage: 1 + FLOOD_2019_SEVERITY, cloud: 0 },
  { date: '2019-05-11', stage: 0.85, cloud: 0 },
];

/** The water level (m) of a stage: the floor rises linearly with the floodplain index. */
export function stageElevation(stage: number): number {
  return FLOOR_M + ((LIMIT100_M - FLOOR_M) / 2) * stage;
}

export function floodExtent(seed: number, lidar: LidarRasters, day: FloodDate): Uint8Array {
  const { grid, dem, land } = lidar;
  const level = stageElevation(day.stage);
  const clouds = fractalNoise(streamFor(seed, `clouds-${day.date}`), 4);
  const out = new Uint8Array(dem.length);
  for (let p = 0; p < dem.length; p++) {
    const cloudy = day.cloud > 0 && clouds(grid.km[2 * p]! / 0.8, grid.km[2 * p + 1]! / 0.8) > 1 - 2.6 * day.cloud;
    out[p] = !land[p] || cloudy ? NO_OBSERVATION : dem[p]! < level ? EXTENT_CLASS.water : EXTENT_CLASS.dry;
  }
  return out;
}
