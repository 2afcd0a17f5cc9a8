// The AOI report's clipped GeoTIFF in the browser (issue 15 follow-up): a Float32 COG made by
// zonal_scale.ts, read over HTTP, clipped to an octagon and encoded in the export worker vs on
// the page's thread. What matters is how the page behaves meanwhile: long tasks and the longest
// gap between animation frames; the two files must be the same bytes (SHA-256).
import path from 'node:path';
import { benchBrowser } from './cog_browser';
import { raster } from './zonal_scale';
import type { BenchModule, BenchRow } from './table';

const MPX = Number(process.env.GEOVEILLE_BENCH_EXPORT_MPX ?? 9);

interface PageResult { ms: number; bytes: number; sha256: string; progress: number; frames: number; maxFrameGapMs: number; longTasks: number; longTaskMs: number; longestTaskMs: number }

const bench: BenchModule = {
  name: 'clipped GeoTIFF export in the page (worker vs main thread)',
  async run(): Promise<BenchRow[]> {
    const file = await raster(Math.round(Math.sqrt(MPX * 1e6)));
    const browser = await benchBrowser();
    const relative = `../gen/${path.basename(file)}`;
    const inWorker = await browser.run('export-worker', relative);
    const onPage = await browser.run('export-main', relative);
    const worker = { ...(inWorker.result as unknown as PageResult), requests: inWorker.requests };
    const main = { ...(onPage.result as unknown as PageResult), requests: onPage.requests };
    const describe = (r: PageResult & { requests: number }) => `${r.requests} requests, ${r.longTasks} long tasks (${(r.longTaskMs / 1000).toFixed(1)} s, longest ${r.longestTaskMs.toFixed(0)} ms), frame gap ≤ ${r.maxFrameGapMs.toFixed(0)} ms, ${r.progress} progress calls`;
    return [{
      case: `clipped GeoTIFF, ${MPX} Mpx Float32 × octagon, in the page`,
      baseline: 'same export on the main thread',
      ours_ms: worker.ms,
      theirs_ms: main.ms,
      check: `${(worker.bytes / 1e6).toFixed(1)} MB, ${worker.sha256 === main.sha256 ? 'same bytes (SHA-256)' : 'BYTES DIFFER'}`,
      note: `worker: ${describe(worker)}; main: ${describe(main)}`,
    }];
  },
};
export default bench;
