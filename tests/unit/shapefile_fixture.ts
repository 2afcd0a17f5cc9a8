// Builds a small zipped polygon Shapefile in memory (.shp, .shx, .dbf, optional .cpg) with one
// text field encoded as asked, for the encoding tests. Formats: ESRI Shapefile Technical
// Description (1998) and dBASE III.
import { zipSync } from 'fflate';

export interface ShapefileFixture {
  /** One square per record: [lon, lat, size in degrees], and the NOM text. */
  records: Array<{ square: [number, number, number]; nom: string }>;
  /** Bytes of a text in the .dbf's encoding (e.g. Latin-1). */
  encode(text: string): Uint8Array;
  /** Content of a .cpg file, or none. */
  cpg?: string;
}

export function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => {
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new Error(`not Latin-1: ${char}`);
    return code;
  }));
}

export function shapefileZip(fixture: ShapefileFixture, base = 'zones'): Uint8Array {
  const files: Record<string, Uint8Array> = {
    [`${base}.shp`]: shp(fixture.records.map((record) => record.square), false),
    [`${base}.shx`]: shp(fixture.records.map((record) => record.square), true),
    [`${base}.dbf`]: dbf(fixture.records.map((record) => fixture.encode(record.nom))),
  };
  if (fixture.cpg !== undefined) files[`${base}.cpg`] = new TextEncoder().encode(fixture.cpg);
  return zipSync(files);
}

/** Clockwise square ring (the Shapefile's outer ring order). */
function ring([lon, lat, size]: [number, number, number]): number[][] {
  return [[lon, lat], [lon, lat + size], [lon + size, lat + size], [lon + size, lat], [lon, lat]];
}

function shp(squares: Array<[number, number, number]>, index: boolean): Uint8Array {
  const contentBytes = 44 + 4 + 16 * 5; // type + box + parts + points counts, one part index, 5 points
  const length = 100 + squares.length * (index ? 8 : 8 + contentBytes);
  const view = new DataView(new ArrayBuffer(length));
  view.setInt32(0, 9994);
  view.setInt32(24, length / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 5, true);
  const all = squares.flatMap(ring);
  [Math.min(...all.map((p) => p[0]!)), Math.min(...all.map((p) => p[1]!)), Math.max(...all.map((p) => p[0]!)), Math.max(...all.map((p) => p[1]!))]
    .forEach((value, i) => view.setFloat64(36 + 8 * i, value, true));
  squares.forEach((square, n) => {
    const offset = 100 + n * (8 + contentBytes);
    if (index) {
      view.setInt32(100 + n * 8, offset / 2);
      view.setInt32(104 + n * 8, contentBytes / 2);
      return;
    }
    view.setInt32(offset, n + 1);
    view.setInt32(offset + 4, contentBytes / 2);
    const points = ring(square);
    let at = offset + 8;
    view.setInt32(at, 5, true);
    [square[0], square[1], square[0] + square[2], square[1] + square[2]].forEach((value, i) => view.setFloat64(at + 4 + 8 * i, value, true));
    at += 36;
    view.setInt32(at, 1, true);
    view.setInt32(at + 4, points.length, true);
    view.setInt32(at + 8, 0, true);
    at += 12;
    points.forEach(([x, y], i) => {
      view.setFloat64(at + 16 * i, x!, true);
      view.setFloat64(at + 16 * i + 8, y!, true);
    });
  });
  return new Uint8Array(view.buffer);
}

/** dBASE III table with one character field NOM (40 bytes). */
function dbf(values: Uint8Array[]): Uint8Array {
  const width = 40;
  const headerLength = 32 + 32 + 1;
  const recordLength = 1 + width;
  const bytes = new Uint8Array(headerLength + values.length * recordLength + 1).fill(0);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  bytes.set([126, 1, 1], 1);
  view.setUint32(4, values.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes.set(new TextEncoder().encode('NOM'), 32);
  bytes[32 + 11] = 'C'.charCodeAt(0);
  bytes[32 + 16] = width;
  bytes[64] = 0x0d;
  values.forEach((value, n) => {
    const at = headerLength + n * recordLength;
    bytes.fill(0x20, at, at + recordLength);
    bytes.set(value.subarray(0, width), at + 1);
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}
