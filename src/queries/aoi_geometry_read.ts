// Reads an uploaded file (bytes, never sent anywhere) into named, valid AOI polygons plus notes:
// a size limit, format detection, parsing, then every feature checked and repaired one by one so
// one broken feature never sinks the others.
import type { Feature, Geometry } from 'geojson';
import { cleanGeometry, isPolygonal } from './aoi_geometry_repair';
import { detectFormat, parseToGeoJson, type AnyCollection, type XmlParserClass } from './aoi_geometry_formats';
import { MAX_AOI_FEATURES, MAX_AOI_FILE_BYTES, MAX_AOI_VERTICES } from './aoi_geometry_limits';
import { AoiReadError, type AoiFeature, type AoiNote, type AoiReadResult } from './aoi_geometry_types';

export { MAX_AOI_FEATURES, MAX_AOI_FILE_BYTES, MAX_AOI_VERTICES };

export interface ReadOptions {
  /** DOMParser class for KML/GPX; the global one by default (browsers). */
  xmlParser?: XmlParserClass;
  /** How many polygon features to keep (the rest are reported). */
  maxFeatures?: number;
  /** Called once the file is parsed, before the (possibly long) check and repair. */
  onParsed?: () => void;
}

export async function readAoiFile(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<AoiReadResult> {
  if (bytes.byteLength > MAX_AOI_FILE_BYTES) throw new AoiReadError('too_large', name, String(bytes.byteLength));
  if (bytes.byteLength === 0) throw new AoiReadError('unreadable', name, 'empty file');
  const format = detectFormat(name, bytes);
  if (!format) throw new AoiReadError('unknown_format', name);
  const collection = await parseToGeoJson(format, name, bytes, options.xmlParser);
  options.onParsed?.();
  return aoiFeaturesFrom(collection, name, options.maxFeatures ?? MAX_AOI_FEATURES);
}

/** Keeps the polygon features of a collection, repaired, each named (its own name or the file's). */
export function aoiFeaturesFrom(collection: AnyCollection, fileName: string, maxFeatures = MAX_AOI_FEATURES): AoiReadResult {
  const features: AoiFeature[] = [];
  const notes: AoiNote[] = [];
  const all = Array.isArray(collection.features) ? collection.features : [];
  const polygonal = all.filter((feature) => isPolygonal(feature?.geometry));
  if (polygonal.length === 0) throw new AoiReadError('no_polygon', fileName);
  const vertices = polygonal.reduce((sum, feature) => sum + vertexCount(feature.geometry), 0);
  if (vertices > MAX_AOI_VERTICES) throw new AoiReadError('too_many_vertices', fileName, String(vertices));
  const ignored = all.length - polygonal.length;
  if (ignored > 0) notes.push({ code: 'ignored_non_polygon', count: ignored });
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, '');
  all.forEach((feature, index) => {
    if (!polygonal.includes(feature)) return;
    const number = index + 1;
    const cleaned = cleanGeometry(feature.geometry, number);
    notes.push(...cleaned.notes);
    if (!cleaned.geometry) return;
    const name = nameOf(feature, polygonal.length === 1 ? base : `${base} ${number}`);
    features.push({ type: 'Feature', geometry: cleaned.geometry, properties: { name } });
  });
  if (features.length > maxFeatures) {
    notes.push({ code: 'too_many', count: features.length - maxFeatures });
    features.length = maxFeatures;
  }
  return { features, notes };
}

/** Positions in a geometry, whatever its nesting; malformed parts count as nothing (the repair rejects them). */
function vertexCount(geometry: unknown): number {
  if (!geometry || typeof geometry !== 'object') return 0;
  const { coordinates, geometries } = geometry as { coordinates?: unknown; geometries?: unknown };
  if (Array.isArray(geometries)) return geometries.reduce((sum: number, child) => sum + vertexCount(child), 0);
  const count = (value: unknown): number => (Array.isArray(value)
    ? (typeof value[0] === 'number' ? 1 : value.reduce((sum: number, child) => sum + count(child), 0)) : 0);
  return count(coordinates);
}

const NAME_KEYS = ['name', 'nom', 'NAME', 'NOM', 'Name', 'Nom', 'title', 'titre', 'label'];
/** Field names that hold a name: NOM_MUN, name_fr, MRS_NM_MRC (Québec's "NM" = nom), toponyme… */
const NAME_LIKE = /^(nom|name)[_a-z]*$|(^|[_-])(nom|name|nm|toponyme|titre|title|label|libelle|municipalite|locality)([_-]|$)/i;
const MAX_NAME_LENGTH = 60;

function nameOf(feature: Feature<Geometry | null>, fallback: string): string {
  const properties = feature.properties ?? {};
  const key = NAME_KEYS.find((candidate) => typeof properties[candidate] === 'string' && properties[candidate].trim())
    ?? Object.keys(properties).find((candidate) => NAME_LIKE.test(candidate) &&
      typeof properties[candidate] === 'string' && properties[candidate].trim());
  const value = key ? String(properties[key]).trim() : fallback;
  return value.slice(0, MAX_NAME_LENGTH) || fallback;
}
