// Opens the COG named by --raster (a local path or an http(s) URL).
import { openCog, type Cog } from '../../sources/cog/open';
import { sourceForPathOrUrl } from '../../sources/file_source';
import { requireOption } from './args';

export async function openRasterOption(options: Map<string, string>): Promise<Cog> {
  return openCog(await sourceForPathOrUrl(requireOption(options, 'raster')));
}
