// Hydrography for the Référence group: the synthetic river (ending at the St. Lawrence shore),
// two creeks and two lakes, all upstream of the mouth and clipped to the north-shore land.
import type { Feature, FeatureCollection, LineString, Polygon, Position } from 'geojson';
import { noisyEllipse } from './shapes';
import { fractalNoise } from './noise';
import { streamFor } from './prng';
import { channelLine, valleyPoint, type Valley } from './river';
import { clipLineToLand, clipToLand } from './shore';
import { RIVER_NAME } from './flood_zones';

export interface HydroProps { type: 'riviere' | 'ruisseau' | 'lac'; nom: string }

/** A tributary leaves the valley side at `fromT` km and joins the river at axis position `joinS`. */
function tributary(seed: number, valley: Valley, joinS: number, fromT: number, name: string): Feature<LineString, HydroProps> {
  const wiggle = fractalNoise(streamFor(seed, name), 3);
  const coords: Position[] = [];
  const n = 80;
  for (let i = 0; i <= n; i++) {
    const f = i / n;
    const s = joinS - (1 - f) * 4 + 0.6 * wiggle(f * 3, 0) * Math.sin(Math.PI * f);
    const t = valley.meander(joinS) + (1 - f) * fromT + valley.channelWiggle(joinS) * f;
    coords.push(valleyPoint(s, t));
  }
  return { type: 'Feature', properties: { type: 'ruisseau', nom: name }, geometry: { type: 'LineString', coordinates: clipLineToLand(coords, valley.shore) } };
}

export function hydrography(seed: number, valley: Valley): FeatureCollection<LineString | Polygon, HydroProps> {
  const rand = streamFor(seed, 'lakes');
  const river: Feature<LineString, HydroProps> = {
    type: 'Feature',
    properties: { type: 'riviere', nom: RIVER_NAME },
    geometry: { type: 'LineString', coordinates: clipLineToLand(channelLine(valley, valley.reach[0] - 8, valley.reach[1] + 1), valley.shore) },
  };
  const lake = (s: number, t: number, area: number, nom: string): Feature<Polygon, HydroProps> => {
    const [lon, lat] = valleyPoint(s, valley.meander(s) + t) as [number, number];
    const ring = noisyEllipse(rand, { center: [lon, lat], areaKm2: area, elongation: 2.2, angle: 0.9, roughness: 0.25, vertices: 64 });
    const clipped = clipToLand(ring, valley.shore);
    if (clipped?.geometry.type !== 'Polygon') throw new Error(`hydrography: lake ${nom} is not on the north-shore land`);
    return { type: 'Feature', properties: { type: 'lac', nom }, geometry: clipped.geometry };
  };
  return {
    type: 'FeatureCollection',
    features: [
      lake(-14, 5.5, 3.2, 'Lac du Héron-Fictif (démo)'),
      lake(-23, -5, 1.6, 'Lac des Quatre-Vents (démo)'),
      river,
      tributary(seed, valley, -10, 7, 'Ruisseau des Aulnes (démo)'),
      tributary(seed, valley, -19, -7, 'Ruisseau Clair (démo)'),
    ],
  };
}
