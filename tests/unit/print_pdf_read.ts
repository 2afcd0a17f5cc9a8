// Reads a printed PDF back with pdf-lib: page size, the texts drawn (Tj operands decoded from
// WinAnsi hex), and the geospatial Measure (GPTS, LPTS, EPSG, BBox). Shared with the e2e test.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import {
  PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream,
} from 'pdf-lib';

export interface ReadBack {
  width: number;
  height: number;
  title: string | undefined;
  texts: string[];
  bbox: number[];
  gpts: number[];
  lpts: number[];
  epsg: number;
  images: number;
}

export async function readPrintPdf(bytes: Uint8Array): Promise<ReadBack> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPage(0);
  const { width, height } = page.getSize();
  const lookup = (value: unknown): PDFRawStream => doc.context.lookup(value as PDFRef) as PDFRawStream;
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => lookup(ref)) : [lookup(contents)];
  const text = streams.map((stream) => new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode())).join('\n');
  const texts = [...text.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((m) => decodeWinAnsiHex(m[1]!));
  const vp = page.node.lookup(PDFName.of('VP'), PDFArray);
  const viewport = vp.lookup(0, PDFDict);
  const measure = viewport.lookup(PDFName.of('Measure'), PDFDict);
  const numbers = (array: PDFArray) => array.asArray().map((n) => (n as PDFNumber).asNumber());
  const gcs = measure.lookup(PDFName.of('GCS'), PDFDict);
  const images = text.match(/\/Map\d+[-\d]* Do/g)?.length ?? 0;
  return {
    width, height, title: doc.getTitle(), texts, images,
    bbox: numbers(viewport.lookup(PDFName.of('BBox'), PDFArray)),
    gpts: numbers(measure.lookup(PDFName.of('GPTS'), PDFArray)),
    lpts: numbers(measure.lookup(PDFName.of('LPTS'), PDFArray)),
    epsg: (gcs.lookup(PDFName.of('EPSG'), PDFNumber)).asNumber(),
  };
}

/** WinAnsi's 0x80–0x9F (the rest is Latin-1); '\0' where WinAnsi has no character. Node's
 *  TextDecoder('windows-1252') decodes this range as C1 controls, so the table is written out. */
const WIN_ANSI_80 = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

/** The standard fonts' text bytes are WinAnsi. */
function decodeWinAnsiHex(hex: string): string {
  let out = '';
  for (let i = 0; i < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    out += code >= 0x80 && code <= 0x9f ? WIN_ANSI_80[code - 0x80] : String.fromCharCode(code);
  }
  return out;
}

export const GDALINFO = '/usr/bin/gdalinfo';
export const hasGdalinfo = existsSync(GDALINFO);

export interface GdalInfo {
  size: [number, number];
  geoTransform: number[];
  coordinateSystem?: { wkt: string };
  cornerCoordinates: Record<'upperLeft' | 'lowerRight', [number, number]>;
  driverShortName: string;
}

/** `gdalinfo -json` of bytes written to `file` (Debian's gdal-bin reads geospatial PDF). */
export function gdalinfo(file: string, bytes?: Uint8Array): GdalInfo {
  if (bytes) writeFileSync(file, bytes);
  return JSON.parse(execFileSync(GDALINFO, ['-json', file], { encoding: 'utf8' })) as GdalInfo;
}
