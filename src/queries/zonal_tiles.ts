// Decoded internal tiles kept for one statistics run over several AOIs (a FeatureCollection of
// MRCs, a report over many zones): neighbouring AOIs share tiles, and each tile is then
// fetched and decoded once instead of once per AOI. Bounded by decoded bytes (LRU), so a run
// over a large raster keeps its memory bound; a tile evicted and needed again is decoded again.
import type { CogLevel } from '../sources/cog/open';
import type { PixelWindow } from '../sources/cog/blocks';
import type { TypedArray } from 'geotiff';
import { readSample, readSamples } from '../sources/cog/window_read';

export type Samples = ArrayLike<number> & { byteLength?: number };
export type DecodedTile = [Samples, Samples | null];

/** Default bound: 64 MiB of decoded samples (e.g. 256 Float64 tiles of 256²). */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export class DecodedTiles {
  private readonly tiles = new Map<string, { tile: Promise<DecodedTile>; bytes: number }>();
  private readonly ids = new WeakMap<CogLevel, number>();
  private bytes = 0;
  /** Decodes done (misses), for tests and benchmarks. */
  decoded = 0;

  constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {}

  isCached(level: CogLevel, window: PixelWindow, sample: number): boolean {
    return this.tiles.has(this.key(level, window, sample));
  }

  /** The tile's samples (and mask), decoded once while it stays in the cache. */
  read(level: CogLevel, window: PixelWindow, sample: number, signal?: AbortSignal): Promise<DecodedTile> {
    const key = this.key(level, window, sample);
    const hit = this.tiles.get(key);
    if (hit) {
      this.tiles.delete(key); // refresh LRU order
      this.tiles.set(key, hit);
      return hit.tile;
    }
    this.decoded++;
    const tile = decode(level, window, sample, signal);
    const entry = { tile, bytes: 0 };
    this.tiles.set(key, entry);
    tile.then((t) => this.account(key, entry, t), () => this.tiles.delete(key));
    return tile;
  }

  private account(key: string, entry: { bytes: number }, [values, mask]: DecodedTile): void {
    if (this.tiles.get(key) !== entry) return;
    entry.bytes = (values.byteLength ?? values.length * 8) + (mask ? (mask.byteLength ?? mask.length * 8) : 0);
    this.bytes += entry.bytes;
    // oldest first; the tile just decoded stays, and so do tiles still decoding (a tile row is
    // asked at once, so the oldest entry may be the newest decoded)
    for (const [oldKey, old] of this.tiles) {
      if (this.bytes <= this.maxBytes) break;
      if (oldKey === key || old.bytes === 0) continue;
      this.tiles.delete(oldKey);
      this.bytes -= old.bytes;
    }
  }

  private key(level: CogLevel, window: PixelWindow, sample: number): string {
    let id = this.ids.get(level);
    if (id === undefined) {
      id = nextId++;
      this.ids.set(level, id);
    }
    return `${id}:${window.join(',')}:${sample}`;
  }
}

let nextId = 1;

/** Reads one window (its bytes are prefetched by the caller). */
export async function decode(level: CogLevel, window: PixelWindow, sample: number, signal?: AbortSignal): Promise<DecodedTile> {
  return Promise.all([readSamples(level.image, window, [sample], signal).then(([values]) => values as TypedArray), level.mask ? readSample(level.mask, window, 0, signal) : null]);
}
