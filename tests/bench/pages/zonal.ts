// Bench case: the AOI report's raster statistics over HTTP, in the zonal worker (what the report
// does) or on the page's thread (what it did before), while the page is watched: long tasks
// (> 50 ms, the Long Tasks API) and the longest gap between animation frames.
import { openCog } from '../../../src/sources/cog/open';
import { FetchRangeSource } from '../../../src/sources/source';
import { pixelToCrs } from '../../../src/sources/cog/georef';
import { zonalStats } from '../../../src/queries/zonal_stats';
import { zonalStatsOffMainThread } from '../../../src/queries/zonal_worker_client';
import type { Polygon } from 'geojson';

export async function zonalResponsiveness(url: string, inWorker: boolean) {
  const cog = await openCog(new FetchRangeSource(url));
  // an inscribed octagon: most of the raster, with slanted edges as a drawn AOI has
  const ring = Array.from({ length: 9 }, (_, i) => {
    const a = ((i % 8) * Math.PI) / 4;
    return cog.proj.inverse(pixelToCrs(cog.georef, cog.width * (0.5 + 0.49 * Math.cos(a)), cog.height * (0.5 + 0.49 * Math.sin(a)))) as number[];
  });
  const aoi: Polygon = { type: 'Polygon', coordinates: [ring] };
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
  observer.observe({ type: 'longtask' });
  let frames = 0, maxGap = 0, last = performance.now(), running = true;
  const tick = (now: number) => {
    frames++;
    maxGap = Math.max(maxGap, now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  let progress = 0;
  const start = performance.now();
  const run = inWorker ? zonalStatsOffMainThread : zonalStats;
  const stats = await run(cog, aoi, { onProgress: () => progress++ });
  const ms = performance.now() - start;
  running = false;
  observer.disconnect();
  return {
    ms, count: stats.count, mean: stats.mean, progress, frames, maxFrameGapMs: maxGap,
    longTasks: longTasks.length, longTaskMs: longTasks.reduce((a, b) => a + b, 0), longestTaskMs: Math.max(0, ...longTasks),
  };
}
