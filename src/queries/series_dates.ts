// Which date each raster (or band) of a pixel time series stands for. The rule, in order:
//  1. A multi-band file whose band descriptions (GDAL DESCRIPTION, e.g. set by
//     `gdal_edit -mo` or `band.SetDescription`) all hold an ISO date gives one date per band.
//  2. Otherwise the file gives one date (band 1): the first `YYYY-MM-DD` (or `YYYYMMDD`) in its
//     file name, else the TIFF DateTime tag (306, "YYYY:MM:DD HH:MM:SS").
//  3. Otherwise the file has no date: an error names it.
// Pure (no DOM, no Node API): the CLI and the browser share it.
import type { Cog } from '../sources/cog/open';

export interface DatedBand {
  date: string;
  /** 1-based band number. */
  band: number;
}

const ISO_DATE = /(?:^|[^0-9])(\d{4})-(\d{2})-(\d{2})(?:[^0-9]|$)/;
const COMPACT_DATE = /(?:^|[^0-9])(\d{4})(\d{2})(\d{2})(?:[^0-9]|$)/;

function validDate(year: string, month: string, day: string): string | null {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${year}-${month}-${day}`;
}

/** "data/etendue_crue_2019-05-04.tif" → "2019-05-04" (the last path part is read). */
export function dateFromName(pathOrUrl: string): string | null {
  const name = pathOrUrl.split(/[\\/]/).pop()?.split('?')[0] ?? '';
  for (const pattern of [ISO_DATE, COMPACT_DATE]) {
    const match = pattern.exec(name);
    const date = match && validDate(match[1]!, match[2]!, match[3]!);
    if (date) return date;
  }
  return null;
}

/** "2019:05:04 10:00:00" (TIFF DateTime) or "2019-05-04…" → "2019-05-04". */
export function dateFromText(text: string): string | null {
  const match = /^\s*(\d{4})[:-](\d{2})[:-](\d{2})/.exec(text);
  return match ? validDate(match[1]!, match[2]!, match[3]!) : null;
}

/** The TIFF DateTime tag of the full-resolution image, as an ISO date. */
export async function dateFromTiffTag(cog: Cog): Promise<string | null> {
  const directory = cog.levels[0]?.image.fileDirectory;
  if (!directory?.hasTag('DateTime')) return null;
  const value = await directory.loadValue('DateTime');
  return typeof value === 'string' ? dateFromText(value) : null;
}

/** One date per band when every band's description is a date; null otherwise. */
export async function bandDates(cog: Cog): Promise<string[] | null> {
  if (cog.bands < 2) return null;
  const image = cog.levels[0]?.image;
  if (!image) return null;
  const dates: string[] = [];
  for (let sample = 0; sample < cog.bands; sample++) {
    const metadata = (await image.getGDALMetadata(sample)) as Record<string, unknown> | null;
    const description = metadata?.DESCRIPTION;
    const date = typeof description === 'string' ? dateFromText(description) : null;
    if (!date) return null;
    dates.push(date);
  }
  return dates;
}

/** The dated bands of one raster, following the rule above; `name` is its path or URL. */
export async function datedBands(cog: Cog, name: string): Promise<DatedBand[]> {
  const perBand = await bandDates(cog);
  if (perBand) return perBand.map((date, index) => ({ date, band: index + 1 }));
  const date = dateFromName(name) ?? (await dateFromTiffTag(cog));
  if (!date) {
    throw new Error(`${name}: no date found (put YYYY-MM-DD in the file name, set the TIFF DateTime tag, or give the bands date descriptions)`);
  }
  return [{ date, band: 1 }];
}
