// LiDAR acquisition footprints: flight blocks, one per project, as slightly rotated rectangles.
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { toLonLatRing } from './shapes';
import { RIVER_ANCHOR } from './river';

export interface LidarFootprintProps { projet: string; annee: number; resolution_m: number; densite_pts_m2: number }

const PROJECTS: Array<LidarFootprintProps & { center: [number, number]; sizeKm: [number, number]; angle: number }> = [
  // The first block holds the synthetic DEM tiles (5 × 5 km around the river anchor).
  { projet: 'Vallée des Trois-Méandres (démo)', annee: 2021, resolution_m: 1, densite_pts_m2: 8, center: [RIVER_ANCHOR[0] + 0.02, RIVER_ANCHOR[1] + 0.01], sizeKm: [18, 26], angle: 0.1 },
  { projet: 'Laurentides-Sud (démo)', annee: 2016, resolution_m: 1, densite_pts_m2: 4, center: [-74.4, 46.05], sizeKm: [40, 28], angle: -0.05 },
  { projet: 'Capitale-Nationale (démo)', annee: 2019, resolution_m: 0.5, densite_pts_m2: 12, center: [-71.35, 46.95], sizeKm: [30, 35], angle: 0.2 },
  { projet: 'Estrie (démo)', annee: 2022, resolution_m: 1, densite_pts_m2: 6, center: [-71.9, 45.4], sizeKm: [45, 25], angle: 0.05 },
  { projet: 'Bas-Saint-Laurent (démo)', annee: 2023, resolution_m: 1, densite_pts_m2: 5, center: [-68.6, 48.25], sizeKm: [50, 30], angle: 0.6 },
];

export function lidarFootprints(): FeatureCollection<Polygon, LidarFootprintProps> {
  const features = PROJECTS.map(({ center, sizeKm, angle, ...props }): Feature<Polygon, LidarFootprintProps> => {
    const [w, h] = [sizeKm[0] / 2, sizeKm[1] / 2];
    const corners: Array<[number, number]> = [[-w, -h], [w, -h], [w, h], [-w, h]];
    const rotated = corners.map(([x, y]): [number, number] => [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)]);
    return { type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [toLonLatRing(rotated, center)] } };
  });
  return { type: 'FeatureCollection', features };
}
