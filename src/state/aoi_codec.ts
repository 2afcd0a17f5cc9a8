// Compact URL encoding of the areas of interest: "aoi=<item>~<item>…", an item being
// "<id>.<name>.<geometry>" where the name is UTF-8 in base64url (so accents and & = # are safe)
// and the geometry is delta-encoded zig-zag varints of coordinates rounded to 5 decimals (~1 m),
// in base64url. A geometry too long for the link is simplified and flagged as such.
import type { Position } from 'geojson';
import type { AoiGeometry } from '../queries/aoi_geometry_types';
import {
  base64UrlToUtf8, fromBase64Url, readVarint, toBase64Url, unzigzag, utf8ToBase64Url, writeVarint, zigzag,
} from './aoi_codec_bytes';

const VERSION = 1;
const FLAG_SIMPLIFIED = 1;
const SCALE = 1e5;
export const AOI_ID = /^[a-z0-9][a-z0-9-]{0,30}$/;

export interface AoiLinkItem {
  id: string;
  name: string;
  geometry: AoiGeometry;
  /** True when the link only holds a simplified copy of the geometry. */
  simplified: boolean;
}

export function encodeGeometry(geometry: AoiGeometry, simplified: boolean): Uint8Array {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: number[] = [VERSION, simplified ? FLAG_SIMPLIFIED : 0];
  writeVarint(out, polygons.length);
  let previous = [0, 0];
  for (const rings of polygons) {
    writeVarint(out, rings.length);
    for (const ring of rings) {
      const open = ring.slice(0, -1); // the closing point is implied
      writeVarint(out, open.length);
      for (const position of open) {
        const scaled = [Math.round(position[0]! * SCALE), Math.round(position[1]! * SCALE)];
        writeVarint(out, zigzag(scaled[0]! - previous[0]!));
        writeVarint(out, zigzag(scaled[1]! - previous[1]!));
        previous = scaled;
      }
    }
  }
  return Uint8Array.from(out);
}

/** Throws on malformed bytes (the caller turns that into a notice). */
export function decodeGeometry(bytes: Uint8Array): { geometry: AoiGeometry; simplified: boolean } {
  const reader = { offset: 2 };
  if (bytes[0] !== VERSION) throw new Error('unknown AOI encoding version');
  const simplified = ((bytes[1] ?? 0) & FLAG_SIMPLIFIED) !== 0;
  const previous = [0, 0];
  const polygons: Position[][][] = [];
  const polygonCount = readVarint(bytes, reader);
  for (let p = 0; p < polygonCount; p++) {
    const rings: Position[][] = [];
    const ringCount = readVarint(bytes, reader);
    for (let r = 0; r < ringCount; r++) {
      const ring: Position[] = [];
      const pointCount = readVarint(bytes, reader);
      if (pointCount < 3 || pointCount > bytes.length) throw new Error('bad ring length');
      for (let i = 0; i < pointCount; i++) {
        previous[0] = previous[0]! + unzigzag(readVarint(bytes, reader));
        previous[1] = previous[1]! + unzigzag(readVarint(bytes, reader));
        ring.push([previous[0]! / SCALE, previous[1]! / SCALE]);
      }
      ring.push([...ring[0]!]);
      rings.push(ring);
    }
    polygons.push(rings);
  }
  if (reader.offset !== bytes.length || polygons.length === 0) throw new Error('unexpected AOI bytes');
  const geometry: AoiGeometry = polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
  return { geometry, simplified };
}

export function encodeItem(id: string, name: string, geometryBytes: Uint8Array): string {
  return `${id}.${utf8ToBase64Url(name)}.${toBase64Url(geometryBytes)}`;
}

/** Decodes every item it can; `bad` counts the items that could not be read. */
export function decodeAoiParam(value: string): { items: AoiLinkItem[]; bad: number } {
  const items: AoiLinkItem[] = [];
  let bad = 0;
  for (const text of value.split('~')) {
    if (!text) continue;
    const item = decodeItem(text);
    if (item) items.push(item);
    else bad++;
  }
  return { items, bad };
}

function decodeItem(text: string): AoiLinkItem | null {
  const [id = '', name64 = '', geometry64 = '', ...rest] = text.split('.');
  const name = base64UrlToUtf8(name64);
  const bytes = fromBase64Url(geometry64);
  if (rest.length > 0 || !AOI_ID.test(id) || name === null || !bytes) return null;
  try {
    return { id, name, ...decodeGeometry(bytes) };
  } catch {
    return null;
  }
}
