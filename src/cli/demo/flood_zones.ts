// Flood zones (0–20 yr and 20–100 yr recurrence) along the synthetic valley, Géo-Inondations style.
// The 20–100 zone is stored as the band between the two limits (a polygon with the 0–20 zone as
// a hole), so the two classes never overlap and each point has a single class.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { difference, featureCollection as turfCollection, polygon as turfPolygon } from '@turf/turf';
import { REACH, valleyBand, type Valley } from './river';

export interface FloodZoneProps { classe: '0-20' | '20-100'; recurrence: string; cours_eau: string; carte: string }
export interface CoverageProps { nom: string; cours_eau: string; annee_carto: number }

export const RIVER_NAME = 'Rivière des Trois-Méandres (démo)';
const MAP_NAME = 'Cartographie démo Trois-Méandres 2023';

export function floodZones(valley: Valley): FeatureCollection<Polygon | MultiPolygon, FloodZoneProps> {
  const [s0, s1] = REACH;
  const inner = valleyBand(valley, s0, s1, (s) => valley.halfWidth20(s, 1), (s) => valley.halfWidth20(s, -1));
  // The outer limit reaches a little past both ends so the inner zone lies strictly inside it.
  const outer = valleyBand(valley, s0 - 0.4, s1 + 0.4, (s) => valley.halfWidth100(s, 1), (s) => valley.halfWidth100(s, -1));
  const band = difference(turfCollection([turfPolygon([outer]), turfPolygon([inner])]));
  if (!band) throw new Error('floodZones: the 20–100 yr band is empty');
  const common = { cours_eau: RIVER_NAME, carte: MAP_NAME };
  const zone20: Feature<Polygon, FloodZoneProps> = {
    type: 'Feature',
    properties: { classe: '0-20', recurrence: '0–20 ans', ...common },
    geometry: { type: 'Polygon', coordinates: [inner] },
  };
  const zone100: Feature<Polygon | MultiPolygon, FloodZoneProps> = {
    type: 'Feature',
    properties: { classe: '20-100', recurrence: '20–100 ans', ...common },
    geometry: band.geometry,
  };
  return { type: 'FeatureCollection', features: [zone100, zone20] };
}

/** The reach that was mapped: outside it the app must say "not mapped", not "not flooded". */
export function floodCoverage(valley: Valley): FeatureCollection<Polygon, CoverageProps> {
  const [s0, s1] = REACH;
  const ring = valleyBand(valley, s0 - 0.5, s1 + 0.5, (s) => valley.halfWidth100(s, 1) + 1.2, (s) => valley.halfWidth100(s, -1) + 1.2);
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { nom: MAP_NAME, cours_eau: RIVER_NAME, annee_carto: 2023 }, geometry: { type: 'Polygon', coordinates: [ring] } }],
  };
}
