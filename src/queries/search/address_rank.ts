// Turns the rows of one shard into ranked hits: every distinctive street word typed must match a
// word of the street (exactly, as a prefix, or within the typos its length allows); the civic
// number is matched exactly, or else by the nearest numbers that exist on that street — never
// by a number that merely starts with the same digits.
import { groupSameAddress } from './address_group';
import type { AddressQuery } from './address_query';
import { civicParts, StreetScorer } from './address_score';

export interface CandidateRow { town: number; address: string; lon: number; lat: number }

export interface AddressHit {
  address: string;
  municipality: string;
  lon: number;
  lat: number;
  /** 1 = every word and the number exactly as typed; lower with prefixes, typos, another number. */
  score: number;
  /**
   * A grouped result: this same address (same words, same number) exists in every municipality
   * listed here — more than the list had room for. The hit's own municipality, lon and lat are
   * those of the first of them (the largest, or the nearest to the map centre given).
   */
  group?: GroupedTown[];
}

/** One municipality of a grouped result, with where the address lies there. */
export interface GroupedTown { municipality: string; lon: number; lat: number }

/** What ranking needs to know of the municipalities: name and size by id. */
export interface RankTowns { name(town: number): string; size(town: number): number }

export interface Scored extends CandidateRow { score: number; number: number; street: string; gap: number }

function scoreRow(row: CandidateRow, query: AddressQuery, scorer: StreetScorer): Scored | null {
  const { number, numberText, street: text } = civicParts(row.address);
  const street = scorer.street(text);
  let penalty = scorer.penalty(street, row.town);
  if (penalty === null) return null;
  const gap = query.number === undefined ? 0 : Math.abs(number - query.number);
  if (gap > 0) penalty += 0.2;
  else if (query.numberText && numberText !== query.numberText) penalty += 0.05; // 12 typed, 12a found
  return { ...row, score: Math.max(0, Math.round((1 - penalty) * 1000) / 1000), number, street: street.key, gap };
}

/**
 * Best hits first. Per street and municipality: with a number, the exact number, else the nearest
 * existing ones (one each side); without a number, the street once (its lowest number). Equal hits
 * come largest town first, or nearest first when the map centre `near` [lon, lat] is given. The
 * same address in more towns than the `limit` leaves room for becomes one grouped hit.
 */
export function rankRows(
  rows: Iterable<CandidateRow>, query: AddressQuery, towns: RankTowns, limit: number, near?: readonly [number, number],
): AddressHit[] {
  const byStreet = new Map<string, Scored[]>();
  const scorer = new StreetScorer(query, (town) => towns.name(town));
  for (const row of rows) {
    const scored = scoreRow(row, query, scorer);
    if (!scored) continue;
    const key = `${scored.street}|${row.town}`;
    const group = byStreet.get(key);
    if (group) group.push(scored);
    else byStreet.set(key, [scored]);
  }
  const kept: Scored[] = [];
  for (const group of byStreet.values()) kept.push(...closest(group, query.number));
  const closer = near ? (a: Scored, b: Scored) => distance(a, near) - distance(b, near) : (a: Scored, b: Scored) => towns.size(b.town) - towns.size(a.town);
  kept.sort((a, b) => b.score - a.score || a.gap - b.gap || closer(a, b) || a.number - b.number || a.address.localeCompare(b.address, 'fr'));
  return groupSameAddress(kept, limit, towns.name);
}

/** Squared distance in degrees of longitude shrunk by the latitude: enough to order places. */
function distance(row: Scored, [lon, lat]: readonly [number, number]): number {
  const dx = (row.lon - lon) * Math.cos((lat * Math.PI) / 180);
  return dx * dx + (row.lat - lat) ** 2;
}

function closest(group: Scored[], number: number | undefined): Scored[] {
  if (number === undefined) return [group.reduce((low, row) => (row.number < low.number ? row : low))];
  const exact = group.filter((row) => row.gap === 0);
  if (exact.length) return exact;
  const below = group.filter((row) => row.number < number).sort((a, b) => b.number - a.number)[0];
  const above = group.filter((row) => row.number > number).sort((a, b) => a.number - b.number)[0];
  return [below, above].filter((row): row is Scored => row !== undefined);
}
