// Shared by the bench cases that run heavy work in the page (zonal statistics, clipped export):
// the AOI they use, and a watch on the page's responsiveness while the work runs — long tasks
// (> 50 ms, the Long Tasks API) and the longest gap between animation frames.
import type { Cog } from '../../../src/sources/cog/open';
import { pixelToCrs } from '../../../src/sources/cog/georef';

/** An inscribed octagon, in lon/lat: most of the raster, with slanted edges as a drawn AOI has. */
export function octagonRing(cog: Cog): number[][] {
  return Array.from({ length: 9 }, (_, i) => {
    const a = ((i % 8) * Math.PI) / 4;
    return cog.proj.inverse(pixelToCrs(cog.georef, cog.width * (0.5 + 0.49 * Math.cos(a)), cog.height * (0.5 + 0.49 * Math.sin(a)))) as number[];
  });
}

export interface PageWatch { frames: number; maxFrameGapMs: number; longTasks: number; longTaskMs: number; longestTaskMs: number }

/** Starts watching; the returned function stops and tells what it saw. */
export function watchPage(): () => Promise<PageWatch> {
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
  return async () => {
    running = false;
    // a long task is reported after it ends: wait two frames, then take what is still queued
    // (disconnecting at once lost the last task, e.g. the main thread's encoding)
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    observer.takeRecords().forEach((entry) => longTasks.push(entry.duration));
    observer.disconnect();
    return { frames, maxFrameGapMs: maxGap, longTasks: longTasks.length, longTaskMs: longTasks.reduce((a, b) => a + b, 0), longestTaskMs: Math.max(0, ...longTasks) };
  };
}
