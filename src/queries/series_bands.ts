// A multi-band file without dates is a series over its bands: one point per band, labelled by the
// band's description or "Band n", its value scaled as GDAL unscales it (nodata → null).
import { bandInfo, scaled } from '../sources/cog/bands';
import { identify } from '../sources/cog/identify';
import type { Cog } from '../sources/cog/open';

export interface BandPoint {
  band: number;
  /** The band's description, else null (the UI says "Bande n" / "Band n"). */
  label: string | null;
  value: number | null;
  unit: string | null;
}

export async function bandSeriesAt(cog: Cog, lon: number, lat: number, signal?: AbortSignal): Promise<BandPoint[]> {
  const [info, values] = await Promise.all([bandInfo(cog), identify(cog, lon, lat, signal)]);
  return info.map((band) => ({ band: band.band, label: band.description, value: scaled(band, values[band.band - 1] ?? null), unit: band.unit }));
}
