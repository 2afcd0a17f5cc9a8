// Bench case: the AOI report's clipped GeoTIFF over HTTP, in the export worker (what the report
// does) or on the page's thread (what it did before), while the page is watched (page_watch.ts).
import type { Feature, Polygon } from 'geojson';
import { openCog } from '../../../src/sources/cog/open';
import { FetchRangeSource } from '../../../src/sources/source';
import { clipRasterToAoi } from '../../../src/queries/export_geotiff';
import { clipRasterOffMainThread } from '../../../src/queries/export_geotiff_client';
import { octagonRing, watchPage } from './page_watch';

export async function exportResponsiveness(url: string, inWorker: boolean) {
  const cog = await openCog(new FetchRangeSource(url));
  const aoi: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [octagonRing(cog)] } };
  const stop = watchPage();
  let progress = 0;
  const start = performance.now();
  const clipped = inWorker ? await clipRasterOffMainThread(cog, aoi, { onProgress: () => progress++ }) : await clipRasterToAoi(cog, aoi, { onProgress: () => progress++ });
  const ms = performance.now() - start;
  const watched = await stop();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', clipped.data));
  return { ms, bytes: clipped.data.byteLength, sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''), progress, ...watched };
}
