// encodeGeotiff writes exactly the bytes of geotiff.js's writeArrayBuffer (the clipped GeoTIFF
// export promised the same files after the switch), for every sample type the export writes,
// one to four bands, NaN and extreme values, and the tags the export passes.
import { fromArrayBuffer, writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { encodeGeotiff, type WritableArray } from '../../src/queries/geotiff_encode';

const width = 37, height = 23;

function filled<T extends WritableArray>(make: new (n: number) => T, bands: number, value: (i: number) => number): T {
  const array = new make(width * height * bands);
  for (let i = 0; i < array.length; i++) array[i] = value(i);
  return array;
}

const tags = (bands: number, extra: Record<string, unknown> = {}) => ({
  width, height, GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32188, GTRasterTypeGeoKey: 1,
  SampleFormat: new Array<number>(bands).fill(1), ModelPixelScale: [2, 2, 0], ModelTiepoint: [0, 0, 0, 300000, 5100000, 0],
  GDAL_NODATA: '255', ...(bands === 3 ? {} : { PhotometricInterpretation: 1 }), ...extra,
});

const cases: Array<[string, WritableArray, number, Record<string, unknown>]> = [
  ['uint8, 1 band', filled(Uint8Array, 1, (i) => i % 256), 1, {}],
  ['uint8, 3 bands (RGB)', filled(Uint8Array, 3, (i) => (i * 7) % 256), 3, {}],
  ['uint16, 2 bands', filled(Uint16Array, 2, (i) => (i * 977) % 65536), 2, {}],
  ['uint32 (an int32 view), 1 band', filled(Uint32Array, 1, (i) => (i * 2654435761) >>> 0), 1, { SampleFormat: [2] }],
  ['float32 with NaN and extremes, 1 band', filled(Float32Array, 1, (i) => (i % 11 === 0 ? NaN : i % 13 === 0 ? -3.4e38 : Math.sin(i) * 1000)), 1, { SampleFormat: [3], GDAL_NODATA: 'nan' }],
  ['float64, 4 bands', filled(Float64Array, 4, (i) => (i % 5 === 0 ? NaN : i / 7 - 300)), 4, { SampleFormat: [3, 3, 3, 3] }],
];

describe('encodeGeotiff', () => {
  it.each(cases)('should write the same bytes as writeArrayBuffer: %s', (_name, values, bands, extra) => {
    const ours = new Uint8Array(encodeGeotiff(values, tags(bands, extra)));
    const theirs = new Uint8Array(writeArrayBuffer(values, tags(bands, extra)));
    expect(ours.byteLength).toBe(theirs.byteLength);
    expect(Buffer.compare(Buffer.from(ours), Buffer.from(theirs))).toBe(0);
  });

  it('should give a file geotiff.js reads back with the same samples', async () => {
    const values = filled(Float32Array, 1, (i) => i * 0.5 - 100);
    const image = await (await fromArrayBuffer(encodeGeotiff(values, tags(1, { SampleFormat: [3] })))).getImage();
    expect([image.getWidth(), image.getHeight(), image.getSamplesPerPixel()]).toEqual([width, height, 1]);
    const [read] = (await image.readRasters({ interleave: false })) as unknown as Float32Array[];
    expect(Array.from(read!)).toEqual(Array.from(values));
  });
});
