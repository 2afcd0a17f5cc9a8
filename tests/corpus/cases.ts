// The bad-input corpus, generated at test time (no third-party bytes in git): each case is a
// file name, its bytes, what reads it, and what the user must be told (a pattern).
import { gzipSync } from 'node:zlib';
import { Compression, TileType, writePmtiles } from '../../src/cli/demo/pmtiles_writer';
import { writeTiff } from './tiff';

export type CaseKind = 'cog' | 'pmtiles' | 'aoi';

export interface CorpusCase {
  name: string;
  kind: CaseKind;
  what: string;
  bytes: Uint8Array;
  /** The error must match (it says what is wrong); null when the file must be accepted. */
  expect: RegExp | null;
  /** Time budget when it is not the default (a known slow case, see docs/robustness.md). */
  maxMs?: number;
  maxHeapMiB?: number;
}

const HTML_PAGE = new TextEncoder().encode('<!doctype html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n');
const text = (value: string) => new TextEncoder().encode(value);

export function goodTiff(): Uint8Array {
  return writeTiff({ width: 64, height: 64 });
}

export function goodPmtiles(): Uint8Array {
  const tile = gzipSync(Buffer.from([0x1a, 0x00]));
  return new Uint8Array(writePmtiles([{ z: 0, x: 0, y: 0, data: tile }], {
    tileType: TileType.Mvt, tileCompression: Compression.Gzip, minZoom: 0, maxZoom: 0,
    bounds: [-73, 46, -72, 47], metadata: { vector_layers: [{ id: 'corpus', fields: {} }] },
  }));
}

/** A valid archive whose header says the root directory lies past the end of the file. */
function pmtilesDirectoryPastEnd(): Uint8Array {
  const bytes = goodPmtiles().slice();
  new DataView(bytes.buffer).setBigUint64(8, BigInt(bytes.length + 1_000_000), true);
  return bytes;
}

function wrongMagic(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  copy.set(text('JUNK'), 0);
  return copy;
}

function polygonFeature(ring: number[][], name = 'zone'): object {
  return { type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

function manyVertices(count: number): string {
  const ring: number[][] = [];
  for (let i = 0; i < count; i++) {
    const angle = (2 * Math.PI * i) / count;
    ring.push([-72.55 + 0.05 * Math.cos(angle), 46.35 + 0.05 * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return JSON.stringify(polygonFeature(ring));
}

export function corpusCases(): CorpusCase[] {
  const tiff = goodTiff();
  const pmtiles = goodPmtiles();
  const bowtie = [[-72.6, 46.3], [-72.5, 46.4], [-72.5, 46.3], [-72.6, 46.4], [-72.6, 46.3]];
  return [
    { name: 'valid.tif', kind: 'cog', what: 'valid 64×64 tiled GeoTIFF (control)', bytes: tiff, expect: null },
    { name: 'zero.tif', kind: 'cog', what: 'zero-byte file', bytes: new Uint8Array(0), expect: /empty|truncated|zero|0 bytes/i },
    { name: 'truncated.tif', kind: 'cog', what: 'first 40 bytes of a valid TIFF', bytes: tiff.slice(0, 40), expect: /truncat|end of|past|short|offset|outside|invalid|corrupt/i },
    { name: 'magic.tif', kind: 'cog', what: 'wrong magic number', bytes: wrongMagic(tiff), expect: /not a (Geo)?TIFF|magic|invalid/i },
    { name: 'html.tif', kind: 'cog', what: 'HTML error page served as .tif', bytes: HTML_PAGE, expect: /HTML/i },
    { name: 'huge-dims.tif', kind: 'cog', what: 'header claims 2 147 483 647 × 2 147 483 647 pixels', bytes: writeTiff({ width: 2 ** 31 - 1, height: 2 ** 31 - 1 }), expect: /absurd|dimension|too large/i },
    { name: 'tile-bomb.tif', kind: 'cog', what: 'TileOffsets claims 4 000 000 000 entries', bytes: writeTiff({ width: 64, height: 64, declaredTiles: 4_000_000_000 }), expect: /tile|offset|absurd|truncat|past|outside|invalid|corrupt|range/i },
    { name: 'lerc-corrupt.tif', kind: 'cog', what: 'LERC compression (34887) with corrupt tile data', bytes: writeTiff({ width: 64, height: 64, compression: 34887 }), expect: /LERC/i },
    { name: 'jpeg2000.tif', kind: 'cog', what: 'unsupported compression 34712 (JPEG 2000)', bytes: writeTiff({ width: 64, height: 64, compression: 34712 }), expect: /unsupported compression JPEG 2000 \(34712\)/ },
    { name: 'no-georef.tif', kind: 'cog', what: 'TIFF without georeference', bytes: writeTiff({ width: 64, height: 64, georeferenced: false }), expect: /georef|CRS|projection|coordinate|geokey/i },
    { name: 'valid.pmtiles', kind: 'pmtiles', what: 'valid one-tile archive (control)', bytes: pmtiles, expect: null },
    { name: 'zero.pmtiles', kind: 'pmtiles', what: 'zero-byte file', bytes: new Uint8Array(0), expect: /empty|truncated/i },
    { name: 'truncated.pmtiles', kind: 'pmtiles', what: 'first 60 bytes of a valid archive', bytes: pmtiles.slice(0, 60), expect: /truncat|short|not a PMTiles|header|magic|invalid|offset|bounds/i },
    { name: 'magic.pmtiles', kind: 'pmtiles', what: 'wrong magic number', bytes: wrongMagic(pmtiles), expect: /magic|not a PMTiles/i },
    { name: 'html.pmtiles', kind: 'pmtiles', what: 'HTML error page served as .pmtiles', bytes: HTML_PAGE, expect: /magic|not a PMTiles|HTML/i },
    { name: 'dir-past-end.pmtiles', kind: 'pmtiles', what: 'root directory offset past the end of the file', bytes: pmtilesDirectoryPastEnd(), expect: /past|end|truncat|directory|offset|bounds|short|invalid/i },
    { name: 'empty.geojson', kind: 'aoi', what: 'empty GeoJSON file', bytes: new Uint8Array(0), expect: /empty|no (polygon|area|feature)|vide/i },
    { name: 'empty-collection.geojson', kind: 'aoi', what: 'FeatureCollection with no features', bytes: text('{"type":"FeatureCollection","features":[]}'), expect: /no (polygon|area|feature)|empty|aucun/i },
    { name: 'latin1.geojson', kind: 'aoi', what: 'non-UTF-8 (Latin-1) name', bytes: Uint8Array.from([...text('{"type":"Feature","properties":{"name":"Rivi'), 0xe8, ...text(`re"},"geometry":{"type":"Polygon","coordinates":${JSON.stringify([[[-72.6, 46.3], [-72.5, 46.3], [-72.5, 46.4], [-72.6, 46.3]]])}}}`)]), expect: null },
    { name: 'bowtie.geojson', kind: 'aoi', what: 'self-intersecting polygon (bow tie)', bytes: text(JSON.stringify(polygonFeature(bowtie))), expect: null },
    { name: 'nan.geojson', kind: 'aoi', what: 'NaN / null coordinates', bytes: text('{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[NaN,46.3],[-72.5,null],[-72.5,46.4],[NaN,46.3]]]}}'), expect: /coordinate|JSON|invalid|number|parse|no (polygon|area)/i },
    { name: 'million.geojson', kind: 'aoi', what: '10⁶-vertex polygon (39 MB of text)', bytes: text(manyVertices(1_000_000)), expect: /too_large/ },
    { name: 'quarter-million.geojson', kind: 'aoi', what: '2.5·10⁵-vertex polygon (under the size limit)', bytes: text(manyVertices(250_000)), expect: null, maxMs: 45_000, maxHeapMiB: 800 },
    { name: 'huge.geojson', kind: 'aoi', what: 'over the 20 MB upload limit', bytes: new Uint8Array(21 * 1024 * 1024).fill(0x20), expect: /too_large/ },
    { name: 'garbage.kml', kind: 'aoi', what: 'KML that is not XML', bytes: text('<kml><Placemark><Polygon>'), expect: /KML|XML|no (polygon|area)|parse|invalid/i },
    { name: 'not-a-zip.zip', kind: 'aoi', what: 'zipped Shapefile that is not a zip', bytes: text('PK\u0003\u0004garbage'), expect: /zip|shapefile|shp|invalid|corrupt/i },
  ];
}
