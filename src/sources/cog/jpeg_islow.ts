// A JPEG image's component planes, entropy-decoded by geotiff.js's JPEG reader and inverse-DCT'd
// with libjpeg's default "islow" integer IDCT (jidctint.c), which GDAL uses. geotiff.js's own IDCT
// (poppler's) rounds differently by ±1, which the YCbCr → RGB step can grow to ±3. The reader's
// parsed frame (coefficient blocks, quantization tables) is internal to geotiff.js: its shape is
// checked here and a change fails loudly rather than drawing wrong colours.
const CONST_BITS = 13, PASS1_BITS = 2;
const F0_298 = 2446, F0_390 = 3196, F0_541 = 4433, F0_765 = 6270, F0_899 = 7373, F1_175 = 9633;
const F1_501 = 12299, F1_847 = 15137, F1_961 = 16069, F2_053 = 16819, F2_562 = 20995, F3_072 = 25172;

export type JpegPlane = { data: Uint8Array; stride: number; rows: number; h: number; v: number };
export type JpegPlanes = { width: number; height: number; maxH: number; maxV: number; planes: JpegPlane[] };

type Component = { h: number; v: number; blocks?: Int32Array[][]; blocksPerLine?: number; blocksPerColumn?: number; quantizationTable?: Int32Array; quantizationIdx?: number };
type Frame = { samplesPerLine: number; scanLines: number; maxH: number; maxV: number; components: Record<string, Component>; componentsOrder: number[] };
export type JpegReader = { resetFrames(): void; parse(data: Uint8Array): void; frames: Frame[]; quantizationTables: Int32Array[] };

/** Parses one JPEG (tile or strip) with the reader (holding the file's JPEGTables) into IDCT'd planes. */
export function decodePlanes(reader: JpegReader, bytes: Uint8Array): JpegPlanes {
  reader.resetFrames();
  reader.parse(bytes);
  const frame = reader.frames[0];
  if (!frame) throw new Error('no JPEG frame decoded');
  const planes = frame.componentsOrder.map((id) => {
    const component = frame.components[id]!;
    const qt = component.quantizationTable ?? reader.quantizationTables[component.quantizationIdx ?? -1];
    if (!component.blocks || !component.blocksPerLine || !component.blocksPerColumn || !qt) throw new Error('JPEG component without coefficients or quantization table');
    return componentPlane(component as Required<Component>, qt);
  });
  return { width: frame.samplesPerLine, height: frame.scanLines, maxH: frame.maxH, maxV: frame.maxV, planes };
}

function componentPlane(component: Required<Component>, qt: Int32Array): JpegPlane {
  const stride = component.blocksPerLine * 8, rows = component.blocksPerColumn * 8;
  const data = new Uint8Array(stride * rows);
  const workspace = new Int32Array(64);
  for (let by = 0; by < component.blocksPerColumn; by++) {
    for (let bx = 0; bx < component.blocksPerLine; bx++) {
      idctIslow(component.blocks[by]![bx]!, qt, workspace, data, by * 8 * stride + bx * 8, stride);
    }
  }
  return { data, stride, rows, h: component.h, v: component.v };
}

/** jidctint.c's jpeg_idct_islow: coefficients (natural order) × quantization → 8 × 8 samples. */
const d = new Float64Array(8); // one row or column in flight (scratch)

function idctIslow(coef: Int32Array, qt: Int32Array, ws: Int32Array, out: Uint8Array, at: number, stride: number): void {
  for (let c = 0; c < 8; c++) {
    if (coef[8 + c] === 0 && coef[16 + c] === 0 && coef[24 + c] === 0 && coef[32 + c] === 0 && coef[40 + c] === 0 && coef[48 + c] === 0 && coef[56 + c] === 0) {
      const dc = (coef[c] as number) * (qt[c] as number) * (1 << PASS1_BITS);
      for (let r = 0; r < 8; r++) ws[r * 8 + c] = dc;
      continue;
    }
    for (let r = 0; r < 8; r++) d[r] = (coef[r * 8 + c] as number) * (qt[r * 8 + c] as number);
    butterfly(d, CONST_BITS - PASS1_BITS);
    for (let r = 0; r < 8; r++) ws[r * 8 + c] = d[r] as number;
  }
  for (let r = 0; r < 8; r++) {
    const w = r * 8;
    const o = at + r * stride;
    if (ws[w + 1] === 0 && ws[w + 2] === 0 && ws[w + 3] === 0 && ws[w + 4] === 0 && ws[w + 5] === 0 && ws[w + 6] === 0 && ws[w + 7] === 0) {
      const value = sample(((ws[w] as number) + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3));
      for (let col = 0; col < 8; col++) out[o + col] = value;
      continue;
    }
    for (let col = 0; col < 8; col++) d[col] = ws[w + col] as number;
    butterfly(d, CONST_BITS + PASS1_BITS + 3);
    for (let col = 0; col < 8; col++) out[o + col] = sample(d[col] as number);
  }
}

const sample = (value: number) => (value < -128 ? 0 : value > 127 ? 255 : value + 128);

/** One 8-point pass of the islow IDCT, in place, outputs descaled by `shift` bits (rounded, floor). */
function butterfly(d: Float64Array, shift: number): void {
  const d0 = d[0] as number, d1 = d[1] as number, d2 = d[2] as number, d3 = d[3] as number;
  const d4 = d[4] as number, d5 = d[5] as number, d6 = d[6] as number, d7 = d[7] as number;
  let z1 = (d2 + d6) * F0_541;
  const e2 = z1 - d6 * F1_847, e3 = z1 + d2 * F0_765;
  const e0 = (d0 + d4) * (1 << CONST_BITS), e1 = (d0 - d4) * (1 << CONST_BITS);
  const t10 = e0 + e3, t13 = e0 - e3, t11 = e1 + e2, t12 = e1 - e2;
  z1 = d7 + d1;
  let z2 = d5 + d3, z3 = d7 + d3, z4 = d5 + d1;
  const z5 = (z3 + z4) * F1_175;
  let o0 = d7 * F0_298, o1 = d5 * F2_053, o2 = d3 * F3_072, o3 = d1 * F1_501;
  z1 *= -F0_899; z2 *= -F2_562; z3 = z3 * -F1_961 + z5; z4 = z4 * -F0_390 + z5;
  o0 += z1 + z3; o1 += z2 + z4; o2 += z2 + z3; o3 += z1 + z4;
  const round = 2 ** (shift - 1), scale = 2 ** shift;
  d[0] = Math.floor((t10 + o3 + round) / scale); d[7] = Math.floor((t10 - o3 + round) / scale);
  d[1] = Math.floor((t11 + o2 + round) / scale); d[6] = Math.floor((t11 - o2 + round) / scale);
  d[2] = Math.floor((t12 + o1 + round) / scale); d[5] = Math.floor((t12 - o1 + round) / scale);
  d[3] = Math.floor((t13 + o0 + round) / scale); d[4] = Math.floor((t13 - o0 + round) / scale);
}
