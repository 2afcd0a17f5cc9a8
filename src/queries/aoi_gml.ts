// Reads the polygons of a GML file (GML 2 as written by OGR, and GML 3 simple features) into
// GeoJSON: each feature member's text-only children become properties, its polygons the
// geometry. Coordinates must be geographic (EPSG:4326 / CRS84, or NAD83 4269); GML 3's
// "urn:ogc:def:crs:EPSG::4326" style names put latitude first, and are swapped back.
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { AnyCollection } from './aoi_geometry_formats';
import { AoiReadError } from './aoi_geometry_types';

type Node = Element;

const GEOGRAPHIC = /(EPSG:?:?|EPSG\/0\/)(4326|4269|4617)\b|CRS:?84|CRS84/i;
/** SRS names whose axis order is latitude, longitude (the OGC URN and URL forms). */
const LAT_FIRST = /urn:ogc:def:crs:EPSG:|opengis\.net\/def\/crs\/EPSG/i;
const POLYGONAL = new Set(['Polygon', 'MultiPolygon', 'MultiSurface', 'Surface']);

export function gmlToGeoJson(doc: Document, fileName: string): AnyCollection {
  // GML 2/3 featureMember(s), WFS 2.0 member.
  const members = descendants(doc.documentElement, (node) => ['featureMember', 'featureMembers', 'member'].includes(node.localName));
  const featureNodes = members.flatMap((member) => member.localName === 'featureMembers' ? children(member) : children(member).slice(0, 1));
  const features: Array<Feature<Geometry | null>> = featureNodes.map((node) => ({
    type: 'Feature', properties: propertiesOf(node), geometry: geometryOf(node, fileName),
  }));
  return { type: 'FeatureCollection', features };
}

function propertiesOf(feature: Node): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const child of children(feature)) {
    if (children(child).length === 0) properties[child.localName] = (child.textContent ?? '').trim();
  }
  return properties;
}

function geometryOf(feature: Node, fileName: string): Geometry | null {
  const top = descendants(feature, (node) => POLYGONAL.has(node.localName))[0];
  if (!top) return null;
  const srs = inheritedSrs(top);
  if (srs && !GEOGRAPHIC.test(srs)) throw new AoiReadError('projected_crs', fileName, srs);
  const latFirst = srs !== null && LAT_FIRST.test(srs);
  const polygons = (top.localName === 'Polygon' || top.localName === 'Surface' ? [top] : descendants(top, (node) => node.localName === 'Polygon'))
    .map((polygon) => polygonRings(polygon, latFirst))
    .filter((rings) => rings.length > 0 && rings[0]!.length >= 4);
  if (polygons.length === 0) return null;
  return polygons.length === 1
    ? ({ type: 'Polygon', coordinates: polygons[0]! } satisfies Polygon)
    : ({ type: 'MultiPolygon', coordinates: polygons } satisfies MultiPolygon);
}

/** Exterior first (outerBoundaryIs / exterior), then holes. */
function polygonRings(polygon: Node, latFirst: boolean): Position[][] {
  const rings = descendants(polygon, (node) => node.localName === 'LinearRing');
  const outer = rings.filter((ring) => ['outerBoundaryIs', 'exterior'].includes((ring.parentNode as Node | null)?.localName ?? ''));
  const ordered = [...outer, ...rings.filter((ring) => !outer.includes(ring))];
  return ordered.map((ring) => ringPositions(ring, latFirst));
}

function ringPositions(ring: Node, latFirst: boolean): Position[] {
  const coordinates = descendants(ring, (node) => node.localName === 'coordinates')[0];
  if (coordinates) {
    // GML 2: "x,y x,y …"
    return (coordinates.textContent ?? '').trim().split(/\s+/).map((pair) => pair.split(',').map(Number))
      .filter((pair) => pair.length >= 2 && pair.every(Number.isFinite)).map((pair) => axis(pair, latFirst));
  }
  const posList = descendants(ring, (node) => node.localName === 'posList')[0];
  const values = posList
    ? (posList.textContent ?? '').trim().split(/\s+/).map(Number)
    : descendants(ring, (node) => node.localName === 'pos').flatMap((pos) => (pos.textContent ?? '').trim().split(/\s+/).map(Number));
  const dimension = Number(posList?.getAttribute('srsDimension') ?? 2) || 2;
  const positions: Position[] = [];
  for (let i = 0; i + 1 < values.length; i += dimension) positions.push(axis([values[i]!, values[i + 1]!], latFirst));
  return positions.filter((position) => position.every(Number.isFinite));
}

function axis(pair: number[], latFirst: boolean): Position {
  return latFirst ? [pair[1]!, pair[0]!] : [pair[0]!, pair[1]!];
}

function inheritedSrs(node: Node): string | null {
  for (let current: Node | null = node; current; current = current.parentNode as Node | null) {
    const srs = typeof current.getAttribute === 'function' ? current.getAttribute('srsName') : null;
    if (srs) return srs;
  }
  return null;
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) out.push(child as Node);
  return out;
}

function descendants(node: Node, match: (node: Node) => boolean): Node[] {
  const out: Node[] = [];
  const walk = (current: Node) => {
    for (const child of children(current)) {
      if (match(child)) out.push(child);
      else walk(child);
    }
  };
  walk(node);
  return out;
}
