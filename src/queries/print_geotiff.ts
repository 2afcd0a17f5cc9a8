// The printed map as a GeoTIFF in EPSG:3857, written strip by strip: RGB, Deflate-compressed
// strips of ROWS rows, the image directory at the end of the file (its offset is only known
// once every strip is compressed), GeoKeys for EPSG:3857 and the frame's pixel scale/tiepoint.
import type { Extent3857 } from './print_geo';
import { deflate, rgbOf, type Strip } from './print_raster';

const ROWS = 16;

export class GeoTiffWriter {
  private readonly strips: Uint8Array[] = [];
  private pending: Uint8Array[] = [];
  private pendingRows = 0;

  constructor(private readonly width: number, private readonly height: number, private readonly extent: Extent3857) {}

  async addStrip(strip: Strip): Promise<void> {
    const rgb = rgbOf(strip);
    const rowBytes = this.width * 3;
    for (let row = 0; row < strip.height; row += 1) {
      this.pending.push(rgb.subarray(row * rowBytes, (row + 1) * rowBytes));
      this.pendingRows += 1;
      if (this.pendingRows === ROWS) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (!this.pendingRows) return;
    const joined = new Uint8Array(this.pendingRows * this.width * 3);
    this.pending.forEach((row, i) => joined.set(row, i * row.length));
    this.strips.push(await deflate(joined));
    this.pending = [];
    this.pendingRows = 0;
  }

  async finish(): Promise<Uint8Array[]> {
    await this.flush();
    let offset = 8;
    const offsets = this.strips.map((strip) => {
      const at = offset;
      offset += strip.length;
      return at;
    });
    const ifdOffset = offset + (offset % 2);
    const header = new Uint8Array(8);
    const view = new DataView(header.buffer);
    header.set([0x49, 0x49, 42, 0]);
    view.setUint32(4, ifdOffset, true);
    const padding = new Uint8Array(ifdOffset - offset);
    return [header, ...this.strips, padding, this.directory(ifdOffset, offsets)];
  }

  private directory(at: number, offsets: number[]): Uint8Array {
    const [minX, minY, maxX, maxY] = this.extent;
    const tags: Tag[] = [
      [256, LONG, [this.width]], [257, LONG, [this.height]], [258, SHORT, [8, 8, 8]], [259, SHORT, [8]],
      [262, SHORT, [2]], [273, LONG, offsets], [277, SHORT, [3]], [278, LONG, [ROWS]],
      [279, LONG, this.strips.map((s) => s.length)], [284, SHORT, [1]],
      [33550, DOUBLE, [(maxX - minX) / this.width, (maxY - minY) / this.height, 0]],
      [33922, DOUBLE, [0, 0, 0, minX, maxY, 0]],
      // GeoKeys: projected model, pixel is area, EPSG:3857, metres
      [34735, SHORT, [1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 3857, 3076, 0, 1, 9001]],
    ];
    return encodeIfd(tags, at);
  }
}

const SHORT = 3, LONG = 4, DOUBLE = 12;
const SIZES: Record<number, number> = { [SHORT]: 2, [LONG]: 4, [DOUBLE]: 8 };
type Tag = [number, number, number[]];

/** One classic-TIFF image directory at file offset `at`; values over 4 bytes follow the entries. */
function encodeIfd(tags: Tag[], at: number): Uint8Array {
  const entriesSize = 2 + tags.length * 12 + 4;
  const extra = tags.reduce((sum, [, type, values]) => {
    const size = SIZES[type]! * values.length;
    return size > 4 ? sum + size + (size % 2) : sum;
  }, 0);
  const out = new Uint8Array(entriesSize + extra);
  const view = new DataView(out.buffer);
  view.setUint16(0, tags.length, true);
  let valueAt = entriesSize;
  tags.forEach(([tag, type, values], i) => {
    const entry = 2 + i * 12;
    view.setUint16(entry, tag, true);
    view.setUint16(entry + 2, type, true);
    view.setUint32(entry + 4, values.length, true);
    const size = SIZES[type]! * values.length;
    const target = size > 4 ? valueAt : entry + 8;
    if (size > 4) {
      view.setUint32(entry + 8, at + valueAt, true);
      valueAt += size + (size % 2);
    }
    values.forEach((value, k) => {
      const p = target + k * SIZES[type]!;
      if (type === SHORT) view.setUint16(p, value, true);
      else if (type === LONG) view.setUint32(p, value, true);
      else view.setFloat64(p, value, true);
    });
  });
  return out;
}
