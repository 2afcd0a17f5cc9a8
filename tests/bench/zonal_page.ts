// The AOI report's raster statistics in the browser (issue 15): the same 25 Mpx Float32 COG as
// zonal_scale.ts, read over HTTP, in the zonal worker vs on the page's thread. Times are wall
// times; what matters is how the page behaves meanwhile: long tasks and the longest gap between
// animation frames (a frozen page shows it in both).
import path from 'node:path';
import { benchBrowser } from './cog_browser';
import { raster } from './zonal_scale';
import type { BenchModule, BenchRow } from './table';

const MPX = Number(process.env.GEOVEILLE_BENCH_PAGE_MPX ?? 25);

interface PageResult { ms: number; count: number; mean: number; progress: number; frames: number; maxFrameGapMs: number; longTasks: number; longTaskMs: number; longestTaskMs: number }

const bench: BenchModule = {
  name: 'zonal in the page (worker vs main thread)',
  async run(): Promise<BenchRow[]> {
    const file = await raster(Math.round(Math.sqrt(MPX * 1e6)));
    const browser = await benchBrowser();
    const relative = `../gen/${path.basename(file)}`;
    const worker = (await browser.run('zonal-worker', relative)).result as unknown as PageResult;
    const main = (await browser.run('zonal-main', relative)).result as unknown as PageResult;
    const describe = (r: PageResult) => `${r.longTasks} long tasks (${(r.longTaskMs / 1000).toFixed(1)} s, longest ${r.longestTaskMs.toFixed(0)} ms), frame gap ≤ ${r.maxFrameGapMs.toFixed(0)} ms, ${r.progress} progress calls`;
    return [{
      case: `report statistics, ${MPX} Mpx Float32 × octagon, in the page`,
      baseline: 'same statistics on the main thread',
      ours_ms: worker.ms,
      theirs_ms: main.ms,
      check: `count ${worker.count} ${worker.count === main.count && worker.mean === main.mean ? '=' : '≠'} ${main.count}, mean ${worker.mean === main.mean ? 'equal' : 'differs'}`,
      note: `worker: ${describe(worker)}; main: ${describe(main)}`,
    }];
  },
};
export default bench;
