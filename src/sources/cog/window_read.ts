// Reads one sample of a pixel window, tile by tile, with typed-array row copies. geotiff.js's
// readRasters copies every pixel through a DataView getter call (`reader.call(dataView, …)`),
// which costs more than the inflate itself on a 256² tile; here a decoded tile is viewed as
// its typed array and rows are copied with set(). Only the common layouts take this path
// (little-endian, 8/16/32/64-bit integer or float samples, codecs with default decoder
// parameters); anything else goes through readRasters unchanged.
import { getDecoder, type GeoTIFFImage, type TypedArray } from 'geotiff';
import type { PixelWindow } from './blocks';
import type { CogLevel } from './open';
import { ycbcrDecoder } from './jpeg_ycbcr';
import { isYCbCr } from './photometric';

type Decoder = Parameters<GeoTIFFImage['getTileOrStrip']>[3];

/** none, LZW, deflate (both codes), PackBits: their decoders need only the default parameters. */
const SIMPLE_CODECS = new Set([1, 5, 8, 32946, 32773]);
const decoders = new WeakMap<GeoTIFFImage, Promise<Decoder>>();
const rgbDecoders = new WeakMap<GeoTIFFImage, Promise<Decoder>>();

/** true when readSample can use the fast path for this image and sample. */
export function fastReadable(image: GeoTIFFImage, sample: number): boolean {
  const compression = Number(image.fileDirectory.getValue('Compression') ?? 1);
  const bits = image.getBitsPerSample(sample);
  const format = image.getSampleFormat(sample);
  const spp = image.getSamplesPerPixel();
  const sameSize = image.planarConfiguration === 2 || Array.from({ length: spp }, (_, i) => image.getBitsPerSample(i)).every((b) => b === bits);
  return image.littleEndian && SIMPLE_CODECS.has(compression) && [8, 16, 32, 64].includes(bits)
    && [1, 2, 3].includes(format) && !(format === 3 && bits < 32) && sameSize;
}

/** One sample of the window as a typed array (row-major, window width × height). */
export async function readSample(image: GeoTIFFImage, window: PixelWindow, sample: number, signal?: AbortSignal): Promise<TypedArray> {
  if (!fastReadable(image, sample)) {
    const [values] = await image.readRasters({ window, samples: [sample], interleave: false, signal });
    return values as TypedArray;
  }
  const [out] = await readTiles(image, window, [sample], await decoderFor(image), signal);
  return out!;
}

/** The asked samples of the window, each tile decoded once with `decoder` and its rows copied. */
async function readTiles(image: GeoTIFFImage, window: PixelWindow, samples: number[], decoder: Decoder, signal?: AbortSignal): Promise<TypedArray[]> {
  const [x0, y0, x1, y1] = window;
  const tileW = image.isTiled ? image.getTileWidth() : image.getWidth();
  const tileH = image.getTileHeight();
  if (isWholeBlock(image, window, samples, tileW, tileH)) {
    // the window is one whole block of one sample: its decoded array is the answer (no copy)
    const tile = await image.getTileOrStrip(x0 / tileW, y0 / tileH, samples[0]!, decoder, signal);
    const values = image.getArrayForSample(samples[0]!, tile.data) as TypedArray;
    return [values.length > tileW * tileH ? values.subarray(0, tileW * tileH) : values];
  }
  const outs = samples.map((sample) => image.getArrayForSample(sample, (x1 - x0) * (y1 - y0)) as TypedArray);
  const jobs: Array<Promise<void>> = [];
  for (let ty = Math.floor(y0 / tileH); ty <= Math.floor((y1 - 1) / tileH); ty++) {
    for (let tx = Math.floor(x0 / tileW); tx <= Math.floor((x1 - 1) / tileW); tx++) {
      jobs.push(image.getTileOrStrip(tx, ty, samples[0]!, decoder, signal).then((tile) => {
        samples.forEach((sample, i) => copyTile(image, image.getArrayForSample(sample, tile.data) as TypedArray, sample, [tx * tileW, ty * tileH, tileW], window, outs[i]!));
      }));
    }
  }
  await Promise.all(jobs);
  return outs;
}

/** One sample, one block exactly (a full tile, or a strip of full height), one sample per pixel. */
function isWholeBlock(image: GeoTIFFImage, [x0, y0, x1, y1]: PixelWindow, samples: number[], tileW: number, tileH: number): boolean {
  const onePlane = image.planarConfiguration === 2 || image.getSamplesPerPixel() === 1;
  return samples.length === 1 && onePlane && x0 % tileW === 0 && y0 % tileH === 0 && x1 - x0 === tileW && y1 - y0 === tileH
    && x1 <= image.getWidth() && y1 <= image.getHeight();
}

/** YCbCr JPEG as R, G, B equal to GDAL's (see jpeg_ycbcr.ts). */
async function readRgb(image: GeoTIFFImage, window: PixelWindow, samples: number[], signal?: AbortSignal): Promise<TypedArray[]> {
  let decoder = rgbDecoders.get(image);
  if (!decoder) {
    decoder = ycbcrDecoder(image);
    rgbDecoders.set(image, decoder);
  }
  return readTiles(image, window, samples, await decoder, signal);
}

/** Copies the part of one decoded tile (origin ox, oy; tileW wide) that lies in the window. */
function copyTile(image: GeoTIFFImage, tile: TypedArray, sample: number, [ox, oy, tileW]: [number, number, number], window: PixelWindow, out: TypedArray): void {
  const [x0, y0, x1, y1] = window;
  const stride = image.planarConfiguration === 2 ? 1 : image.getSamplesPerPixel();
  const offset = image.planarConfiguration === 2 ? 0 : sample;
  const rows = tile.length / stride / tileW;
  const cx0 = Math.max(x0, ox), cx1 = Math.min(x1, ox + tileW);
  const width = x1 - x0;
  for (let y = Math.max(y0, oy); y < Math.min(y1, oy + rows); y++) {
    const src = (y - oy) * tileW + (cx0 - ox);
    const dst = (y - y0) * width + (cx0 - x0);
    if (stride === 1) out.set(tile.subarray(src, src + cx1 - cx0), dst);
    else for (let i = 0; i < cx1 - cx0; i++) out[dst + i] = tile[(src + i) * stride + offset] as number;
  }
}

function decoderFor(image: GeoTIFFImage): Promise<Decoder> {
  let decoder = decoders.get(image);
  if (!decoder) {
    decoder = makeDecoder(image);
    decoder.catch(() => decoders.delete(image));
    decoders.set(image, decoder);
  }
  return decoder;
}

/** The parameters geotiff.js's default decoderParameterFn would give (the codecs above use them). */
async function makeDecoder(image: GeoTIFFImage): Promise<Decoder> {
  const dir = image.fileDirectory;
  return (await getDecoder(Number(dir.getValue('Compression') ?? 1), {
    tileWidth: image.isTiled ? image.getTileWidth() : image.getWidth(),
    tileHeight: image.getTileHeight(),
    planarConfiguration: image.planarConfiguration,
    bitsPerSample: Array.from({ length: image.getSamplesPerPixel() }, (_, i) => image.getBitsPerSample(i)),
    predictor: Number((await dir.loadValue('Predictor')) ?? 1),
  })) as Decoder;
}

/**
 * Several samples of a window. Interleaved (chunky) multi-sample tiles go through readRasters,
 * which decodes each tile once for all samples (the row copy would decode it once per sample).
 */
export async function readSamples(image: GeoTIFFImage, window: PixelWindow, samples: number[], signal?: AbortSignal): Promise<TypedArray[]> {
  if (isYCbCr(image)) return readRgb(image, window, samples, signal);
  if (samples.length > 1 && image.planarConfiguration !== 2) {
    return Array.from(await image.readRasters({ window, samples, interleave: false, signal }) as ArrayLike<TypedArray>);
  }
  return Promise.all(samples.map((sample) => readSample(image, window, sample, signal)));
}

/** The level's mask, else its alpha band (0 = transparent), else null. */
export function transparency(level: CogLevel, window: PixelWindow, signal?: AbortSignal): Promise<ArrayLike<number> | null> {
  if (level.mask) return readSample(level.mask, window, 0, signal);
  if (level.alpha !== null) return readSamples(level.image, window, [level.alpha], signal).then(([alpha]) => alpha ?? null);
  return Promise.resolve(null);
}
