// A PNG written strip by strip (RGB, 8 bits, "Sub" filter, one zlib stream split over as many
// IDAT chunks as it produces), so the file is built without the whole image in memory.
// Its place on Earth goes in a world file (print_geo.ts worldFile) beside it.
import { DeflateStream, subFilteredRgb, type Strip } from './print_raster';

const SIGNATURE = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

export class PngWriter {
  private readonly parts: Uint8Array[] = [SIGNATURE];
  private readonly deflate = new DeflateStream();

  constructor(width: number, height: number) {
    const header = new Uint8Array(13);
    const view = new DataView(header.buffer);
    view.setUint32(0, width);
    view.setUint32(4, height);
    header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, adaptive filtering, no interlace
    this.parts.push(chunk('IHDR', header));
  }

  async addStrip(strip: Strip): Promise<void> {
    await this.deflate.write(subFilteredRgb(strip));
    for (const data of this.deflate.drain()) this.parts.push(chunk('IDAT', data));
  }

  /** The file's parts, in order (hand them to a Blob). */
  async finish(): Promise<Uint8Array[]> {
    for (const data of await this.deflate.close()) this.parts.push(chunk('IDAT', data));
    this.parts.push(chunk('IEND', new Uint8Array(0)));
    return this.parts;
  }
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i += 1) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
