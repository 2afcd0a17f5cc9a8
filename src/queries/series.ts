// A pixel time series: the value under one point in each dated raster (or dated band), in
// date order. Pure (DOM-free): the CLI, the unit tests and the browser's series tool share it.
import { identify } from '../sources/cog/identify';
import type { Cog } from '../sources/cog/open';
import type { LayerDefinition } from '../catalogue/types';
import { datedBands } from './series_dates';

export interface SeriesPoint {
  date: string;
  /** null: nodata, masked, or the point is outside that raster. */
  value: number | null;
}

/** One raster of a series: its name (path or URL, for dates and errors) and how to open it. */
export interface SeriesRaster {
  name: string;
  /** Known date (a catalogue series); when absent the date rule of series_dates.ts applies. */
  date?: string;
  open(): Promise<Cog>;
}

export async function seriesAt(rasters: SeriesRaster[], lon: number, lat: number, signal?: AbortSignal): Promise<SeriesPoint[]> {
  if (!Number.isFinite(lon) || Math.abs(lon) > 180 || !Number.isFinite(lat) || Math.abs(lat) > 90) {
    throw new Error(`the point ${lon}, ${lat} is not a longitude/latitude in degrees`);
  }
  const perRaster = await Promise.all(rasters.map(async (raster) => {
    const cog = await raster.open();
    const bands = raster.date ? [{ date: raster.date, band: 1 }] : await datedBands(cog, raster.name);
    const values = await identify(cog, lon, lat, signal);
    return bands.map(({ date, band }) => ({ date, value: values[band - 1] ?? null }));
  }));
  const points = perRaster.flat().sort((a, b) => a.date.localeCompare(b.date));
  const repeated = points.find((point, i) => i > 0 && points[i - 1]!.date === point.date);
  if (repeated) throw new Error(`two rasters have the date ${repeated.date}: give one raster per date`);
  return points;
}

/** The rasters of a catalogue layer with a series (dates from the catalogue). */
export function layerSeriesRasters(def: LayerDefinition, openUrl: (url: string) => Promise<Cog>): SeriesRaster[] {
  const series = def.source.series ?? [];
  if (def.source.kind !== 'cog') return [];
  if (series.length === 0) return [{ name: def.source.url, open: () => openUrl(def.source.url) }];
  return series.map(({ date, url }) => ({ name: url, date, open: () => openUrl(url) }));
}

/** "date,value" lines with a header; empty cells for no value (RFC 4180, no quoting needed). */
export function seriesCsv(points: SeriesPoint[], header: [string, string] = ['date', 'value']): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [header.map(quote).join(','), ...points.map((p) => `${p.date},${p.value === null ? '' : p.value}`)];
  return `${lines.join('\r\n')}\r\n`;
}
