// gdal3.js (GDAL in WebAssembly) as ground truth for the COG tests.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './cog_helpers';

interface GdalDataset { pointer: number; path: string }
export interface Gdal {
  open(file: string): Promise<{ datasets: GdalDataset[]; errors: string[] }>;
  close(ds: GdalDataset): Promise<void>;
  gdalinfo(ds: GdalDataset, options?: string[]): Promise<unknown>;
  gdal_translate(ds: GdalDataset, options: string[], outputName?: string): Promise<{ local: string; real: string }>;
  gdaltransform(coords: number[][], options: string[]): Promise<number[][]>;
}

let instance: Promise<Gdal> | null = null;

export function loadGdal(): Promise<Gdal> {
  if (instance) return instance;
  const require = createRequire(import.meta.url);
  const init = require('gdal3.js/node.js') as (config: object) => Promise<Gdal>;
  const dest = mkdtempSync(path.join(tmpdir(), 'gdaljs-'));
  const packageDir = path.relative(process.cwd(), path.join(repoRoot, 'node_modules/gdal3.js/dist/package'));
  instance = init({ path: packageDir, dest, useWorker: false, logHandler: () => undefined, errorHandler: () => undefined });
  return instance;
}

export interface GdalInfo {
  size: [number, number];
  geoTransform: [number, number, number, number, number, number];
  bands: Array<{ type: string; noDataValue?: number | string }>;
}

export async function gdalInfo(gdal: Gdal, ds: GdalDataset): Promise<GdalInfo> {
  const info = await gdal.gdalinfo(ds, ['-json']);
  return (typeof info === 'string' ? JSON.parse(info) : info) as GdalInfo;
}

const ARRAYS: Record<string, (b: ArrayBuffer) => ArrayLike<number>> = {
  Byte: (b) => new Uint8Array(b),
  Int16: (b) => new Int16Array(b),
  UInt16: (b) => new Uint16Array(b),
  Int32: (b) => new Int32Array(b),
  UInt32: (b) => new Uint32Array(b),
  Float32: (b) => new Float32Array(b),
  Float64: (b) => new Float64Array(b),
};

let outputCount = 0;

/** GDAL's exact value of every band at pixel (col, row): gdal_translate -srcwin to a raw 1×1 ENVI file. */
export async function gdalPixel(gdal: Gdal, ds: GdalDataset, col: number, row: number, type: string, bands: number): Promise<Array<number | null>> {
  const out = await gdal.gdal_translate(ds, ['-of', 'ENVI', '-srcwin', String(col), String(row), '1', '1'], `px_${++outputCount}.img`);
  const bytes = readFileSync(out.real);
  const view = ARRAYS[type];
  if (!view) throw new Error(`no typed array for GDAL type ${type}`);
  const raw = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  // (a 1-byte ENVI file comes out padded to 2 bytes, hence the slice)
  return Array.from(view(raw), (v) => (Number.isNaN(v) ? null : v)).slice(0, bands);
}
