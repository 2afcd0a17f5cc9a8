// cli identify --raster <path|url> --lon <x> --lat <y> → {values: [...]} (null: nodata or outside)
import { identify, type PixelValues } from '../../sources/cog/identify';
import { requireNumber } from './args';
import { openRasterOption } from './open_raster';

export async function run(options: Map<string, string>): Promise<{ values: PixelValues }> {
  const lon = requireNumber(options, 'lon');
  const lat = requireNumber(options, 'lat');
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw new Error(`--lon/--lat out of range: ${lon}, ${lat}`);
  const cog = await openRasterOption(options);
  try {
    return { values: await identify(cog, lon, lat) };
  } finally {
    await cog.close();
  }
}
