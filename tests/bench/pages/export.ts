// Bench case: the AOI report's clipped GeoTIFF over HTTP, in the export worker (what the report
// does) or on the page's thread (what it did before), while the page is watched: long tasks
// (> 50 ms, the Long Tasks API) and the longest gap between animation frames.
import type { Feature, Polygon } from 'geojson';
import { openCog } from '../../../src/sources/cog/open';
import { FetchRangeSource } from '../../../src/sources/source';
import { pixelToCrs } from '../../../src/sources/cog/georef';
import { clipRasterToAoi } from '../../../src/queries/export_geotiff';
import { clipRasterOffMainThread } from '../../../src/queries/export_geotiff_client';

export async function exportResponsiveness(url: string, inWorker: boolean) {
  const cog = await openCog(new FetchRangeSource(url));
  // an inscribed octagon: most of the raster, with slanted edges as a drawn AOI has
  const ring = Array.from({ length: 9 }, (_, i) => {
    const a = ((i % 8) * Math.PI) / 4;
    return cog.proj.inverse(pixelToCrs(cog.georef, cog.width * (0.5 + 0.49 * Math.cos(a)), cog.height * (0.5 + 0.49 * Math.sin(a)))) as number[];
  });
  const aoi: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
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
  const clipped = inWorker ? await clipRasterOffMainThread(cog, aoi, { onProgress: () => progress++ }) : await clipRasterToAoi(cog, aoi, { onProgress: () => progress++ });
  const ms = performance.now() - start;
  running = false;
  // a long task is reported after it ends: wait two frames, then take what is still queued
  // (disconnecting at once lost the last task, the main thread's encoding)
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  observer.takeRecords().forEach((entry) => longTasks.push(entry.duration));
  observer.disconnect();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', clipped.data));
  return {
    ms, bytes: clipped.data.byteLength, sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''), progress, frames, maxFrameGapMs: maxGap,
    longTasks: longTasks.length, longTaskMs: longTasks.reduce((a, b) => a + b, 0), longestTaskMs: Math.max(0, ...longTasks),
  };
}
