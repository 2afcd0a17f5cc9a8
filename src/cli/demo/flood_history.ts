// Extents of past floods along the synthetic river: each event covers part of the reach and
// spreads between the 0–20 yr and the 20–100 yr limits, more in big years.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { fractalNoise } from './noise';
import { streamFor, uniform } from './prng';
import { valleyBand, type Valley } from './river';
import { clipToLand } from './shore';
import { PAST_MOUTH_KM } from './flood_zones';

export interface FloodEventProps { annee: number; source: string; evenement: string }

// Each survey covered its own stretch of river (km along the valley), overlapping its neighbours
// a little, as real event mappings do; each event therefore has places that only it flooded.
// Reaches are measured upstream from the river mouth (0 = mouth, -30 = upstream end); the 2019
// event covers the mouth and the LiDAR area, where the satellite extents of that flood lie.
const EVENTS: Array<{ annee: number; source: string; severity: number; reach: [number, number] }> = [
  { annee: 1998, source: 'Relevé terrain municipal (démo)', severity: 0.35, reach: [-31, -21] },
  { annee: 2011, source: 'Imagerie RADARSAT-2 (démo)', severity: 0.55, reach: [-23, -13] },
  { annee: 2017, source: 'Imagerie satellitaire Sentinel-1 (démo)', severity: 0.8, reach: [-15, -5] },
  { annee: 2019, source: 'Photographie aérienne (démo)', severity: 0.65, reach: [-7, PAST_MOUTH_KM] },
];

/** Severity of the 2019 spring flood: the satellite extents (flood_extents.ts) peak at this reach. */
export const FLOOD_2019_SEVERITY = EVENTS.find((e) => e.annee === 2019)!.severity;

export function floodHistory(seed: number, valley: Valley): FeatureCollection<Polygon | MultiPolygon, FloodEventProps> {
  const [reachStart, mouth] = valley.reach;
  const features = EVENTS.map((ev): Feature<Polygon | MultiPolygon, FloodEventProps> => {
    const rand = streamFor(seed, `flood-${ev.annee}`);
    const noise = fractalNoise(rand, 3);
    const start = Math.max(reachStart, mouth + ev.reach[0] + uniform(rand, -0.5, 0.5));
    const end = Math.min(mouth + PAST_MOUTH_KM, mouth + ev.reach[1] + uniform(rand, -0.5, 0.5));
    // Fraction of the way from the 0–20 limit to the 20–100 limit, varying along the river.
    const reach = (s: number, side: 1 | -1) => {
      const f = Math.min(0.95, Math.max(0.1, ev.severity + 0.25 * noise(s / 3, side)));
      const w20 = valley.halfWidth20(s, side);
      return w20 + f * (valley.halfWidth100(s, side) - w20);
    };
    const extent = clipToLand(valleyBand(valley, start, end, (s) => reach(s, 1), (s) => reach(s, -1)), valley.shore);
    if (!extent) throw new Error(`floodHistory: the ${ev.annee} extent is entirely off the land`);
    return {
      type: 'Feature',
      properties: { annee: ev.annee, source: ev.source, evenement: `Crue printanière ${ev.annee}` },
      geometry: extent.geometry,
    };
  });
  return { type: 'FeatureCollection', features };
}
