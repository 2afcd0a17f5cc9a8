// Ground truth for the zonal-statistics tests, computed with GDAL (gdal3.js) only: the AOI is
// reprojected by ogr2ogr, burnt onto the raster's own grid by gdal_rasterize (pixel-centre rule),
// and the band is dumped raw by gdal_translate; count/sum/min/max come from a plain loop.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { gdalInfo, loadGdal, type Gdal } from './cog_gdal';

interface Dataset { pointer: number; path: string }
interface GdalMore extends Gdal {
  ogr2ogr(ds: Dataset, options: string[], outputName?: string): Promise<{ real: string }>;
  gdal_rasterize(ds: Dataset, options: string[], outputName?: string): Promise<{ real: string }>;
}

export interface Truth {
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
  /** inside values, sorted (for percentile checks) */
  values: Float64Array;
}

const ARRAYS: Record<string, (b: ArrayBuffer) => ArrayLike<number>> = {
  Byte: (b) => new Uint8Array(b), Int16: (b) => new Int16Array(b), UInt16: (b) => new Uint16Array(b),
  Int32: (b) => new Int32Array(b), UInt32: (b) => new Uint32Array(b), Float32: (b) => new Float32Array(b), Float64: (b) => new Float64Array(b),
};

let outputs = 0;
const tmp = mkdtempSync(path.join(tmpdir(), 'zonal-truth-'));

async function gdal(): Promise<GdalMore> {
  return (await loadGdal()) as GdalMore;
}

async function openFirst(g: Gdal, file: string): Promise<Dataset> {
  const ds = (await g.open(file)).datasets[0];
  if (!ds) throw new Error(`GDAL could not open ${file}`);
  return ds;
}

function raw(file: string): ArrayBuffer {
  const bytes = readFileSync(file);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

/** Features of any vector file GDAL reads (GML, Shapefile…), as lon/lat GeoJSON. */
export async function readVectorWithGdal(file: string): Promise<Feature[]> {
  const g = await gdal();
  const ds = await openFirst(g, file);
  const out = await g.ogr2ogr(ds, ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-lco', 'RFC7946=YES'], `vec_${++outputs}.geojson`);
  await g.close(ds);
  return (JSON.parse(readFileSync(out.real, 'utf8')) as FeatureCollection).features;
}

/** GDAL's count/sum/min/max of one band over the pixels whose centre lies in the AOI (lon/lat). */
export async function gdalZonalTruth(raster: string, aoi: Feature, band = 1): Promise<Truth> {
  const g = await gdal();
  const rds = await openFirst(g, raster);
  const info = (await gdalInfo(g, rds)) as Awaited<ReturnType<typeof gdalInfo>> & { coordinateSystem: { wkt: string } };
  const epsg = [...info.coordinateSystem.wkt.matchAll(/ID\["EPSG",(\d+)\]/g)].pop()?.[1];
  if (!epsg) throw new Error(`no EPSG code in GDAL's description of ${raster}`);
  const [width, height] = info.size;
  const [x0, rx, , y0, , ry] = info.geoTransform;
  const aoiFile = path.join(tmp, `aoi_${++outputs}.geojson`);
  writeFileSync(aoiFile, JSON.stringify({ type: 'FeatureCollection', features: [{ ...aoi, properties: {} }] }));
  const vds = await openFirst(g, aoiFile);
  const projected = await g.ogr2ogr(vds, ['-f', 'GeoJSON', '-t_srs', `EPSG:${epsg}`], `aoi_proj_${outputs}.geojson`);
  const pds = await openFirst(g, projected.real);
  const extent = [x0, y0 + ry * height, x0 + rx * width, y0].map(String);
  const maskOut = await g.gdal_rasterize(pds, ['-burn', '1', '-init', '0', '-te', ...extent, '-ts', String(width), String(height), '-ot', 'Byte', '-of', 'ENVI'], `mask_${outputs}.img`);
  const bandOut = await g.gdal_translate(rds, ['-of', 'ENVI', '-b', String(band)], `band_${outputs}.img`);
  const type = info.bands[band - 1]?.type ?? '';
  const nodataRaw = info.bands[band - 1]?.noDataValue;
  const nodata = nodataRaw === undefined ? null : Number(nodataRaw);
  const view = ARRAYS[type];
  if (!view) throw new Error(`no typed array for GDAL type ${type}`);
  const mask = new Uint8Array(raw(maskOut.real));
  const values = view(raw(bandOut.real));
  for (const ds of [pds, vds, rds]) await g.close(ds);
  return tally(mask, values, width * height, nodata);
}

function tally(mask: Uint8Array, values: ArrayLike<number>, n: number, nodata: number | null): Truth {
  const inside: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (mask[i] !== 1 || Number.isNaN(v) || v === nodata) continue;
    inside.push(v);
    sum += v;
  }
  const sorted = Float64Array.from(inside).sort();
  return { count: inside.length, sum, min: sorted[0] ?? null, max: sorted[sorted.length - 1] ?? null, values: sorted };
}

/** numpy.percentile (linear) over sorted values. */
export function numpyPercentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = ((sorted.length - 1) * p) / 100;
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return (sorted[low] as number) + (rank - low) * ((sorted[high] as number) - (sorted[low] as number));
}
