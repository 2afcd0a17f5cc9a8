// AOIs from a GeoJSON text (CLI and tests): every Polygon/MultiPolygon feature with an id and
// a name; anything else is a clear error naming the feature number.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { featuresFromGeojsonText } from './stats_vector_load';

export interface NamedAoi {
  id: string;
  name: string;
  feature: Feature<Polygon | MultiPolygon>;
}

const NAME_KEYS = ['name', 'nom', 'NOM', 'Name', 'NAME', 'MRS_NM_MRC', 'title'];

export function aoisFromGeojson(text: string, source: string): NamedAoi[] {
  const features = featuresFromGeojsonText(text, source);
  if (features.length === 0) throw new Error(`${source}: no feature`);
  return features.map((feature, i) => {
    const type = feature.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') throw new Error(`${source}: feature ${i + 1} is a ${type ?? 'null geometry'}, not a polygon`);
    const id = feature.id !== undefined ? String(feature.id) : String(i + 1);
    const nameKey = NAME_KEYS.find((k) => typeof feature.properties?.[k] === 'string');
    const name = nameKey ? String(feature.properties?.[nameKey]) : id;
    return { id, name, feature: feature as Feature<Polygon | MultiPolygon> };
  });
}
