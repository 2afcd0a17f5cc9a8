// Writes the demo rasters as Cloud Optimized GeoTIFFs: geotiff.js writes a plain GeoTIFF (one
// strip, no compression), then GDAL's COG driver (gdal3.js, no system install) tiles it, builds
// the overviews and compresses it, exactly as `npm run import` does for official rasters.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { lastGdalError, startGdal } from '../import/gdal';
import type { LidarGrid } from './lidar_grid';

export interface CogRaster {
  /** Output name without extension: public/data/<name>.tif. */
  name: string;
  values: Float32Array | Uint8Array;
  nodata: number;
  /** Overview resampling: AVERAGE for measurements, MODE for classes. */
  resampling: 'AVERAGE' | 'MODE';
}

export async function writeCogs(outDir: string, grid: LidarGrid, rasters: CogRaster[]): Promise<void> {
  const session = await startGdal(outDir);
  const scratch = mkdtempSync(path.join(tmpdir(), 'geoveille-demo-'));
  try {
    for (const raster of rasters) {
      const plain = path.join(scratch, `${raster.name}.tif`);
      writeFileSync(plain, Buffer.from(plainGeoTiff(grid, raster)));
      session.takeMessages();
      const opened = await session.gdal.open(plain);
      const dataset = opened.datasets[0];
      if (!dataset) throw new Error(`demo COG ${raster.name}: GDAL cannot open the plain GeoTIFF (${lastGdalError(session.takeMessages()) ?? 'no message'})`);
      await session.gdal.gdal_translate(dataset, cogOptions(grid, raster), raster.name);
      await session.gdal.close(dataset);
      const written = path.join(outDir, `${raster.name}.tif`);
      if ((statSync(written, { throwIfNoEntry: false })?.size ?? 0) === 0) {
        throw new Error(`demo COG ${raster.name}: nothing written (${lastGdalError(session.takeMessages()) ?? 'no message'})`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function plainGeoTiff(grid: LidarGrid, raster: CogRaster): ArrayBuffer {
  return writeArrayBuffer(raster.values, {
    width: grid.width,
    height: grid.height,
    ModelPixelScale: [grid.pixel, grid.pixel, 0],
    ModelTiepoint: [0, 0, 0, grid.originX, grid.originY, 0],
    GTModelTypeGeoKey: 1,
    GTRasterTypeGeoKey: 1,
    ProjectedCSTypeGeoKey: grid.epsg,
    GDAL_NODATA: `${raster.nodata}\0`,
  } as never);
}

function cogOptions(grid: LidarGrid, raster: CogRaster): string[] {
  return [
    '-of', 'COG', '-co', 'COMPRESS=DEFLATE', '-co', 'PREDICTOR=YES', '-co', 'BLOCKSIZE=256',
    '-co', `RESAMPLING=${raster.resampling}`, '-a_srs', `EPSG:${grid.epsg}`, '-a_nodata', String(raster.nodata),
  ];
}
