// Turns the bytes of an uploaded file into GeoJSON: GeoJSON itself, KML and GPX (@tmcw/togeojson
// over a DOMParser handed in — the browser's, or @xmldom/xmldom in Node), GML (aoi_gml.ts, same
// parser), zipped Shapefile (shpjs; non-UTF-8 attribute tables without .cpg: aoi_shapefile_encoding.ts).
// No DOM globals are required, so the CLI and the unit tests read files with the same code.
import type { FeatureCollection, Feature, Geometry, LineString, Position } from 'geojson';

/** What the parsers give: features may have no geometry (KML placemarks without one). */
export type AnyCollection = FeatureCollection<Geometry | null>;
import { gpx, kml } from '@tmcw/togeojson';
import { parseZip } from 'shpjs';
import { AoiReadError } from './aoi_geometry_types';
import { readLatin1Layers } from './aoi_shapefile_encoding';
import { gmlToGeoJson } from './aoi_gml';

export type AoiFormat = 'geojson' | 'kml' | 'gpx' | 'shapefile-zip' | 'gml';

/** The part of DOMParser used here (the browser's or @xmldom/xmldom's). */
export interface XmlParser {
  parseFromString(text: string, type: 'text/xml'): unknown;
}
export type XmlParserClass = new () => XmlParser;

const EXTENSIONS: Record<string, AoiFormat> = {
  geojson: 'geojson', json: 'geojson', kml: 'kml', gpx: 'gpx', zip: 'shapefile-zip', gml: 'gml',
};

/** By extension first, then by the first bytes (a zip signature, '{', or the XML root tag). */
export function detectFormat(name: string, bytes: Uint8Array): AoiFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (EXTENSIONS[extension]) return EXTENSIONS[extension]!;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'shapefile-zip';
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (/<(\w+:)?kml[\s>]/.test(head)) return 'kml';
  if (/<(\w+:)?gpx[\s>]/.test(head)) return 'gpx';
  if (/<(\w+:)?FeatureCollection[\s>]|opengis\.net\/gml/.test(head)) return 'gml';
  return null;
}

export async function parseToGeoJson(
  format: AoiFormat, name: string, bytes: Uint8Array, xmlParser: XmlParserClass | undefined,
): Promise<AnyCollection> {
  switch (format) {
    case 'geojson':
      return parseGeoJson(name, decodeText(bytes));
    case 'kml':
    case 'gpx':
    case 'gml':
      return parseXmlFormat(format, name, bytes, xmlParser);
    case 'shapefile-zip':
      return parseShapefileZip(name, bytes);
  }
}

function parseGeoJson(name: string, text: string): AnyCollection {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AoiReadError('unreadable', name, error instanceof Error ? error.message : String(error));
  }
  if (!data || typeof data !== 'object') throw new AoiReadError('unreadable', name, 'not a GeoJSON object');
  const object = data as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  const crsName = object.crs?.properties?.name;
  if (typeof crsName === 'string' && !/CRS84|EPSG:?:?4326|EPSG::4269|CRS83/i.test(crsName)) {
    throw new AoiReadError('projected_crs', name, crsName);
  }
  if (object.type === 'FeatureCollection' && Array.isArray(object.features)) return data as AnyCollection;
  if (object.type === 'Feature') return { type: 'FeatureCollection', features: [data as Feature] };
  if (typeof object.type === 'string' && ('coordinates' in object || 'geometries' in object)) {
    return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: data as Geometry, properties: {} }] };
  }
  throw new AoiReadError('unreadable', name, 'no GeoJSON FeatureCollection, Feature or geometry');
}

function parseXmlFormat(
  format: 'kml' | 'gpx' | 'gml', name: string, bytes: Uint8Array, xmlParser: XmlParserClass | undefined,
): AnyCollection {
  const Parser = xmlParser ?? (globalThis as { DOMParser?: XmlParserClass }).DOMParser;
  if (!Parser) throw new AoiReadError('unreadable', name, 'no XML parser available');
  let doc: Document;
  try {
    doc = new Parser().parseFromString(decodeText(bytes), 'text/xml') as Document;
  } catch (error) {
    throw new AoiReadError('unreadable', name, error instanceof Error ? error.message : String(error));
  }
  // Browsers do not throw: they return a document holding a <parsererror> element.
  const problem = doc.getElementsByTagName('parsererror')[0];
  if (problem) throw new AoiReadError('unreadable', name, (problem.textContent ?? '').trim().slice(0, 200));
  if (format === 'gml') return gmlToGeoJson(doc, name);
  const collection = format === 'kml' ? kml(doc) : gpx(doc);
  return format === 'gpx' ? closedTracksAsPolygons(collection) : collection;
}

/** GPX has no polygon: a track or route that comes back to its start (within ~10 m) is read as one. */
function closedTracksAsPolygons(collection: AnyCollection): AnyCollection {
  const CLOSE_DEGREES = 1e-4;
  const features = collection.features.map((feature) => {
    if (feature.geometry?.type !== 'LineString') return feature;
    const line = (feature.geometry as LineString).coordinates;
    const first = line[0];
    const last = line[line.length - 1];
    const closes = first && last && line.length >= 4 &&
      Math.abs(first[0]! - last[0]!) <= CLOSE_DEGREES && Math.abs(first[1]! - last[1]!) <= CLOSE_DEGREES;
    if (!closes) return feature;
    const ring: Position[] = [...line.slice(0, -1), first];
    return { ...feature, geometry: { type: 'Polygon' as const, coordinates: [ring] } };
  });
  return { ...collection, features };
}

async function parseShapefileZip(name: string, bytes: Uint8Array): Promise<AnyCollection> {
  if (!hasZipDirectory(bytes)) throw new AoiReadError('unreadable', name, 'not a zip archive');
  let parsed: FeatureCollection | FeatureCollection[];
  try {
    parsed = (await readLatin1Layers(bytes)) ?? (await parseZip(bytes));
  } catch (error) {
    throw new AoiReadError('unreadable', name, error instanceof Error ? error.message : String(error));
  }
  const layers = Array.isArray(parsed) ? parsed : [parsed];
  return { type: 'FeatureCollection', features: layers.flatMap((layer) => layer.features ?? []) };
}

/**
 * The zip "end of central directory" record must sit in the last 64 KiB. Checked here because
 * shpjs's unzipper (but-unzip) loops forever on a small file that lacks it.
 */
function hasZipDirectory(bytes: Uint8Array): boolean {
  const last = bytes.length - 22;
  for (let i = last; i >= 0 && i >= last - 65535; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

/** UTF-8 by default; an XML declaration may name another encoding (e.g. ISO-8859-1). */
function decodeText(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^<\?xml[^>]*encoding=["']([\w.-]+)["']/i.exec(head.replace(/^\uFEFF/, ''))?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}
