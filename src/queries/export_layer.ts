// The files exported for one layer and one AOI — the browser's download buttons and
// `cli export` both call these, so they write the same files.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Cog } from '../sources/cog/open';
import { exportFileName } from './export_names';
import { rasterRows, toCsv, vectorRows } from './export_csv';
import { clippedGeojson } from './export_geojson';
import { clipRasterOffMainThread, type ClipOffMainThreadOptions } from './export_geotiff_client';
import { summariseClipped } from './stats_vector';
import type { ZonalStats } from './zonal_stats';
import type { TimedClippedLayer } from './export_time';

export interface ExportFile {
  name: string;
  mime: string;
  data: string | ArrayBuffer;
}

export interface LayerLabel {
  id: string;
  title: string;
  /** The time the layer shows on the map (a series' date), for file names and the CSV `time` column. */
  time?: string;
  /** The AOI's name, carried by the file name. */
  aoi?: string;
}

/** A clipped layer kept to the time the map shows (export_time.ts) says so in the name and a `time` column. */
export function vectorCsvFile(layer: LayerLabel, clipped: TimedClippedLayer, by: string | undefined, date: Date): ExportFile {
  const time = clipped.time?.text;
  return { name: exportFileName(layer.id, 'csv', date, time, layer.aoi), mime: 'text/csv;charset=utf-8', data: toCsv(vectorRows(layer.id, layer.title, summariseClipped(clipped, by), time)) };
}

export function vectorGeojsonFile(layer: LayerLabel, clipped: TimedClippedLayer, aoiName: string | undefined, date: Date): ExportFile {
  const time = clipped.time?.text;
  return { name: exportFileName(layer.id, 'geojson', date, time, layer.aoi), mime: 'application/geo+json', data: clippedGeojson(clipped.clipped, { layerId: layer.id, aoiName, time }) };
}

export function rasterCsvFile(layer: LayerLabel, stats: ZonalStats, date: Date, labels: Record<string, string> = {}): ExportFile {
  return { name: exportFileName(layer.id, 'csv', date, layer.time, layer.aoi), mime: 'text/csv;charset=utf-8', data: toCsv(rasterRows(layer.id, layer.title, stats, labels, layer.time)) };
}

/** In the browser the clip and encoding run in a worker (export_geotiff_client.ts); in Node on this thread. */
export async function rasterGeotiffFile(layer: LayerLabel, cog: Cog, aoi: Feature<Polygon | MultiPolygon>, date: Date, options: ClipOffMainThreadOptions = {}): Promise<ExportFile> {
  const clipped = await clipRasterOffMainThread(cog, aoi, options);
  return { name: exportFileName(layer.id, 'tif', date, layer.time, layer.aoi), mime: 'image/tiff', data: clipped.data };
}

export function vectorExports(layer: LayerLabel, clipped: TimedClippedLayer, options: { by?: string; aoiName?: string; date: Date }): ExportFile[] {
  return [vectorCsvFile(layer, clipped, options.by, options.date), vectorGeojsonFile(layer, clipped, options.aoiName, options.date)];
}

export async function rasterExports(layer: LayerLabel, cog: Cog, aoi: Feature<Polygon | MultiPolygon>, stats: ZonalStats, options: { date: Date; signal?: AbortSignal }): Promise<ExportFile[]> {
  return [rasterCsvFile(layer, stats, options.date), await rasterGeotiffFile(layer, cog, aoi, options.date, options.signal ? { signal: options.signal } : {})];
}
