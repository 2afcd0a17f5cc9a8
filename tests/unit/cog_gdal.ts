// gdal3.js (GDAL in WebAssembly) as ground truth for the COG tests.
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
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

/** GDAL's value of every band at pixel (col, row), read with gdal_translate -srcwin to a 1×1 AAIGrid/XYZ. */
export async function gdalPixel(gdal: Gdal, ds: GdalDataset, col: number, row: number, bands: number): Promise<Array<number | null>> {
  const values: Array<number | null> = [];
  for (let b = 1; b <= bands; b++) {
    const out = await gdal.gdal_translate(ds, ['-of', 'XYZ', '-b', String(b), '-srcwin', String(col), String(row), '1', '1'], `px_${col}_${row}_${b}.xyz`);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(out.real, 'utf8').trim();
    const value = Number(text.split(/\s+/)[2]);
    values.push(Number.isNaN(value) ? null : value);
  }
  return values;
}
