// Turns a query into suggestions of every kind the box offers, in the order they are shown:
// coordinates alone, or places, addresses (those arrive later, async) and layers named by the query.
import type { LayerDefinition, Lang } from '../../catalogue/types';
import type { AddressHit, GroupedTown, MunicipalityHit } from './address_reader';
import { parseCoordinates, type CoordinateReading } from './coordinates';
import { matchLayers } from './layers';
import type { PlaceIndex } from './places';

export type Suggestion =
  | { kind: 'coordinates'; lon: number; lat: number; order: 'latlon' | 'lonlat'; ambiguous: boolean }
  | { kind: 'place'; name: string; matched: string; admin: string; lon: number; lat: number }
  /** inGroup: one municipality of a grouped address (listed by municipality). */
  | { kind: 'address'; address: string; municipality: string; lon: number; lat: number; synthetic: boolean; inGroup?: boolean }
  /** The same address in many municipalities: picking it offers them all (addressesOfGroup). */
  | { kind: 'address-group'; address: string; towns: GroupedTown[]; synthetic: boolean }
  | { kind: 'layer'; def: LayerDefinition };

/** What the box shows instead of suggestions when the query looks like bad coordinates. */
export type Problem = Extract<CoordinateReading, { kind: 'invalid' }>['reason'];

export interface SyncAnswer { suggestions: Suggestion[]; problem?: Problem; isCoordinates: boolean }

export interface SuggestSources {
  places?: PlaceIndex;
  layers: Iterable<LayerDefinition>;
  lang: Lang;
}

export function suggestNow(query: string, sources: SuggestSources): SyncAnswer {
  const reading = parseCoordinates(query);
  if (reading?.kind === 'point') {
    const { lon, lat, order, ambiguous } = reading;
    return { suggestions: [{ kind: 'coordinates', lon, lat, order, ambiguous }], isCoordinates: true };
  }
  if (reading?.kind === 'invalid') return { suggestions: [], problem: reading.reason, isCoordinates: true };
  const layers = matchLayers(query, sources.layers, sources.lang).filter((m) => m.tier < 2 || query.trim().length >= 5);
  const places = sources.places?.search(query, 6) ?? [];
  return {
    suggestions: [
      ...places.map(({ place, matched }): Suggestion => ({ kind: 'place', name: place.name, matched, admin: place.admin, lon: place.lon, lat: place.lat })),
      ...layers.map(({ def }): Suggestion => ({ kind: 'layer', def })),
    ],
    isCoordinates: false,
  };
}

export function addressSuggestions(hits: AddressHit[], synthetic: boolean): Suggestion[] {
  return hits.map(({ address, municipality, lon, lat, group }) => (group
    ? { kind: 'address-group', address, towns: group, synthetic }
    : { kind: 'address', address, municipality, lon, lat, synthetic }));
}

/** The address of a grouped suggestion in each of its municipalities, in the group's order. */
export function addressesOfGroup(group: Extract<Suggestion, { kind: 'address-group' }>): Suggestion[] {
  const { address, synthetic } = group;
  return group.towns.map(({ municipality, lon, lat }) => ({ kind: 'address', address, municipality, lon, lat, synthetic, inGroup: true }));
}

/** Municipalities of an address index read like places (no region known). */
export function municipalitySuggestions(hits: MunicipalityHit[]): Suggestion[] {
  return hits.map(({ name, lon, lat }) => ({ kind: 'place', name, matched: name, admin: '', lon, lat }));
}

/** Where a pick moves the map: closer for a door or a typed point than for a town. */
export function zoomFor(suggestion: Suggestion): number {
  return suggestion.kind === 'place' ? 11 : 14;
}
