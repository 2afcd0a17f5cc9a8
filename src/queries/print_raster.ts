// The printed map arrives as horizontal strips of RGBA pixels (never the whole image at once, so
// an A0 at 300 dpi stays within bounded memory). These helpers turn a strip into compressed
// bytes: PNG-filtered rows (used by both the PDF image, via its PNG predictor, and the PNG file)
// and plain RGB rows (the GeoTIFF). Deflate is the platform's CompressionStream (browser & Node).

export interface Strip {
  /** first row of the strip in the whole image */
  y: number;
  width: number;
  height: number;
  /** width × height × 4 bytes */
  rgba: Uint8Array | Uint8ClampedArray;
}

/** Rows of RGB with the PNG "Sub" filter: one filter byte (1) then each byte minus the one 3 before. */
export function subFilteredRgb(strip: Strip): Uint8Array {
  const { width, height, rgba } = strip;
  const rowBytes = width * 3 + 1;
  const out = new Uint8Array(rowBytes * height);
  for (let row = 0; row < height; row += 1) {
    const o = row * rowBytes;
    out[o] = 1;
    let i = row * width * 4;
    let prevR = 0, prevG = 0, prevB = 0;
    for (let x = 0, p = o + 1; x < width; x += 1, i += 4, p += 3) {
      const r = rgba[i]!, g = rgba[i + 1]!, b = rgba[i + 2]!;
      out[p] = (r - prevR) & 255;
      out[p + 1] = (g - prevG) & 255;
      out[p + 2] = (b - prevB) & 255;
      prevR = r; prevG = g; prevB = b;
    }
  }
  return out;
}

/** Plain RGB samples (alpha dropped: the map is drawn on an opaque background). */
export function rgbOf(strip: Strip): Uint8Array {
  const { width, height, rgba } = strip;
  const out = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; o < out.length; i += 4, o += 3) {
    out[o] = rgba[i]!;
    out[o + 1] = rgba[i + 1]!;
    out[o + 2] = rgba[i + 2]!;
  }
  return out;
}

/** zlib (RFC 1950) compression, as PDF FlateDecode, PNG IDAT and TIFF Deflate all expect. */
export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A deflate stream fed strip by strip (one zlib stream across the whole image, as a PNG's IDAT
 * must be); `drain()` returns the compressed bytes produced so far.
 */
export class DeflateStream {
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly chunks: Uint8Array[] = [];
  private readonly done: Promise<void>;

  constructor() {
    const compressor = new CompressionStream('deflate');
    this.writer = compressor.writable.getWriter();
    const reader = compressor.readable.getReader();
    this.done = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        this.chunks.push(value);
      }
    })();
  }

  async write(bytes: Uint8Array): Promise<void> {
    await this.writer.write(bytes as BufferSource);
  }

  drain(): Uint8Array[] {
    return this.chunks.splice(0, this.chunks.length);
  }

  async close(): Promise<Uint8Array[]> {
    await this.writer.close();
    await this.done;
    return this.drain();
  }
}
