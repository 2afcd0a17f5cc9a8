// Vector files added as data layers: GeoJSON, KML, GPX, GML and zipped Shapefiles (the AOI
// readers parse them; Latin-1 tables are decoded right). The features become a GeoJSON source
// held in memory (a blob: URL), drawn with a default style by geometry type, and identified
// like any catalogue GeoJSON layer. Nothing leaves the browser.
import { bbox } from '@turf/bbox';
import type { FeatureCollection, Geometry } from 'geojson';
import type { LayerDefinition } from '../catalogue/types';
import { detectFormat, parseToGeoJson } from '../queries/aoi_geometry_formats';
import { AoiReadError } from '../queries/aoi_geometry_types';
import { MAX_AOI_FILE_BYTES } from '../queries/aoi_geometry_limits';
import { colourForId, legendForGeometry, styleForGeometry, type GeometryKind } from '../queries/default_style_geometry';
import type { AddedData } from './add_data_open';

/** Files larger than this are refused: the whole file is parsed in memory (the AOI upload's limit). */
export const MAX_VECTOR_BYTES = MAX_AOI_FILE_BYTES;
export const VECTOR_EXTENSION = /\.(geojson|json|kml|gpx|gml|zip)$/i;
export const VECTOR_ACCEPT = '.geojson,.json,.kml,.gpx,.gml,.zip';

/** Whether bytes (the first KiB is enough) or a name look like a vector file this reads. */
export function looksLikeVector(name: string, head: Uint8Array): boolean {
  return VECTOR_EXTENSION.test(name.split(/[?#]/)[0] ?? name) || detectFormat('', head) !== null;
}

/** One layer from the file's features (thrown: AoiReadError naming the file). */
export async function vectorData(bytes: Uint8Array, name: string, id: string, key: string | null): Promise<AddedData> {
  if (bytes.byteLength > MAX_VECTOR_BYTES) throw new AoiReadError('too_large', name, String(bytes.byteLength));
  const format = detectFormat(name, bytes);
  if (!format) throw new AoiReadError('unknown_format', name);
  const parsed = await parseToGeoJson(format, name, bytes, undefined);
  const features = parsed.features.filter((feature) => feature?.geometry);
  if (features.length === 0) throw new AoiReadError('unreadable', name, 'no feature with a geometry');
  const collection: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: features as FeatureCollection<Geometry>['features'] };
  const url = URL.createObjectURL(new Blob([JSON.stringify(collection)], { type: 'application/geo+json' }));
  const kind = geometryKind(collection);
  const colour = colourForId(id);
  const title = layerTitle(parsed as { name?: unknown }, name);
  const box = bbox(collection) as [number, number, number, number];
  const bounds = box.every(Number.isFinite) ? box : null;
  const def: LayerDefinition = {
    id, title: { fr: title, en: title },
    description: { fr: `Données ajoutées : ${name} (${features.length} entités)`, en: `Added data: ${name} (${features.length} features)` },
    group: 'mes-donnees',
    source: { kind: 'geojson', url },
    style: styleForGeometry(kind, colour),
    legend: legendForGeometry(kind, colour, { fr: title, en: title }),
    attribution: { organisation: { fr: 'Fichier local', en: 'Local file' }, licence: '—', date: '—' },
    ...(bounds ? { bounds } : {}),
  };
  // A local file's key is the GeoJSON's blob: URL (revoked on removal); a URL keeps its address for the link.
  return { key: key ?? url, name, kind: 'vector', local: key === null, defs: [def], bounds, skipped: 0 };
}

function geometryKind(collection: FeatureCollection<Geometry>): GeometryKind {
  const kinds = new Set(collection.features.map((feature) => {
    const type = feature.geometry.type.replace(/^Multi/, '');
    return type === 'Polygon' ? 'polygon' : type === 'LineString' ? 'line' : type === 'Point' ? 'point' : 'mixed';
  }));
  return kinds.size === 1 ? ([...kinds][0] as GeometryKind) : 'mixed';
}

/** The collection's own name (GeoJSON "name", as GDAL writes it) or the file name made readable. */
export function layerTitle(collection: { name?: unknown }, fileName: string): string {
  if (typeof collection.name === 'string' && collection.name.trim()) return collection.name.trim().slice(0, 80);
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, '');
  const words = stem.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return (words.charAt(0).toUpperCase() + words.slice(1)) || fileName;
}
