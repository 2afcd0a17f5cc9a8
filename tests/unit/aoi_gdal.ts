// gdal3.js as an independent converter for the AOI reader tests (GML → KML / GeoJSON).
import { readFileSync } from 'node:fs';
import { loadGdal } from './cog_gdal';

interface VectorGdal {
  open(file: string): Promise<{ datasets: Array<{ pointer: number; path: string }>; errors: string[] }>;
  close(dataset: { pointer: number; path: string }): Promise<void>;
  ogr2ogr(dataset: { pointer: number; path: string }, options: string[], outputName: string): Promise<{ real: string }>;
}

export async function convertWithGdal(file: string, driver: 'KML' | 'GeoJSON', outputName: string): Promise<Uint8Array> {
  const gdal = (await loadGdal()) as unknown as VectorGdal;
  const { datasets, errors } = await gdal.open(file);
  const dataset = datasets[0];
  if (!dataset) throw new Error(`GDAL could not open ${file}: ${errors.join('; ')}`);
  const out = await gdal.ogr2ogr(dataset, ['-f', driver, '-t_srs', 'EPSG:4326'], outputName);
  await gdal.close(dataset);
  return new Uint8Array(readFileSync(out.real));
}
