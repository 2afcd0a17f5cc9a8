// A minimal tiled GeoTIFF writer for the bad-input corpus: every field the corpus bends
// (dimensions, tile counts, compression, georeference) is a parameter. Hand-written because
// the point is to write files no correct library would produce.
const SHORT = 3;
const LONG = 4;
const DOUBLE = 12;

export interface TiffSpec {
  width: number;
  height: number;
  tileSize?: number;
  /** TIFF compression code (1 = none, 34887 = LERC, 50000 = not assigned). */
  compression?: number;
  /** Write ModelPixelScale/Tiepoint/GeoKeys (EPSG:4326 near Trois-Rivières). */
  georeferenced?: boolean;
  /** Number of TileOffsets/TileByteCounts declared; defaults to the real tile count. */
  declaredTiles?: number;
}

type Entry = { tag: number; type: number; values: number[] };

function sizeOf(type: number): number {
  return type === DOUBLE ? 8 : type === LONG ? 4 : 2;
}

/** Little-endian TIFF, one IFD, UInt8 single band, tiles filled with a gradient. */
export function writeTiff(spec: TiffSpec): Uint8Array {
  const tile = spec.tileSize ?? 16;
  const across = Math.ceil(spec.width / tile);
  const down = Math.ceil(spec.height / tile);
  const realTiles = across * down;
  const written = Math.min(realTiles, 64);
  const declared = spec.declaredTiles ?? realTiles;
  const tileBytes = tile * tile;
  const entries: Entry[] = [
    { tag: 256, type: LONG, values: [spec.width] },
    { tag: 257, type: LONG, values: [spec.height] },
    { tag: 258, type: SHORT, values: [8] },
    { tag: 259, type: SHORT, values: [spec.compression ?? 1] },
    { tag: 262, type: SHORT, values: [1] },
    { tag: 277, type: SHORT, values: [1] },
    { tag: 284, type: SHORT, values: [1] },
    { tag: 322, type: SHORT, values: [tile] },
    { tag: 323, type: SHORT, values: [tile] },
    { tag: 324, type: LONG, values: [] }, // TileOffsets, filled below
    { tag: 325, type: LONG, values: [] }, // TileByteCounts
    { tag: 339, type: SHORT, values: [1] },
  ];
  if (spec.georeferenced ?? true) {
    entries.push(
      { tag: 33550, type: DOUBLE, values: [0.001, 0.001, 0] },
      { tag: 33922, type: DOUBLE, values: [0, 0, 0, -72.6, 46.4, 0] },
      { tag: 34735, type: SHORT, values: [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326] },
    );
  }
  const ifdSize = 2 + entries.length * 12 + 4;
  // Arrays that do not fit in 4 bytes go after the IFD; tile offsets are only known after that.
  const offsetsEntry = entries.find((entry) => entry.tag === 324)!;
  const countsEntry = entries.find((entry) => entry.tag === 325)!;
  const arraysSize = (values: number, type: number) => (values * sizeOf(type) > 4 ? values * sizeOf(type) : 0);
  let extra = 0;
  for (const entry of entries) {
    const count = entry === offsetsEntry || entry === countsEntry ? Math.min(declared, 1 << 16) : entry.values.length;
    extra += arraysSize(count, entry.type);
  }
  const dataStart = 8 + ifdSize + extra;
  const listed = Math.min(declared, 1 << 16);
  offsetsEntry.values = Array.from({ length: listed }, (_, index) => dataStart + (index % written) * tileBytes);
  countsEntry.values = Array.from({ length: listed }, () => tileBytes);
  const buffer = new ArrayBuffer(dataStart + written * tileBytes);
  const view = new DataView(buffer);
  view.setUint16(0, 0x4949, true);
  view.setUint16(2, 42, true);
  view.setUint32(4, 8, true);
  view.setUint16(8, entries.length, true);
  let arrayAt = 8 + ifdSize;
  entries.forEach((entry, index) => {
    const at = 10 + index * 12;
    // The declared count may exceed what is listed: that is the "absurd tile count" case.
    const count = entry === offsetsEntry || entry === countsEntry ? declared : entry.values.length;
    view.setUint16(at, entry.tag, true);
    view.setUint16(at + 2, entry.type, true);
    view.setUint32(at + 4, count, true);
    const inline = entry.values.length * sizeOf(entry.type) <= 4 && count === entry.values.length;
    const target = inline ? at + 8 : arrayAt;
    if (!inline) {
      view.setUint32(at + 8, arrayAt, true);
      arrayAt += entry.values.length * sizeOf(entry.type);
    }
    entry.values.forEach((value, i) => writeValue(view, target + i * sizeOf(entry.type), entry.type, value));
  });
  view.setUint32(8 + 2 + entries.length * 12, 0, true);
  const bytes = new Uint8Array(buffer);
  for (let i = dataStart; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
  return bytes;
}

function writeValue(view: DataView, at: number, type: number, value: number): void {
  if (type === DOUBLE) view.setFloat64(at, value, true);
  else if (type === LONG) view.setUint32(at, value, true);
  else view.setUint16(at, value, true);
}
