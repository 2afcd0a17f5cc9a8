// Node only (the CLI, benchmarks): deflate tiles inflated by node:zlib instead of geotiff.js's
// pako, about twice as fast per 256² tile (docs/benchmarks.md). Browser code must not import
// this file; the CLI entry calls useNativeInflate() once, before any COG is opened.
import { inflateSync } from 'node:zlib';
import { addDecoder, BaseDecoder, getDecoder } from 'geotiff';

type DecoderClass = new (parameters: BaseDecoder['parameters']) => BaseDecoder;

/** TIFF compression codes for deflate: 8 (Adobe) and 32946 (the old PKZIP code). */
const DEFLATE_CODES = [8, 32946];
let installed: Promise<void> | null = null;

/**
 * Bytes of one decoded block (a whole tile, or a strip of full height): zlib's output chunk is made
 * that size, so the output is one buffer, not 16 KiB chunks joined by a copy (70 vs 120 µs a
 * 256 KiB block that inflates fast, in a throw-away script).
 */
export function blockBytes({ tileWidth, tileHeight, bitsPerSample, planarConfiguration }: BaseDecoder['parameters']): number {
  const bits = typeof bitsPerSample === 'number' ? [bitsPerSample] : Array.from(bitsPerSample);
  const pixelBits = planarConfiguration === 2 ? (bits[0] ?? 8) : bits.reduce((a, b) => a + b, 0);
  return Math.max(64, Math.ceil((tileWidth * tileHeight * pixelBits) / 8));
}

/** zlib stream → its bytes, as an ArrayBuffer of exactly that length (small outputs share a pool). */
export function inflateNative(buffer: ArrayBufferLike, expectedBytes?: number): ArrayBuffer {
  const out = inflateSync(new Uint8Array(buffer), expectedBytes ? { chunkSize: Math.max(64, expectedBytes) } : {});
  if (out.byteOffset === 0 && out.byteLength === out.buffer.byteLength) return out.buffer as ArrayBuffer;
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

/** A deflate decoder using node:zlib; a stream zlib refuses goes to pako, so bad tiles fail as before. */
function nativeDeflateDecoder(pako: DecoderClass): DecoderClass {
  return class NativeDeflateDecoder extends BaseDecoder {
    override decodeBlock(buffer: ArrayBufferLike): ArrayBufferLike {
      try {
        return inflateNative(buffer, blockBytes(this.parameters));
      } catch {
        return new pako(this.parameters).decodeBlock(buffer) as ArrayBufferLike;
      }
    }
  };
}

/** Registers the node:zlib decoder for both deflate codes in geotiff.js (once per process). */
export function useNativeInflate(): Promise<void> {
  installed ??= (async () => {
    const parameters = { tileWidth: 1, tileHeight: 1, predictor: 1, bitsPerSample: 8, planarConfiguration: 1 };
    const pako = (await getDecoder(8, parameters)).constructor as DecoderClass;
    const decoder = nativeDeflateDecoder(pako);
    addDecoder(DEFLATE_CODES, async () => decoder as unknown as typeof BaseDecoder);
  })();
  return installed;
}
