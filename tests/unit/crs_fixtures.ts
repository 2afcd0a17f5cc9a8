// The same small raster in each CRS of issue 11, written by GDAL (gdal3.js) so that the files carry
// GeoKeys exactly as GDAL writes them (EPSG codes, or user-defined parameters for the proj4
// definitions). Pixel value = row * WIDTH + col + 1 (uint16), 100 m pixels (0.001° for geographic).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { loadGdal, type Gdal } from './cog_gdal';

export const WIDTH = 48;
export const HEIGHT = 32;

export interface CrsCase {
  name: string;
  /** what gdal_translate -a_srs gets */
  srs: string;
  /** [lon, lat] of the raster's centre (inside the CRS's area of use) */
  centre: [number, number];
  /** EPSG code our reader must report, or null (user-defined) */
  code: number | null;
}

export const CRS_CASES: CrsCase[] = [
  { name: 'epsg6622', srs: 'EPSG:6622', centre: [-71.2, 46.8], code: 6622 },
  { name: 'epsg3798', srs: 'EPSG:3798', centre: [-72.5, 45.6], code: 3798 },
  { name: 'epsg3979', srs: 'EPSG:3979', centre: [-79.4, 43.7], code: 3979 },
  { name: 'epsg2959', srs: 'EPSG:2959', centre: [-75.7, 45.4], code: 2959 },
  { name: 'epsg2950', srs: 'EPSG:2950', centre: [-73.6, 45.5], code: 2950 },
  { name: 'epsg25832', srs: 'EPSG:25832', centre: [9.99, 53.55], code: 25832 },
  { name: 'epsg2056', srs: 'EPSG:2056', centre: [7.44, 46.95], code: 2056 },
  {
    name: 'user_lambert',
    srs: '+proj=lcc +lat_0=47 +lon_0=-72 +lat_1=49 +lat_2=45 +x_0=500000 +y_0=100000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    centre: [-71.9, 47.1],
    code: null,
  },
  {
    name: 'user_polar_stereo',
    srs: '+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs',
    centre: [-40, 72],
    code: null,
  },
];

export interface CrsFixture extends CrsCase {
  file: string;
}

/** Writes every case as a COG into a new temp folder; `cleanup` removes it. */
export async function makeCrsFixtures(): Promise<{ dir: string; fixtures: CrsFixture[]; cleanup: () => void }> {
  const gdal = await loadGdal();
  const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-crs-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const values = Uint16Array.from({ length: WIDTH * HEIGHT }, (_, i) => i + 1);
    const plainPath = path.join(dir, 'plain.tif');
    writeFileSync(plainPath, Buffer.from(writeArrayBuffer(values, { width: WIDTH, height: HEIGHT } as never)));
    const fixtures: CrsFixture[] = [];
    for (const c of CRS_CASES) fixtures.push({ ...c, file: await translate(gdal, plainPath, dir, c) });
    rmSync(plainPath);
    return { dir, fixtures, cleanup };
  } catch (error) {
    cleanup(); // the caller never gets `cleanup` when this throws
    throw error;
  }
}

async function translate(gdal: Gdal, plainPath: string, dir: string, c: CrsCase): Promise<string> {
  const [[cx, cy]] = (await gdal.gdaltransform([c.centre], ['-s_srs', 'EPSG:4326', '-t_srs', c.srs, '-output_xy'])) as [[number, number]];
  const pixel = 100;
  const ulx = Math.round(cx - (WIDTH / 2) * pixel), uly = Math.round(cy + (HEIGHT / 2) * pixel);
  const bounds = [ulx, uly, ulx + WIDTH * pixel, uly - HEIGHT * pixel].map(String);
  const opened = await gdal.open(plainPath);
  const ds = opened.datasets[0];
  if (!ds) throw new Error(`gdal3.js could not open ${plainPath}`);
  try {
    const out = await gdal.gdal_translate(ds, ['-of', 'COG', '-co', 'COMPRESS=DEFLATE', '-a_srs', c.srs, '-a_ullr', ...bounds], `${c.name}.tif`);
    const file = path.join(dir, `${c.name}.tif`);
    writeFileSync(file, readFileSync(out.real));
    return file;
  } finally {
    await gdal.close(ds);
  }
}

/** The same raster on a grid rotated 5° (ModelTransformationTag), EPSG:32198, rewritten by GDAL's COG driver. */
export async function makeRotatedFixture(dir: string): Promise<string> {
  const gdal = await loadGdal();
  const angle = (5 * Math.PI) / 180, size = 100;
  const [x0, y0] = [-200000, 300000]; // Québec Lambert, near Québec City
  const a = size * Math.cos(angle), b = size * Math.sin(angle);
  const values = Uint16Array.from({ length: WIDTH * HEIGHT }, (_, i) => i + 1);
  const plain = path.join(dir, 'rotated_plain.tif');
  writeFileSync(plain, Buffer.from(writeArrayBuffer(values, {
    width: WIDTH, height: HEIGHT,
    // x = x0 + col·a + row·b ; y = y0 + col·b − row·a: the grid turned 5° anticlockwise
    ModelTransformation: [a, b, 0, x0, b, -a, 0, y0, 0, 0, 0, 0, 0, 0, 0, 1],
    GTModelTypeGeoKey: 1, GTRasterTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32198,
  } as never)));
  const ds = (await gdal.open(plain)).datasets[0];
  if (!ds) throw new Error('gdal3.js could not open the rotated raster');
  try {
    const out = await gdal.gdal_translate(ds, ['-of', 'COG', '-co', 'COMPRESS=DEFLATE'], 'rotated.tif');
    const file = path.join(dir, 'rotated.tif');
    writeFileSync(file, readFileSync(out.real));
    return file;
  } finally {
    await gdal.close(ds);
    rmSync(plain);
  }
}

export type Transform = [number, number, number, number, number, number];
export const at = (t: Transform, col: number, row: number): [number, number] => [t[0] + col * t[1] + row * t[2], t[3] + col * t[4] + row * t[5]];

/** GDAL's lon/lat of points given in the file's pixel space. */
export async function gdalLonLat(gdal: Gdal, wkt: string, t: Transform, pixels: Array<[number, number]>): Promise<Array<[number, number]>> {
  const crsPoints = pixels.map(([c, r]) => at(t, c, r));
  return (await gdal.gdaltransform(crsPoints, ['-s_srs', wkt, '-t_srs', 'EPSG:4326', '-output_xy'])) as Array<[number, number]>;
}

/** Lon/lat bounds from 33 points along each edge, the way `cli info` computes them, but by GDAL. */
export async function gdalBounds(gdal: Gdal, wkt: string, t: Transform): Promise<number[]> {
  const edge: Array<[number, number]> = [];
  for (let i = 0; i <= 32; i++) {
    const f = i / 32;
    edge.push([f * WIDTH, 0], [f * WIDTH, HEIGHT], [0, f * HEIGHT], [WIDTH, f * HEIGHT]);
  }
  const points = await gdalLonLat(gdal, wkt, t, edge);
  const lons = points.map((p) => p[0]), lats = points.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

