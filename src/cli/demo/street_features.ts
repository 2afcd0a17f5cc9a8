// The demo area's street-level features in the Protomaps basemap schema (roads, buildings,
// landuse, water, places), drawn from the same definitions as the demo address index: every
// named street of the index is a road here, and every address has a building.
import type { Feature, LineString, Point, Polygon, Position } from 'geojson';
import { ACROSS, ALONG, STREETS_SHIFT_KM, TOWNS, placedDemoAddresses, type PlacedAddress } from './addresses';
import { samples, valleyBand, valleyPoint, type Valley } from './river';
import { clipLineToLand, clipToLand } from './shore';
import { RIVER_NAME } from './flood_zones';

/** Half the side of a house (km): 14 m squares, set back from the street like the address points. */
const HOUSE_HALF_KM = 0.007;
/** Half-width of the river channel drawn as water (km). */
const CHANNEL_HALF_KM = 0.035;
/** An across street crosses the channel on a bridge this far each side of the valley centre (km). */
const BRIDGE_HALF_KM = 0.12;
const MAJOR = new Set(['rue Principale', 'chemin de la Rivière', 'boulevard des Ormes', 'rang Saint-Joseph']);

type Props = Record<string, string | number | boolean>;
const line = (coordinates: Position[], properties: Props): Feature<LineString, Props> =>
  ({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } });

function roadProps(name: string, extra: Props = {}): Props {
  const major = MAJOR.has(name);
  return { kind: major ? 'major_road' : 'minor_road', kind_detail: major ? 'secondary' : 'residential', name, min_zoom: major ? 11 : 13, ...extra };
}

export function demoRoads(valley: Valley): Array<Feature<LineString, Props>> {
  const along = ALONG.map(([name, offset, s0, s1]) => {
    const coords = samples(s0 - 0.05 + STREETS_SHIFT_KM, s1 + 0.05 + STREETS_SHIFT_KM, 0.05)
      .map((s) => valleyPoint(s, valley.meander(s) + offset));
    return line(clipLineToLand(coords, valley.shore), roadProps(name));
  });
  const across = ACROSS.flatMap(([name, s0]) => {
    const s = s0 + STREETS_SHIFT_KM;
    const at = (offsets: number[]) => offsets.map((t) => valleyPoint(s, valley.meander(s) + t));
    return [
      line(at(samples(-2.05, -BRIDGE_HALF_KM, 0.05)), roadProps(name)),
      line(at([-BRIDGE_HALF_KM, BRIDGE_HALF_KM]), roadProps(name, { is_bridge: true })),
      line(at(samples(BRIDGE_HALF_KM, 2.05, 0.05)), roadProps(name)),
    ];
  });
  return [...along, ...across];
}

/** A 14 m house centred on the address point, its sides along and across the valley. */
function house(valley: Valley, { s, offset }: PlacedAddress): Position[] {
  const h = HOUSE_HALF_KM;
  const corner = (ds: number, dt: number) => valleyPoint(s + ds, valley.meander(s + ds) + offset + dt);
  return [corner(-h, -h), corner(h, -h), corner(h, h), corner(-h, h), corner(-h, -h)];
}

export function demoBuildings(valley: Valley, seed: number): Array<Feature<Polygon, Props>> {
  return placedDemoAddresses(seed).map((address) => ({
    type: 'Feature',
    properties: { kind: 'building', addr: address.address },
    geometry: { type: 'Polygon', coordinates: [house(valley, address)] },
  }));
}

/** Riverside parks in the floodplain, between the river and the first street of each bank. */
export function demoParks(valley: Valley): Array<Feature<Polygon, Props>> {
  const park = (s0: number, s1: number, side: 1 | -1, name: string): Feature<Polygon, Props> => {
    const [inner, outer] = [0.13, 0.3];
    const ring = side === 1
      ? valleyBand(valley, s0 + STREETS_SHIFT_KM, s1 + STREETS_SHIFT_KM, () => outer, () => -inner)
      : valleyBand(valley, s0 + STREETS_SHIFT_KM, s1 + STREETS_SHIFT_KM, () => -inner, () => outer);
    return { type: 'Feature', properties: { kind: 'park', name }, geometry: { type: 'Polygon', coordinates: [ring] } };
  };
  return [park(-1.3, -0.6, 1, 'Parc riverain des Saules (démo)'), park(2.4, 3.3, -1, 'Parc de la Crue (démo)')];
}

/** The river channel as water (a polygon clipped to the land) and its centreline for the label. */
export function demoRiver(valley: Valley): Array<Feature<Polygon | LineString | Point, Props>> {
  const [s0, s1] = [valley.reach[0] - 8, valley.reach[1] + 1];
  const ring = valleyBand(valley, s0, s1, (s) => valley.channelWiggle(s) + CHANNEL_HALF_KM, (s) => CHANNEL_HALF_KM - valley.channelWiggle(s));
  const channel = clipToLand(ring, valley.shore);
  const features: Array<Feature<Polygon | LineString | Point, Props>> = [];
  if (channel?.geometry.type === 'Polygon') features.push({ ...channel, properties: { kind: 'water' } } as Feature<Polygon, Props>);
  const centre = samples(s0, s1, 0.05).map((s) => valleyPoint(s, valley.meander(s) + valley.channelWiggle(s)));
  features.push(line(clipLineToLand(centre, valley.shore), { kind: 'river', name: RIVER_NAME, min_zoom: 10 }));
  return features;
}

/** The invented towns of the address index, labelled in the middle of their stretch of valley. */
export function demoTowns(valley: Valley): Array<Feature<Point, Props>> {
  const starts = [-6, ...TOWNS.slice(0, -1).map(([upTo]) => upTo)];
  return TOWNS.map(([upTo, name], i) => {
    const s = (starts[i]! + Math.min(upTo, 6)) / 2 + STREETS_SHIFT_KM;
    return {
      type: 'Feature',
      properties: { kind: 'locality', name, min_zoom: 9, population_rank: 9 },
      geometry: { type: 'Point', coordinates: valleyPoint(s, valley.meander(s) - 1.0) },
    };
  });
}
