// Node only (the CLI, benchmarks): deflate tiles inflated by node:zlib instead of geotiff.js's
// pako, about twice as fast per 256² tile (docs/benchmarks.md). Browser code must not import
// this file; the CLI entry calls useNativeInflate() once, before any COG is opened.
import { inflateSync } from 'node:zlib';
import { addDecoder, BaseDecoder, getDecoder } from 'geotiff';

type DecoderClass = new (parameters: BaseDecoder['parameters']) => BaseDecoder;

/** TIFF compression codes for deflate: 8 (Adobe) and 32946 (the old PKZIP code). */
const DEFLATE_CODES = [8, 32946];
let installed: Promise<void> | null = null;

/** zlib stream → its bytes, as an ArrayBuffer of exactly that length (small outputs share a pool). */
export function inflateNative(buffer: ArrayBufferLike): ArrayBuffer {
  const out = inflateSync(new Uint8Array(buffer));
  if (out.byteOffset === 0 && out.byteLength === out.buffer.byteLength) return out.buffer as ArrayBuffer;
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

/** A deflate decoder using node:zlib; a stream zlib refuses goes to pako, so bad tiles fail as before. */
function nativeDeflateDecoder(pako: DecoderClass): DecoderClass {
  return class NativeDeflateDecoder extends BaseDecoder {
    override decodeBlock(buffer: ArrayBufferLike): ArrayBufferLike {
      try {
        return inflateNative(buffer);
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
