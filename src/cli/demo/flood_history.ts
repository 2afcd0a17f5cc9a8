// Extents of past floods along the synthetic river: each event covers part of the reach and
// spreads between the 0–20 yr and the 20–100 yr limits, more in big years.
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { fractalNoise } from './noise';
import { streamFor, uniform } from './prng';
import { REACH, valleyBand, type Valley } from './river';

export interface FloodEventProps { annee: number; source: string; evenement: string }

// Each survey covered its own stretch of river (km along the valley), overlapping its neighbours
// a little, as real event mappings do; each event therefore has places that only it flooded.
const EVENTS: Array<{ annee: number; source: string; severity: number; reach: [number, number] }> = [
  { annee: 1998, source: 'Relevé terrain municipal (démo)', severity: 0.35, reach: [-30, -14] },
  { annee: 2011, source: 'Imagerie RADARSAT-2 (démo)', severity: 0.55, reach: [-16, -2] },
  { annee: 2017, source: 'Imagerie satellitaire Sentinel-1 (démo)', severity: 0.8, reach: [-4, 13] },
  { annee: 2019, source: 'Photographie aérienne (démo)', severity: 0.65, reach: [11, 25] },
];

export function floodHistory(seed: number, valley: Valley): FeatureCollection<Polygon, FloodEventProps> {
  const features = EVENTS.map((ev): Feature<Polygon, FloodEventProps> => {
    const rand = streamFor(seed, `flood-${ev.annee}`);
    const noise = fractalNoise(rand, 3);
    const start = Math.max(REACH[0], ev.reach[0] + uniform(rand, -0.5, 0.5));
    const end = Math.min(REACH[1], ev.reach[1] + uniform(rand, -0.5, 0.5));
    // Fraction of the way from the 0–20 limit to the 20–100 limit, varying along the river.
    const reach = (s: number, side: 1 | -1) => {
      const f = Math.min(0.95, Math.max(0.1, ev.severity + 0.25 * noise(s / 3, side)));
      const w20 = valley.halfWidth20(s, side);
      return w20 + f * (valley.halfWidth100(s, side) - w20);
    };
    const ring = valleyBand(valley, start, end, (s) => reach(s, 1), (s) => reach(s, -1));
    return {
      type: 'Feature',
      properties: { annee: ev.annee, source: ev.source, evenement: `Crue printanière ${ev.annee}` },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  return { type: 'FeatureCollection', features };
}
