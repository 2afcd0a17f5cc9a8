// Wildlife territories (ZEC and réserves fauniques) in southern Québec, with invented names
// that say they are demo data. Centres are hand-placed apart so the territories never overlap.
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { noisyEllipse } from './shapes';
import { streamFor, uniform } from './prng';

export interface WildlifeProps { type: 'zec' | 'reserve_faunique'; nom: string; superficie_km2: number; gestionnaire: string }

const TERRITORIES: Array<{ type: WildlifeProps['type']; nom: string; center: [number, number]; areaKm2: number }> = [
  { type: 'reserve_faunique', nom: 'Réserve faunique des Monts-Imaginaires (démo)', center: [-74.9, 46.95], areaKm2: 1600 },
  { type: 'reserve_faunique', nom: 'Réserve faunique du Grand-Lac-Inventé (démo)', center: [-71.45, 47.65], areaKm2: 2000 },
  { type: 'reserve_faunique', nom: 'Réserve faunique de la Haute-Rivière (démo)', center: [-76.3, 47.7], areaKm2: 1300 },
  { type: 'zec', nom: 'ZEC du Lac-aux-Hérons (démo)', center: [-73.6, 47.25], areaKm2: 650 },
  { type: 'zec', nom: 'ZEC des Collines-Bleues (démo)', center: [-72.2, 47.35], areaKm2: 450 },
  { type: 'zec', nom: 'ZEC du Ruisseau-Doré (démo)', center: [-70.2, 47.0], areaKm2: 380 },
  { type: 'zec', nom: 'ZEC des Trois-Sommets (démo)', center: [-74.3, 46.25], areaKm2: 300 },
  { type: 'zec', nom: 'ZEC de la Rivière-Fictive (démo)', center: [-69.4, 48.2], areaKm2: 520 },
];

export function wildlifeTerritories(seed: number): FeatureCollection<Polygon, WildlifeProps> {
  const rand = streamFor(seed, 'wildlife');
  const features = TERRITORIES.map((t): Feature<Polygon, WildlifeProps> => ({
    type: 'Feature',
    properties: {
      type: t.type, nom: t.nom, superficie_km2: t.areaKm2,
      gestionnaire: t.type === 'zec' ? 'Association gestionnaire (démo)' : 'Sépaq (démo)',
    },
    geometry: {
      type: 'Polygon',
      coordinates: [noisyEllipse(rand, { center: t.center, areaKm2: t.areaKm2, elongation: uniform(rand, 1.2, 1.8), angle: uniform(rand, 0, Math.PI), roughness: 0.22, vertices: 96 })],
    },
  }));
  return { type: 'FeatureCollection', features };
}
