// Bench case: the AOI report's raster statistics over HTTP, in the zonal worker (what the report
// does) or on the page's thread (what it did before), while the page is watched (page_watch.ts).
import type { Polygon } from 'geojson';
import { openCog } from '../../../src/sources/cog/open';
import { FetchRangeSource } from '../../../src/sources/source';
import { zonalStats } from '../../../src/queries/zonal_stats';
import { zonalStatsOffMainThread } from '../../../src/queries/zonal_worker_client';
import { octagonRing, watchPage } from './page_watch';

export async function zonalResponsiveness(url: string, inWorker: boolean) {
  const cog = await openCog(new FetchRangeSource(url));
  const aoi: Polygon = { type: 'Polygon', coordinates: [octagonRing(cog)] };
  const stop = watchPage();
  let progress = 0;
  const start = performance.now();
  const run = inWorker ? zonalStatsOffMainThread : zonalStats;
  const stats = await run(cog, aoi, { onProgress: () => progress++ });
  const ms = performance.now() - start;
  const watched = await stop();
  return { ms, count: stats.count, mean: stats.mean, progress, ...watched };
}
