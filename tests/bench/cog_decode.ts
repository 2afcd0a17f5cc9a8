// Decode throughput per codec: map tiles rendered per second (bytes already cached, so decode
// + warp + colour) in the worker pool vs on one thread.
import { benchBrowser } from './cog_browser';
import type { BenchModule, BenchRow } from './table';

const FILES: Array<[string, string]> = [
  ['deflate', 'fixtures/cog/ol_sentinel-b04.tif'],
  ['LZW', 'fixtures/cog/ol_elevation-f32.tif'],
  ['JPEG', 'fixtures/cog/ol_masked.tif'],
];

const bench: BenchModule = {
  name: 'cog decode throughput',
  async run(): Promise<BenchRow[]> {
    const browser = await benchBrowser();
    const rows: BenchRow[] = [];
    for (const [codec, file] of FILES) {
      const pool = await browser.run('decode-pool', file);
      const single = await browser.run('decode-single', file);
      rows.push({
        case: `decode ${codec}: ${file.split('/').pop()}`,
        baseline: 'same code, one thread',
        ours_ms: pool.result.ms as number,
        theirs_ms: single.result.ms as number,
        check: `${pool.result.tiles as number} tiles`,
        note: `${(pool.result.tilesPerSecond as number).toFixed(1)} vs ${(single.result.tilesPerSecond as number).toFixed(1)} tiles/s`,
      });
    }
    return rows;
  },
};
export default bench;
