// Place-name search over the GeoNames places of places.geojson: accent/case-insensitive,
// prefix and typo tolerant, French and English names, ranked by how well the name matches,
// then by population.
import { allowedTypos, editDistances } from './fuzzy';
import { searchForm } from './normalize';
import { ALIASES, POPULATION } from './place_facts';

export interface Place {
  name: string;
  lon: number;
  lat: number;
  /** Administrative region (e.g. "Mauricie"); may be empty. */
  admin: string;
  population: number;
}

export interface PlaceMatch {
  place: Place;
  /** The name that matched (the place name or an alias such as "Three Rivers"). */
  matched: string;
  /** 0 exact, 1 prefix, 2 prefix of a later word, 3 with typos. */
  tier: number;
  typos: number;
}

interface Entry { place: Place; name: string; form: string; starts: string[] }

/** Every suffix of the name that starts a word: "trois rivieres" → ["trois rivieres", "rivieres"]. */
function wordStarts(form: string): string[] {
  const words = form.split(' ');
  return words.map((_, i) => words.slice(i).join(' '));
}

export class PlaceIndex {
  private readonly entries: Entry[] = [];

  constructor(places: Iterable<Place>) {
    for (const place of places) {
      for (const name of [place.name, ...(ALIASES[place.name] ?? [])]) {
        const form = searchForm(name);
        if (form) this.entries.push({ place, name, form, starts: wordStarts(form) });
      }
    }
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: string, limit = 6): PlaceMatch[] {
    const q = searchForm(query);
    if (!q) return [];
    const best = new Map<Place, PlaceMatch>();
    for (const entry of this.entries) {
      const match = matchEntry(q, entry);
      if (!match) continue;
      const previous = best.get(entry.place);
      if (!previous || compare(match, previous) < 0) best.set(entry.place, match);
    }
    return [...best.values()].sort(compare).slice(0, limit);
  }
}

function matchEntry(q: string, entry: Entry): PlaceMatch | null {
  const found = (tier: number, typos = 0): PlaceMatch => ({ place: entry.place, matched: entry.name, tier, typos });
  if (entry.form === q) return found(0);
  if (entry.form.startsWith(q)) return found(1);
  if (entry.starts.some((start, i) => i > 0 && start.startsWith(q))) return found(2);
  const max = allowedTypos(q.length);
  if (max === 0) return null;
  let typos = Infinity;
  for (const start of entry.starts) {
    const distances = editDistances(q, start, max);
    if (distances) typos = Math.min(typos, distances.full, distances.prefix);
  }
  return typos <= max ? found(3, typos) : null;
}

/** Better tier first, then fewer typos, then larger population, then shorter and alphabetical name. */
function compare(a: PlaceMatch, b: PlaceMatch): number {
  return a.tier - b.tier || a.typos - b.typos || b.place.population - a.place.population
    || a.place.name.length - b.place.name.length || a.place.name.localeCompare(b.place.name, 'fr');
}

/** Places from places.geojson (properties name, lon, lat, admin); bad features are skipped. */
export function placesFromGeoJson(data: unknown): Place[] {
  const features = (data as { features?: unknown })?.features;
  if (!Array.isArray(features)) throw new Error('places.geojson: not a GeoJSON FeatureCollection');
  const places: Place[] = [];
  for (const feature of features as Array<{ properties?: Record<string, unknown> }>) {
    const p = feature?.properties ?? {};
    const { name, lon, lat, admin } = p;
    if (typeof name !== 'string' || typeof lon !== 'number' || typeof lat !== 'number') continue;
    const population = typeof p.population === 'number' ? p.population : POPULATION[name] ?? 0;
    places.push({ name, lon, lat, admin: typeof admin === 'string' ? admin : '', population });
  }
  return places;
}
