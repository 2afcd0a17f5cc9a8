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
function idctIslow(coef: Int32Array, qt: Int32Array, ws: Int32Array, out: Uint8Array, at: number, stride: number): void {
  for (let c = 0; c < 8; c++) {
    const q = (row: number) => (coef[row * 8 + c] as number) * (qt[row * 8 + c] as number);
    if (coef[8 + c] === 0 && coef[16 + c] === 0 && coef[24 + c] === 0 && coef[32 + c] === 0 && coef[40 + c] === 0 && coef[48 + c] === 0 && coef[56 + c] === 0) {
      const dc = q(0) * (1 << PASS1_BITS);
      for (let r = 0; r < 8; r++) ws[r * 8 + c] = dc;
      continue;
    }
    butterfly(q(0), q(1), q(2), q(3), q(4), q(5), q(6), q(7), CONST_BITS - PASS1_BITS, (r, value) => { ws[r * 8 + c] = value; });
  }
  const shift = CONST_BITS + PASS1_BITS + 3;
  for (let r = 0; r < 8; r++) {
    const w = (col: number) => ws[r * 8 + col] as number;
    const o = at + r * stride;
    if (w(1) === 0 && w(2) === 0 && w(3) === 0 && w(4) === 0 && w(5) === 0 && w(6) === 0 && w(7) === 0) {
      const value = sample((w(0) + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3));
      for (let col = 0; col < 8; col++) out[o + col] = value;
      continue;
    }
    butterfly(w(0), w(1), w(2), w(3), w(4), w(5), w(6), w(7), shift, (col, value) => { out[o + col] = sample(value); });
  }
}

const sample = (value: number) => (value < -128 ? 0 : value > 127 ? 255 : value + 128);

/** One 8-point pass of the islow IDCT; put(i, value) receives output i descaled by `shift` bits. */
function butterfly(d0: number, d1: number, d2: number, d3: number, d4: number, d5: number, d6: number, d7: number, shift: number, put: (i: number, value: number) => void): void {
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
  const descale = (x: number) => Math.floor((x + round) / scale);
  put(0, descale(t10 + o3)); put(7, descale(t10 - o3));
  put(1, descale(t11 + o2)); put(6, descale(t11 - o2));
  put(2, descale(t12 + o1)); put(5, descale(t12 - o1));
  put(3, descale(t13 + o0)); put(4, descale(t13 - o0));
}
