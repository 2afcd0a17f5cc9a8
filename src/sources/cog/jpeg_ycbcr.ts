// YCbCr JPEG tiles decoded to RGB the way GDAL's libjpeg does it. GDAL (libtiff + libjpeg,
// JPEGCOLORMODE=RGB) uses libjpeg's islow IDCT (jpeg_islow.ts), its "fancy" (triangular) chroma
// upsampling and its fixed-point YCbCr → RGB tables; geotiff.js's decoder replicates chroma
// (nearest) after another IDCT, which differs by up to 14 levels at colour edges. Upsampling here
// follows jdsample.c (h2v1/h2v2/h1v2_fancy_upsample), per JPEG image — one tile or strip — with
// its edges replicated; conversion follows jdcolor.c.
import { getDecoder, type GeoTIFFImage } from 'geotiff';
import { decodePlanes, type JpegPlane, type JpegReader } from './jpeg_islow';

type Decoder = Parameters<GeoTIFFImage['getTileOrStrip']>[3];
type Plane = { data: Uint8Array; width: number; height: number };

const SCALEBITS = 16, ONE_HALF = 1 << 15;
const fix = (x: number) => Math.round(x * (1 << SCALEBITS));
const crR = new Int32Array(256), cbB = new Int32Array(256), crG = new Int32Array(256), cbG = new Int32Array(256);
for (let i = 0; i < 256; i++) {
  const x = i - 128;
  crR[i] = (fix(1.402) * x + ONE_HALF) >> SCALEBITS;
  cbB[i] = (fix(1.772) * x + ONE_HALF) >> SCALEBITS;
  crG[i] = -fix(0.71414) * x;
  cbG[i] = -fix(0.34414) * x + ONE_HALF;
}
const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** A decoder whose tiles come out as interleaved R, G, B bytes equal to libjpeg's. */
export async function ycbcrDecoder(image: GeoTIFFImage): Promise<Decoder> {
  const width = image.isTiled ? image.getTileWidth() : image.getWidth();
  const tables = (await image.fileDirectory.loadValue('JPEGTables')) as Uint8Array | undefined;
  const jpeg = await getDecoder(7, {
    tileWidth: width, tileHeight: image.getTileHeight(), planarConfiguration: 1, predictor: 1,
    bitsPerSample: [8, 8, 8], JPEGTables: tables,
  } as Parameters<typeof getDecoder>[1]);
  // the reader geotiff.js's JpegDecoder filled with JPEGTables (see jpeg_islow.ts)
  const reader = (jpeg as unknown as { reader: JpegReader }).reader;
  const decode = (buffer: ArrayBuffer) => ycbcrToRgb(decodePlanes(reader, new Uint8Array(buffer))).buffer;
  return { decode: async (buffer: ArrayBuffer) => decode(buffer) } as unknown as Decoder;
}

/** Y, Cb, Cr planes → interleaved R, G, B as libjpeg gives them (width × height of the JPEG). */
export function ycbcrToRgb({ width, height, maxH, maxV, planes }: { width: number; height: number; maxH: number; maxV: number; planes: JpegPlane[] }): Uint8Array {
  if (planes.length !== 3) throw new Error(`YCbCr JPEG with ${planes.length} components`);
  const [y, cb, cr] = planes.map((plane) => fullSize(plane, width, height, maxH, maxV)) as [Uint8Array, Uint8Array, Uint8Array];
  const out = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const l = y[i] as number, b = cb[i] as number, r = cr[i] as number;
    out[i * 3] = clamp(l + (crR[r] as number));
    out[i * 3 + 1] = clamp(l + (((cbG[b] as number) + (crG[r] as number)) >> SCALEBITS));
    out[i * 3 + 2] = clamp(l + (cbB[b] as number));
  }
  return out;
}

/** One component at the image's full size: its stored samples (downsampled_width × height), upsampled. */
function fullSize(plane: JpegPlane, width: number, height: number, maxH: number, maxV: number): Uint8Array {
  const h = maxH / plane.h, v = maxV / plane.v;
  const w = Math.ceil((width * plane.h) / maxH), ht = Math.ceil((height * plane.v) / maxV);
  const data = new Uint8Array(w * ht);
  for (let row = 0; row < ht; row++) data.set(plane.data.subarray(row * plane.stride, row * plane.stride + w), row * w);
  return upsample({ data, width: w, height: ht }, width, height, h, v);
}

function upsample(plane: Plane, width: number, height: number, h: number, v: number): Uint8Array {
  if (h === 1 && v === 1) return plane.data;
  if (!Number.isInteger(h) || !Number.isInteger(v)) throw new Error('JPEG sampling factors GDAL would not use for YCbCr');
  if (plane.width <= 2 || h > 2 || v > 2) return replicate(plane, width, height, h, v);
  const wide = h === 2 ? fancyH2(plane, v === 2) : plane;
  if (v === 1) return crop(wide, width, height);
  return h === 2 ? crop(wide, width, height) : crop(fancyV2Only(wide), width, height);
}

/**
 * libjpeg's h2v1 (vertical = false) or h2v2 fancy upsampling. h2v2 weighs the nearer row 3 : 1
 * against the row above (even output rows) or below (odd), then columns 3 : 1 with its rounding bias.
 */
function fancyH2(plane: Plane, vertical: boolean): Plane {
  const { data, width: w, height: ht } = plane;
  const outW = w * 2, outH = vertical ? ht * 2 : ht;
  const out = new Uint8Array(outW * outH);
  const sums = new Int32Array(w);
  for (let oy = 0; oy < outH; oy++) {
    const row = vertical ? oy >> 1 : oy;
    const other = vertical ? Math.min(ht - 1, Math.max(0, oy & 1 ? row + 1 : row - 1)) : row;
    const o = oy * outW;
    if (!vertical) {
      h2v1Row(data, row * w, w, out, o);
      continue;
    }
    for (let x = 0; x < w; x++) sums[x] = (data[row * w + x] as number) * 3 + (data[other * w + x] as number);
    out[o] = ((sums[0] as number) * 4 + 8) >> 4;
    out[o + 1] = ((sums[0] as number) * 3 + (sums[1] as number) + 7) >> 4;
    for (let x = 1; x < w - 1; x++) {
      out[o + 2 * x] = ((sums[x] as number) * 3 + (sums[x - 1] as number) + 8) >> 4;
      out[o + 2 * x + 1] = ((sums[x] as number) * 3 + (sums[x + 1] as number) + 7) >> 4;
    }
    out[o + 2 * w - 2] = ((sums[w - 1] as number) * 3 + (sums[w - 2] as number) + 8) >> 4;
    out[o + 2 * w - 1] = ((sums[w - 1] as number) * 4 + 7) >> 4;
  }
  return { data: out, width: outW, height: outH };
}

function h2v1Row(data: Uint8Array, start: number, w: number, out: Uint8Array, o: number): void {
  const at = (x: number) => data[start + x] as number;
  out[o] = at(0);
  out[o + 1] = (at(0) * 3 + at(1) + 2) >> 2;
  for (let x = 1; x < w - 1; x++) {
    out[o + 2 * x] = (at(x) * 3 + at(x - 1) + 1) >> 2;
    out[o + 2 * x + 1] = (at(x) * 3 + at(x + 1) + 2) >> 2;
  }
  out[o + 2 * w - 2] = (at(w - 1) * 3 + at(w - 2) + 1) >> 2;
  out[o + 2 * w - 1] = at(w - 1);
}

/** libjpeg-turbo's h1v2 fancy upsampling (rows 3 : 1, bias 1 above, 2 below). */
function fancyV2Only(plane: Plane): Plane {
  const { data, width: w, height: ht } = plane;
  const out = new Uint8Array(w * ht * 2);
  for (let oy = 0; oy < ht * 2; oy++) {
    const row = oy >> 1, below = oy & 1;
    const other = Math.min(ht - 1, Math.max(0, below ? row + 1 : row - 1));
    const bias = below ? 2 : 1;
    for (let x = 0; x < w; x++) out[oy * w + x] = ((data[row * w + x] as number) * 3 + (data[other * w + x] as number) + bias) >> 2;
  }
  return { data: out, width: w, height: ht * 2 };
}

/** Plain replication (libjpeg's choice for other factors or planes too narrow to interpolate). */
function replicate(plane: Plane, width: number, height: number, h: number, v: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = plane.data[Math.floor(y / v) * plane.width + Math.floor(x / h)] as number;
  return out;
}

function crop(plane: Plane, width: number, height: number): Uint8Array {
  if (plane.width === width && plane.height >= height) return plane.data.subarray(0, width * height);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) out.set(plane.data.subarray(y * plane.width, y * plane.width + width), y * width);
  return out;
}
