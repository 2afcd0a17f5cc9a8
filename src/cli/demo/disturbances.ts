// Natural disturbances (Forêt ouverte style) over southern and central Québec: fires, spruce
// budworm outbreaks (tordeuse) and windthrow, each a noisy ellipse stretched along the wind.
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { noisyEllipse } from './shapes';
import { gaussian, intBetween, pickWeighted, streamFor, uniform, type Random } from './prng';
import { round6, type BBox } from './geo';

export type DisturbanceType = 'feu' | 'epidemie' | 'chablis';
export interface DisturbanceProps { type: DisturbanceType; annee: number; superficie_km2: number; cause: string }

export const DISTURBANCE_BBOX: BBox = [-79, 45.5, -66, 50.5];

interface Recipe {
  count: number;
  /** log-normal size: median km² and spread, clamped to 1..300 km². */
  medianKm2: number;
  spread: number;
  elongation: [number, number];
  roughness: number;
  /** Where centres fall: a weight per location (higher = more likely). */
  weight: (lon: number, lat: number) => number;
  year: (rand: Random) => number;
  cause: (rand: Random) => string;
}

const RECIPES: Record<DisturbanceType, Recipe> = {
  // Fires burn mostly in the northern boreal part, elongated downwind (prevailing westerlies).
  feu: {
    count: 320, medianKm2: 12, spread: 1.2, elongation: [1.8, 4], roughness: 0.35,
    weight: (_lon, lat) => Math.max(0.05, (lat - 46.5) / 4),
    year: (r) => intBetween(r, 1980, 2025),
    cause: (r) => pickWeighted(r, [['Foudre', 0.6], ['Humaine', 0.4]] as const),
  },
  // The budworm outbreak spreads from the lower North Shore and Bas-Saint-Laurent since ~2006.
  epidemie: {
    count: 160, medianKm2: 60, spread: 0.8, elongation: [1.2, 2.2], roughness: 0.3,
    weight: (lon, lat) => Math.exp(-(((lon + 68.5) / 2.5) ** 2) - (((lat - 48.8) / 1.3) ** 2)) + 0.05,
    year: (r) => (r() < 0.8 ? intBetween(r, 2006, 2025) : intBetween(r, 1980, 1992)),
    cause: () => 'Tordeuse des bourgeons de l’épinette',
  },
  // Windthrow: small, scattered, elongated along the storm track.
  chablis: {
    count: 260, medianKm2: 3, spread: 0.8, elongation: [2, 5], roughness: 0.2,
    weight: () => 1,
    year: (r) => intBetween(r, 1980, 2025),
    cause: (r) => pickWeighted(r, [['Vents violents', 0.7], ['Verglas', 0.3]] as const),
  },
};

/** `land` rejects centres in the St. Lawrence; `keepOut` holds areas left free for other demos. */
export function disturbances(seed: number, land: (p: Position) => boolean, keepOut: BBox[]): FeatureCollection<Polygon, DisturbanceProps> {
  const features: Array<Feature<Polygon, DisturbanceProps>> = [];
  for (const [type, recipe] of Object.entries(RECIPES) as Array<[DisturbanceType, Recipe]>) {
    const rand = streamFor(seed, `disturbance-${type}`);
    for (let i = 0; i < recipe.count; i++) {
      const center = drawCenter(rand, recipe, land, keepOut);
      const area = Math.min(300, Math.max(1, recipe.medianKm2 * Math.exp(recipe.spread * gaussian(rand))));
      const windAngle = uniform(rand, -0.5, 0.5) + 0.35; // from WSW, with scatter
      const ring = noisyEllipse(rand, {
        center, areaKm2: area, elongation: uniform(rand, ...recipe.elongation), angle: windAngle,
        roughness: recipe.roughness, vertices: area > 50 ? 64 : 36,
      });
      features.push({
        type: 'Feature',
        properties: { type, annee: recipe.year(rand), superficie_km2: Math.round(area * 10) / 10, cause: recipe.cause(rand) },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Rejection sampling: uniform in the bbox, accepted by the recipe's weight, on land, not kept out. */
function drawCenter(rand: Random, recipe: Recipe, land: (p: Position) => boolean, keepOut: BBox[]): [number, number] {
  const [w, s, e, n] = DISTURBANCE_BBOX;
  for (let attempt = 0; attempt < 10000; attempt++) {
    const lon = uniform(rand, w + 0.3, e - 0.3);
    const lat = uniform(rand, s + 0.2, n - 0.2);
    if (rand() > Math.min(1, recipe.weight(lon, lat))) continue;
    if (keepOut.some((b) => lon > b[0] && lon < b[2] && lat > b[1] && lat < b[3])) continue;
    if (!land([lon, lat])) continue;
    return [round6(lon), round6(lat)];
  }
  throw new Error('disturbances: could not place a disturbance centre (check the weights and the land mask)');
}

