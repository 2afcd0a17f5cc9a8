// Inputs and comparisons for the partitioned-import tests and benchmark: a generated Float32 raster in
// Québec Lambert (a plain, striped GeoTIFF like many official downloads), decoded PMTiles tiles, and
// every pixel of every image (full resolution and overviews) of a COG.
import { writeFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import { fromFile, writeArrayBuffer } from 'geotiff';
import { PbfReader } from 'pbf';
import { gunzipSync } from 'node:zlib';
import { readArchive } from '../../src/cli/import/pmtiles_tiles';

/**
 * A smooth surface with ridges and a nodata hole, so overviews (AVERAGE) and nodata both matter;
 * as Byte, classes 1…10 (nodata 0), which the importer averages never (NEAREST).
 */
export function writeGeneratedRaster(file: string, width: number, height: number, type: 'Float32' | 'Byte' = 'Float32'): void {
  const values = type === 'Byte' ? new Uint8Array(width * height) : new Float32Array(width * height);
  const noData = type === 'Byte' ? 0 : -9999;
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const hole = (col - width / 3) ** 2 + (row - height / 2) ** 2 < (Math.min(width, height) / 10) ** 2;
      const value = 100 + 50 * Math.sin(col / 37) * Math.cos(row / 53) + ((col * 7 + row * 13) % 17);
      values[row * width + col] = hole ? noData : type === 'Byte' ? 1 + Math.floor((value - 50) / 12) : value;
    }
  }
  writeFileSync(file, Buffer.from(writeArrayBuffer(values, {
    width, height, ModelPixelScale: [20, 20, 0], ModelTiepoint: [0, 0, 0, -300000, 600000, 0],
    GTModelTypeGeoKey: 1, GTRasterTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32198, GDAL_NODATA: `${noData}\0`,
  } as never)));
}

/** Every tile as "z/x/y" → its features (properties and geometry), decoded. */
export async function decodedTiles(file: string, sourceLayer: string): Promise<Map<string, unknown[]>> {
  const { tiles } = await readArchive(file);
  const out = new Map<string, unknown[]>();
  for (const tile of tiles) {
    const bytes = tile.data[0] === 0x1f ? gunzipSync(tile.data) : tile.data;
    const layer = new VectorTile(new PbfReader(new Uint8Array(bytes))).layers[sourceLayer];
    const features = Array.from({ length: layer?.length ?? 0 }, (_, i) => {
      const feature = layer!.feature(i);
      return { properties: feature.properties, geometry: feature.loadGeometry() };
    });
    out.set(`${tile.z}/${tile.x}/${tile.y}`, features);
  }
  return out;
}

/** Per image of the COG: width, height and the pixel values (all bands interleaved). */
export async function cogPixels(file: string): Promise<Array<{ width: number; height: number; values: number[] }>> {
  const tiff = await fromFile(file);
  const images = [];
  for (let i = 0; i < (await tiff.getImageCount()); i++) {
    const image = await tiff.getImage(i);
    const values = await image.readRasters({ interleave: true });
    images.push({ width: image.getWidth(), height: image.getHeight(), values: Array.from(values as ArrayLike<number>) });
  }
  return images;
}
