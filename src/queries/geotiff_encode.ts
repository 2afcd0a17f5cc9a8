// An uncompressed one-strip GeoTIFF, byte for byte what geotiff.js 3.0.5's writeArrayBuffer
// writes, at memory speed: the writer allocates an ArrayBuffer and a DataView per sample, which
// took 17 s for a 35 MB clip. Its file is a 1000-byte header region (the IFDs, padded) followed
// by the samples in big-endian order, and the header depends only on the tags: geotiff.js writes
// the header (from a one-pixel array with the sizes given explicitly), and the samples are
// written here with one DataView.
import { writeArrayBuffer } from 'geotiff';

/** The writer's fixed header region (geotiffwriter.js `numBytesInIfd`): the strip starts there. */
const HEADER_BYTES = 1000;

/** What geotiff.js's writer encodes natively (signed samples go as the unsigned view of their bytes). */
export type WritableArray = Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array;

export function encodeGeotiff(values: WritableArray, tags: Record<string, unknown> & { width: number; height: number }): ArrayBuffer {
  const { width, height } = tags;
  const bands = values.length / (width * height);
  const size = values.BYTES_PER_ELEMENT;
  const Same = values.constructor as new (length: number) => WritableArray;
  // the sizes writeGeotiff would derive from the whole array, given so that one pixel suffices
  const header = writeArrayBuffer(new Same(bands), {
    ...tags,
    BitsPerSample: new Array<number>(bands).fill(8 * size),
    ...(tags.PhotometricInterpretation === undefined ? { PhotometricInterpretation: bands === 3 ? 2 : 1 } : {}),
    SamplesPerPixel: [bands],
    StripByteCounts: [bands * size * width * height],
  });
  const file = new ArrayBuffer(HEADER_BYTES + values.length * size);
  new Uint8Array(file).set(new Uint8Array(header, 0, HEADER_BYTES));
  writeBigEndian(new DataView(file, HEADER_BYTES), values);
  return file;
}

function writeBigEndian(view: DataView, values: WritableArray): void {
  const n = values.length;
  if (values instanceof Uint8Array) new Uint8Array(view.buffer, view.byteOffset).set(values);
  else if (values instanceof Uint16Array) for (let i = 0; i < n; i++) view.setUint16(i * 2, values[i]!, false);
  else if (values instanceof Uint32Array) for (let i = 0; i < n; i++) view.setUint32(i * 4, values[i]!, false);
  else if (values instanceof Float32Array) for (let i = 0; i < n; i++) view.setFloat32(i * 4, values[i]!, false);
  else for (let i = 0; i < n; i++) view.setFloat64(i * 8, values[i]!, false);
}
