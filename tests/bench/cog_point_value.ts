// Pixel value, cold file (fresh page, each side first warmed on the same file under another
// URL, so modules and codecs are loaded for both): ours (open + identify) vs
// @geomatico/maplibre-cog-protocol's locationValues on its own file. Goal: ≤ 0.5× its time and bytes.
import { benchBrowser, kb } from './cog_browser';
import type { BenchModule, BenchRow } from './table';

const FILE = 'fixtures/cog/mcp_kriging_3857.tif';
const POINT = { lon: 0.501, lat: 41.655 };
const REPEAT = 3;

const bench: BenchModule = {
  name: 'cog point value',
  async run(): Promise<BenchRow[]> {
    const browser = await benchBrowser();
    const median = async (name: string) => {
      const runs = [];
      for (let i = 0; i < REPEAT; i++) runs.push(await browser.run(name, FILE, POINT, { warm: true }));
      runs.sort((a, b) => (a.result.ms as number) - (b.result.ms as number));
      return runs[Math.floor(REPEAT / 2)]!;
    };
    const ours = await median('ours-point');
    const mcp = await median('mcp-point');
    return [{
      case: 'point value, cold file: mcp_kriging_3857.tif',
      baseline: 'maplibre-cog-protocol locationValues',
      ours_ms: ours.result.ms as number,
      theirs_ms: mcp.result.ms as number,
      check: `values ${JSON.stringify(ours.result.values)} vs ${JSON.stringify(mcp.result.values)}`,
      note: `requests ${ours.requests} vs ${mcp.requests}; bytes ${kb(ours.bytes)} vs ${kb(mcp.bytes)} (${(ours.bytes / Math.max(1, mcp.bytes)).toFixed(2)}×)`,
    }];
  },
};
export default bench;
