// The same civic address (same street words, same number) often exists in many municipalities:
// "300, rue Principale" is in dozens of towns. Typed without its municipality, it would fill the
// list with five of them and hide the others. So when the towns holding one address are more than
// the room left in the list, they become one grouped hit listing every one of them: any address
// stays reachable from the top of the list, one pick further.
import type { AddressHit, GroupedTown, Scored } from './address_rank';
import { searchForm } from './normalize';

/**
 * Hits in rank order, at most `limit`: each address (its normalised text and score) either as its
 * hits, one per municipality, when they fit in the room left, or else as one grouped hit.
 */
export function groupSameAddress(ranked: readonly Scored[], limit: number, townName: (town: number) => string): AddressHit[] {
  const sameAddress = new Map<string, Scored[]>(); // in order of each address's best hit
  for (const row of ranked) {
    const key = `${searchForm(row.address)}|${row.score}`;
    const rows = sameAddress.get(key);
    if (rows) rows.push(row);
    else sameAddress.set(key, [row]);
  }
  const hits: AddressHit[] = [];
  for (const rows of sameAddress.values()) {
    const room = limit - hits.length;
    if (room <= 0) break;
    if (rows.length > room && rows.length > 1) hits.push(groupedHit(rows, townName));
    else hits.push(...rows.slice(0, room).map((row) => hit(row, townName)));
  }
  return hits;
}

function hit({ address, town, lon, lat, score }: Scored, townName: (town: number) => string): AddressHit {
  return { address, municipality: townName(town), lon, lat, score };
}

function groupedHit(rows: readonly Scored[], townName: (town: number) => string): AddressHit {
  const group: GroupedTown[] = rows.map(({ town, lon, lat }) => ({ municipality: townName(town), lon, lat }));
  return { ...hit(rows[0]!, townName), group };
}
