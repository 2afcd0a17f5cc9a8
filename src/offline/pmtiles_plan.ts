// The bytes of a PMTiles archive that an area needs: the 16 KiB the library reads first
// (header + root directory), its JSON metadata, the leaf directories on the way, and each tile of the area at
// every zoom the map will ask for (zooms past the archive's maxzoom reuse its deepest tiles).
// Reads only directories; the tiles themselves are listed with their exact sizes. DOM-free.
import { bytesToHeader, Compression, findTile, readVarint, zxyToTileId, type Entry, type Header } from 'pmtiles';
import { joinRanges, minus, type ByteRange } from './ranges';
import { recording, type FilePlan, type RangeReader } from './plan_types';
import { tilesOf, type Bbox } from './tiles';

/** What pmtiles' PMTiles.getHeader() reads first (HEADER + root directory). */
const FIRST_READ = 16384;
/** Tiles closer than this are fetched in one request (the gap bytes are stored too). */
const TILE_GAP = 4096;

export async function planPmtiles(url: string, readRange: RangeReader, bbox: Bbox, minZoom: number, maxZoom: number, signal?: AbortSignal): Promise<FilePlan> {
  const { read, plan } = recording(readRange);
  const first = await read(0, FIRST_READ, signal);
  const header = bytesToHeader(first.data, undefined);
  if (header.specVersion < 3) throw new Error(`${url}: PMTiles version ${header.specVersion} is not supported`);
  const root = await parseDirectory(first.data.slice(header.rootDirectoryOffset, header.rootDirectoryOffset + header.rootDirectoryLength), header);
  const leaves = new Map<number, Promise<Entry[]>>();
  const leaf = (entry: Entry) => {
    let dir = leaves.get(entry.offset);
    if (!dir) {
      dir = read(header.leafDirectoryOffset + entry.offset, entry.length, signal).then(({ data }) => parseDirectory(data, header));
      leaves.set(entry.offset, dir);
    }
    return dir;
  };
  // the JSON metadata too: the time control lists a layer's dates from its tilestats
  const tiles: ByteRange[] = [{ offset: header.jsonMetadataOffset, length: header.jsonMetadataLength }];
  const low = Math.max(header.minZoom, Math.min(minZoom, header.maxZoom));
  const high = Math.max(low, Math.min(maxZoom, header.maxZoom));
  for (const [z, x, y] of tilesOf(bbox, low, high)) {
    const entry = await findEntry(root, zxyToTileId(z, x, y), leaf);
    if (entry) tiles.push({ offset: header.tileDataOffset + entry.offset, length: entry.length });
  }
  return { url, ...plan, need: joinRanges(tiles, TILE_GAP).flatMap((r) => minus(r, plan.have)) };
}

async function findEntry(root: Entry[], tileId: number, leaf: (entry: Entry) => Promise<Entry[]>): Promise<Entry | null> {
  let entries = root;
  for (let depth = 0; depth < 4; depth++) {
    const entry = findTile(entries, tileId);
    if (!entry) return null;
    if (entry.runLength > 0) return entry;
    entries = await leaf(entry);
  }
  return null;
}

/** A PMTiles v3 directory (spec §4.4): varint columns, delta-coded ids and offsets. */
export async function parseDirectory(raw: ArrayBuffer, header: Header): Promise<Entry[]> {
  const buf = new Uint8Array(await decompress(raw, header.internalCompression));
  const p = { buf, pos: 0 };
  const count = readVarint(p);
  const entries: Entry[] = [];
  let lastId = 0;
  for (let i = 0; i < count; i++) {
    lastId += readVarint(p);
    entries.push({ tileId: lastId, offset: 0, length: 1, runLength: 1 });
  }
  for (const entry of entries) entry.runLength = readVarint(p);
  for (const entry of entries) entry.length = readVarint(p);
  for (let i = 0; i < count; i++) {
    const value = readVarint(p);
    const previous = entries[i - 1];
    (entries[i] as Entry).offset = value === 0 && previous ? previous.offset + previous.length : value - 1;
  }
  return entries;
}

async function decompress(raw: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  if (compression === Compression.None || compression === Compression.Unknown) return raw;
  if (compression !== Compression.Gzip) throw new Error(`PMTiles directory compression ${compression} is not supported`);
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}
