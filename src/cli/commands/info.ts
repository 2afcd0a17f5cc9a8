// cli info --raster <path|url> → {crs, width, height, bands, dtype, nodata, bounds4326, overviews}
import { cogInfo, type CogInfo } from '../../sources/cog/info';
import { openRasterOption } from './open_raster';

export async function run(options: Map<string, string>): Promise<CogInfo> {
  const cog = await openRasterOption(options);
  try {
    return cogInfo(cog);
  } finally {
    await cog.close();
  }
}
