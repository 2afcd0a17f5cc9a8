// Flood zones (0–20 yr and 20–100 yr recurrence) along the synthetic valley, Géo-Inondations style.
// The 20–100 zone is stored as the band between the two limits (a polygon with the 0–20 zone as
// a hole, or beside it where both end at the St. Lawrence shore), so the two classes never overlap
// and each point has a single class. Every polygon is clipped to the north-shore land.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { difference, featureCollection as turfCollection } from '@turf/turf';
import { valleyBand, type Valley } from './river';
import { clipToLand, type Area } from './shore';

/** Bands run this far (km) past the mouth, so the land clip, not the band end, shapes them there. */
export const PAST_MOUTH_KM = 2.5;

export interface FloodZoneProps { classe: '0-20' | '20-100'; recurrence: string; cours_eau: string; carte: string }
export interface CoverageProps { nom: string; cours_eau: string; annee_carto: number }

export const RIVER_NAME = 'Rivière des Trois-Méandres (démo)';
const MAP_NAME = 'Cartographie démo Trois-Méandres 2023';

export function floodZones(valley: Valley): FeatureCollection<Polygon | MultiPolygon, FloodZoneProps> {
  const [s0, s1] = valley.reach;
  const end = s1 + PAST_MOUTH_KM;
  const inner = onLand(valleyBand(valley, s0, end, (s) => valley.halfWidth20(s, 1), (s) => valley.halfWidth20(s, -1)), valley, '0–20');
  // The outer limit reaches a little past the upstream end so the inner zone lies strictly inside it.
  const outer = onLand(valleyBand(valley, s0 - 0.4, end, (s) => valley.halfWidth100(s, 1), (s) => valley.halfWidth100(s, -1)), valley, '20–100');
  const band = difference(turfCollection([outer, inner]));
  if (!band) throw new Error('floodZones: the 20–100 yr band is empty');
  if (inner.geometry.type !== 'Polygon') throw new Error('floodZones: the 0–20 yr zone falls apart on the shore');
  const common = { cours_eau: RIVER_NAME, carte: MAP_NAME };
  const zone20: Feature<Polygon, FloodZoneProps> = {
    type: 'Feature',
    properties: { classe: '0-20', recurrence: '0–20 ans', ...common },
    geometry: inner.geometry,
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
  const [s0, s1] = valley.reach;
  const ring = valleyBand(valley, s0 - 0.5, s1 + PAST_MOUTH_KM, (s) => valley.halfWidth100(s, 1) + 1.2, (s) => valley.halfWidth100(s, -1) + 1.2);
  const area = onLand(ring, valley, 'coverage');
  if (area.geometry.type !== 'Polygon') throw new Error('floodCoverage: the mapped reach falls apart on the shore');
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { nom: MAP_NAME, cours_eau: RIVER_NAME, annee_carto: 2023 }, geometry: area.geometry }],
  };
}

function onLand(ring: Position[], valley: Valley, what: string): Feature<Polygon | MultiPolygon> & Area {
  const clipped = clipToLand(ring, valley.shore);
  if (!clipped) throw new Error(`floodZones: the ${what} polygon is entirely off the land`);
  return clipped;
}
