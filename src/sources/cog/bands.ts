// What GDAL says about each band: description, scale/offset (value = raw · scale + offset) and
// unit, from the GDAL_METADATA tag. Read on demand (one parse per file), never while opening.
import type { Cog } from './open';

export interface BandInfo {
  /** 1-based. */
  band: number;
  description: string | null;
  scale: number;
  offset: number;
  unit: string | null;
}

const cache = new WeakMap<Cog, Promise<BandInfo[]>>();

export function bandInfo(cog: Cog): Promise<BandInfo[]> {
  let info = cache.get(cog);
  if (!info) {
    info = readBandInfo(cog);
    cache.set(cog, info);
  }
  return info;
}

async function readBandInfo(cog: Cog): Promise<BandInfo[]> {
  const image = cog.levels[0]?.image;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  const number = (value: unknown, fallback: number) => (typeof value === 'string' && Number.isFinite(Number(value)) ? Number(value) : fallback);
  return Promise.all(Array.from({ length: cog.bands }, async (_, sample) => {
    const metadata = ((await image?.getGDALMetadata(sample)) ?? {}) as Record<string, unknown>;
    return {
      band: sample + 1,
      description: text(metadata.DESCRIPTION),
      scale: number(metadata.SCALE, 1),
      offset: number(metadata.OFFSET, 0),
      unit: text(metadata.UNITTYPE),
    };
  }));
}

/** A raw value as GDAL's unscaled value (raw · scale + offset); null stays null. */
export function scaled(info: BandInfo, raw: number | null): number | null {
  return raw === null ? null : raw * info.scale + info.offset;
}

/** true when GDAL would unscale this band's values (scale ≠ 1 or offset ≠ 0). */
export function isScaled(info: BandInfo | undefined): info is BandInfo {
  return !!info && (info.scale !== 1 || info.offset !== 0);
}

/** Raw values (one per band) as GDAL's unscaled values; bands without scale/offset unchanged. */
export function scaledValues(infos: BandInfo[], raw: Array<number | null>): Array<number | null> {
  return raw.map((value, band) => {
    const info = infos[band];
    return isScaled(info) ? scaled(info, value) : value;
  });
}
