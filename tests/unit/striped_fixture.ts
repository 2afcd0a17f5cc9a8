// A 40 MB striped (not tiled, no overviews) Float32 GeoTIFF in EPSG:32198, written by gdal3.js's
// GTiff driver with its default 2-row strips. NaN (nodata) every 97th row.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadGdal } from './cog_gdal';

export const STRIPED_SIDE = 3200; // 3200² Float32 = 40.96 MB
/** [minX, minY, maxX, maxY] in EPSG:32198 (10 m pixels). */
export const STRIPED_EXTENT = [-250000, 318000, -218000, 350000];

export async function makeStripedFloat32(dir: string): Promise<string> {
  const side = STRIPED_SIDE;
  const values = new Float32Array(side * side);
  for (let row = 0; row < side; row++) for (let col = 0; col < side; col++) values[row * side + col] = ((row * 7 + col * 13) % 1000) / 10 + (row % 97 === 0 ? Number.NaN : 0);
  writeFileSync(path.join(dir, 'big.img'), Buffer.from(values.buffer));
  writeFileSync(path.join(dir, 'big.hdr'), `ENVI\nsamples = ${side}\nlines = ${side}\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\ndata type = 4\ninterleave = bsq\nbyte order = 0\n`);
  const gdal = await loadGdal();
  const ds = (await gdal.open(path.join(dir, 'big.img'))).datasets[0]!;
  const [x0, y0, x1, y1] = STRIPED_EXTENT.map(String) as [string, string, string, string];
  const out = await gdal.gdal_translate(ds, ['-of', 'GTiff', '-a_srs', 'EPSG:32198', '-a_ullr', x0, y1, x1, y0, '-a_nodata', 'nan'], 'striped.tif');
  await gdal.close(ds);
  const file = path.join(dir, 'striped.tif');
  writeFileSync(file, readFileSync(out.real));
  rmSync(path.join(dir, 'big.img'));
  return file;
}
