// A tiny PMTiles v3 writer (spec: github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
// Hand-written because no npm package writes PMTiles from JavaScript: the `pmtiles` package only
// reads, and gdal3.js can write but took ~30 s per MB of GeoJSON here, far too slow for a demo
// generator that runs before every fresh `dev`, `build` and `test`.
// Layout written: header (127 bytes) · root directory · JSON metadata · leaf directories · tile data.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Compression, TileType, zxyToTileId, type Entry } from 'pmtiles';
import type { BBox } from './geo';

export { Compression, TileType };

export interface TileInput {
  z: number;
  x: number;
  y: number;
  /** Tile bytes exactly as stored (already compressed for MVT). */
  data: Uint8Array;
}

export interface ArchiveOptions {
  tileType: TileType;
  tileCompression: Compression;
  minZoom: number;
  maxZoom: number;
  bounds: BBox;
  /** [lon, lat, zoom]; defaults to the middle of the bounds at minZoom. */
  center?: [number, number, number];
  metadata: Record<string, unknown>;
}

const HEADER_LENGTH = 127;
/** Header and root directory must fit in the first 16 KiB that readers fetch. */
const ROOT_BUDGET = 16384 - HEADER_LENGTH;

/** Build a complete archive in memory. Tiles may come in any order; identical tiles are stored once. */
export function writePmtiles(tiles: TileInput[], options: ArchiveOptions): Buffer {
  if (tiles.length === 0) throw new Error('writePmtiles: no tiles to write');
  const { entries, tileData, contents } = packTiles(tiles);
  const { root, leaves } = buildDirectories(entries);
  const metadata = gzipSync(Buffer.from(JSON.stringify(options.metadata), 'utf8'));
  const rootOffset = HEADER_LENGTH;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const tileOffset = leafOffset + leaves.length;
  const header = serializeHeader(options, {
    rootOffset, rootLength: root.length,
    metadataOffset, metadataLength: metadata.length,
    leafOffset, leafLength: leaves.length,
    tileOffset, tileLength: tileData.length,
    addressed: tiles.length, entries: entries.length, contents,
  });
  return Buffer.concat([header, root, metadata, leaves, tileData]);
}

/** Sort by tile id, store each distinct content once, merge runs of identical consecutive tiles. */
function packTiles(tiles: TileInput[]): { entries: Entry[]; tileData: Buffer; contents: number } {
  const sorted = tiles
    .map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data }))
    .sort((a, b) => a.id - b.id);
  const entries: Entry[] = [];
  const chunks: Uint8Array[] = [];
  const offsetByHash = new Map<string, number>();
  let length = 0;
  for (let i = 0; i < sorted.length; i++) {
    const tile = sorted[i]!;
    if (i > 0 && sorted[i - 1]!.id === tile.id) throw new Error(`writePmtiles: duplicate tile id ${tile.id}`);
    const hash = createHash('sha256').update(tile.data).digest('hex');
    let offset = offsetByHash.get(hash);
    if (offset === undefined) {
      offset = length;
      offsetByHash.set(hash, offset);
      chunks.push(tile.data);
      length += tile.data.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === offset && last.tileId + last.runLength === tile.id) {
      last.runLength++;
    } else {
      entries.push({ tileId: tile.id, offset, length: tile.data.length, runLength: 1 });
    }
  }
  return { entries, tileData: Buffer.concat(chunks), contents: offsetByHash.size };
}

/** The root holds every entry when it fits, otherwise it points to leaf directories. */
function buildDirectories(entries: Entry[]): { root: Buffer; leaves: Buffer } {
  const root = serializeDirectory(entries);
  if (root.length <= ROOT_BUDGET) return { root, leaves: Buffer.alloc(0) };
  for (let leafSize = 4096; ; leafSize = Math.ceil(leafSize * 1.2)) {
    const rootEntries: Entry[] = [];
    const leafChunks: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serializeDirectory(entries.slice(i, i + leafSize));
      rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafChunks.push(leaf);
      offset += leaf.length;
    }
    const rootBytes = serializeDirectory(rootEntries);
    if (rootBytes.length <= ROOT_BUDGET) return { root: rootBytes, leaves: Buffer.concat(leafChunks) };
  }
}

function serializeDirectory(entries: Entry[]): Buffer {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    const contiguous = prev !== undefined && e.offset === prev.offset + prev.length;
    writeVarint(out, contiguous ? 0 : e.offset + 1);
  });
  return gzipSync(Buffer.from(out));
}

/** Unsigned LEB128; uses division so values above 2^32 stay exact. */
function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

interface Layout {
  rootOffset: number; rootLength: number;
  metadataOffset: number; metadataLength: number;
  leafOffset: number; leafLength: number;
  tileOffset: number; tileLength: number;
  addressed: number; entries: number; contents: number;
}

function serializeHeader(options: ArchiveOptions, layout: Layout): Buffer {
  const buf = Buffer.alloc(HEADER_LENGTH);
  buf.write('PMTiles', 0, 'ascii');
  buf.writeUInt8(3, 7);
  const u64 = [
    layout.rootOffset, layout.rootLength, layout.metadataOffset, layout.metadataLength,
    layout.leafOffset, layout.leafLength, layout.tileOffset, layout.tileLength,
    layout.addressed, layout.entries, layout.contents,
  ];
  u64.forEach((v, i) => buf.writeBigUInt64LE(BigInt(v), 8 + i * 8));
  buf.writeUInt8(1, 96); // clustered: tile data is in tile-id order
  buf.writeUInt8(Compression.Gzip, 97);
  buf.writeUInt8(options.tileCompression, 98);
  buf.writeUInt8(options.tileType, 99);
  buf.writeUInt8(options.minZoom, 100);
  buf.writeUInt8(options.maxZoom, 101);
  const [w, s, e, n] = options.bounds;
  const e7 = (deg: number) => Math.round(deg * 1e7);
  [w, s, e, n].forEach((v, i) => buf.writeInt32LE(e7(v), 102 + i * 4));
  const center = options.center ?? [(w + e) / 2, (s + n) / 2, options.minZoom];
  buf.writeUInt8(center[2], 118);
  buf.writeInt32LE(e7(center[0]), 119);
  buf.writeInt32LE(e7(center[1]), 123);
  return buf;
}
