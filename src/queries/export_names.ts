// File names of exports: geoveille_[<AOI name>_]<layer id>[_<time shown>]_<date>.<ext>,
// e.g. geoveille_zones-inondables_2026-11-26.csv or geoveille_Trois-Rivieres_zones-inondables_2026-11-26.csv.

/** Local calendar date as YYYY-MM-DD (the user's day, not UTC's). */
export function isoDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Layer ids or file names reduced to safe file-name characters. */
export function safeId(id: string): string {
  const base = id.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, '');
  return base.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'layer';
}

/** `time`: the time the layer shows on the map (a time-filtered export), e.g. "1990-1999_2010-2019". */
export function exportFileName(layerId: string, ext: string, date: Date = new Date(), time?: string, aoiName?: string): string {
  const when = time ? `_${safeId(time)}` : '';
  const where = aoiName ? `${safeId(aoiName)}_` : '';
  return `geoveille_${where}${safeId(layerId)}${when}_${isoDate(date)}.${ext}`;
}
