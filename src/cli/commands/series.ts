// cli series --raster <path|url> [--raster …] --lon <x> --lat <y> → [{date, value}] in date order.
// Each --raster is one date (from its file name YYYY-MM-DD, else its TIFF DateTime tag), or a
// multi-band file whose band descriptions are dates (one point per band): see queries/series_dates.ts.
// One multi-band file without dates → [{band, label, value, unit}]: a series over its bands.
import { openCog, type Cog } from '../../sources/cog/open';
import { sourceForPathOrUrl } from '../../sources/file_source';
import { seriesAt, type SeriesPoint } from '../../queries/series';
import { bandSeriesAt, type BandPoint } from '../../queries/series_bands';
import { bandDates } from '../../queries/series_dates';
import { requireNumber } from './args';

/** Every value of a repeated option (the shared parser keeps only the last one). */
export function repeatedOption(argv: readonly string[], name: string): string[] {
  const values: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === `--${name}` && argv[i + 1] !== undefined) values.push(argv[i + 1] as string);
  });
  return values;
}

export async function run(options: Map<string, string>, argv: readonly string[] = process.argv.slice(2)): Promise<SeriesPoint[] | BandPoint[]> {
  const lon = requireNumber(options, 'lon');
  const lat = requireNumber(options, 'lat');
  const paths = repeatedOption(argv, 'raster');
  if (paths.length === 0) throw new Error('missing --raster (give one --raster per date, or one multi-band file)');
  const opened: Cog[] = [];
  const open = async (path: string) => {
    const cog = await openCog(await sourceForPathOrUrl(path));
    opened.push(cog);
    return cog;
  };
  try {
    if (paths.length === 1) {
      const [path] = paths as [string];
      const cog = await open(path);
      if (cog.bands > 1 && !(await bandDates(cog))) return await bandSeriesAt(cog, lon, lat);
      return await seriesAt([{ name: path, open: () => Promise.resolve(cog) }], lon, lat);
    }
    return await seriesAt(paths.map((path) => ({ name: path, open: () => open(path) })), lon, lat);
  } finally {
    await Promise.all(opened.map((cog) => cog.close()));
  }
}
