// Ecoforest stands over ~30 × 30 km of Mauricie that tile space with no gap and no overlap:
// a fine Voronoi partition of the box (turf.voronoi), whose cells are grouped into irregular
// stands (nearest stand seed under a noise-warped distance) and merged with polyclip-ts.
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { area, centroid, featureCollection, point, voronoi } from '@turf/turf';
import * as polyclip from 'polyclip-ts';
import { localFrame, type BBox } from './geo';
import { fractalNoise } from './noise';
import { streamFor, uniform, type Random } from './prng';
import { standAttributeModel, type StandProps } from './stand_attributes';

export const STANDS_BBOX: BBox = [-72.9, 46.6, -72.5, 46.9];

/** Fine cells ~0.35 km apart, stands ~0.8 km apart: about 4–5 cells per stand. */
export interface StandOptions { bbox?: BBox; cellKm?: number; standKm?: number }

/** One jittered point per grid square: even spacing without the look of a grid. */
function jitteredGrid(rand: Random, widthKm: number, heightKm: number, stepKm: number): Array<[number, number]> {
  const pts: Array<[number, number]> = [];
  for (let y = 0; y < heightKm; y += stepKm) {
    for (let x = 0; x < widthKm; x += stepKm) {
      pts.push([Math.min(widthKm, x + uniform(rand, 0.05, 0.95) * stepKm), Math.min(heightKm, y + uniform(rand, 0.05, 0.95) * stepKm)]);
    }
  }
  return pts;
}

export function ecoforestStands(seed: number, options: StandOptions = {}): FeatureCollection<Polygon, StandProps> {
  const bbox = options.bbox ?? STANDS_BBOX;
  const frame = localFrame(bbox[0], bbox[1]);
  const [widthKm, heightKm] = frame.toKm(bbox[2], bbox[3]);
  const rand = streamFor(seed, 'stands');
  const cellSeeds = jitteredGrid(rand, widthKm, heightKm, options.cellKm ?? 0.35);
  const standKm = options.standKm ?? 0.8;
  const standSeeds = jitteredGrid(rand, widthKm, heightKm, standKm);
  const groups = groupCells(seed, cellSeeds, standSeeds, standKm);
  const cells = voronoi(featureCollection(cellSeeds.map((p) => point(frame.toLonLat(p[0], p[1])))), { bbox });
  const model = standAttributeModel(seed);
  const features: Array<Feature<Polygon, StandProps>> = [];
  groups.forEach((members) => {
    const geoms = members.map((i) => cells.features[i]?.geometry.coordinates).filter((g): g is Position[][] => !!g);
    if (geoms.length === 0) return;
    // A warped group can come out in several pieces: each piece becomes a stand of its own.
    const merged = polyclip.union(geoms as polyclip.Geom, ...(geoms.slice(1) as polyclip.Geom[]));
    for (const coordinates of merged as Position[][][]) {
      const geometry: Polygon = { type: 'Polygon', coordinates };
      const [lon, lat] = centroid(geometry).geometry.coordinates as [number, number];
      const [x, y] = frame.toKm(lon, lat);
      const areaHa = area(geometry) / 1e4;
      features.push({ type: 'Feature', properties: model.at(x, y, features.length + 1, areaHa), geometry });
    }
  });
  return { type: 'FeatureCollection', features };
}

/** For each stand seed, the fine cells closest to it after warping space with noise. */
function groupCells(seed: number, cells: Array<[number, number]>, stands: Array<[number, number]>, standKm: number): number[][] {
  const warpX = fractalNoise(streamFor(seed, 'stands-warp-x'), 3);
  const warpY = fractalNoise(streamFor(seed, 'stands-warp-y'), 3);
  const buckets = new Map<string, number[]>();
  const key = (gx: number, gy: number) => `${gx},${gy}`;
  stands.forEach(([x, y], i) => {
    const k = key(Math.floor(x / standKm), Math.floor(y / standKm));
    buckets.set(k, [...(buckets.get(k) ?? []), i]);
  });
  const groups: number[][] = stands.map(() => []);
  cells.forEach(([x, y], cellIndex) => {
    const wx = x + 0.45 * warpX(x / 1.5, y / 1.5);
    const wy = y + 0.45 * warpY(x / 1.5, y / 1.5);
    let best = -1;
    let bestD = Infinity;
    const gx = Math.floor(wx / standKm);
    const gy = Math.floor(wy / standKm);
    for (let dx = -2; dx <= 2; dx++) {
      for (let dy = -2; dy <= 2; dy++) {
        for (const s of buckets.get(key(gx + dx, gy + dy)) ?? []) {
          const [sx, sy] = stands[s]!;
          const d = (sx - wx) ** 2 + (sy - wy) ** 2;
          if (d < bestD) [bestD, best] = [d, s];
        }
      }
    }
    groups[best]!.push(cellIndex);
  });
  return groups;
}
