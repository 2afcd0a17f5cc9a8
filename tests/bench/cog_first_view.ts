// First view: requests, bytes and time to render one 1280×800 viewport fit to a file's extent,
// ours (MapLibre + cog:// in the worker pool, default style as for added data) vs OpenLayers
// (ol/source/GeoTIFF + WebGLTile, EPSG:3857 view). Goal: no more requests, ≤ 1.1× bytes.
import { benchBrowser, kb } from './cog_browser';
import type { BenchModule, BenchRow } from './table';

const FILES = [
  'quebec/imagery/landsat8_montreal_lac_saint_pierre_utm18.tif',
  'fixtures/cog/ol_sentinel-b04.tif',
  'quebec/forest/qldm_stand_age_2020_2km.tif',
];

const bench: BenchModule = {
  name: 'cog first view',
  async run(): Promise<BenchRow[]> {
    const browser = await benchBrowser();
    const rows: BenchRow[] = [];
    // BENCH_FILE=landsat npm run bench -- 'first view': only the files whose name contains the word
    const only = process.env.BENCH_FILE?.toLowerCase();
    for (const file of FILES.filter((f) => !only || f.toLowerCase().includes(only))) {
      const ours = await browser.run('ours-view', file);
      const ol = await browser.run('ol-view', file);
      rows.push({
        case: `first view 1280×800: ${file.split('/').pop()}`,
        baseline: 'OpenLayers GeoTIFF + WebGLTile',
        ours_ms: ours.result.ms as number,
        theirs_ms: ol.result.ms as number,
        check: `zoom ${(ours.result.zoom as number).toFixed(2)} vs ${(ol.result.zoom as number).toFixed(2)}`,
        note: `requests ${ours.requests} vs ${ol.requests}; bytes ${kb(ours.bytes)} vs ${kb(ol.bytes)} (${(ours.bytes / Math.max(1, ol.bytes)).toFixed(2)}×)`,
      });
      // the same view as a catalogue layer (style known beforehand: no statistics sample read)
      const styled = await browser.run('ours-view-catalogue', file, {}, { warm: true });
      rows.push({
        case: `  same, catalogue layer (style given)`,
        baseline: 'OpenLayers GeoTIFF + WebGLTile',
        ours_ms: styled.result.ms as number,
        theirs_ms: ol.result.ms as number,
        check: `zoom ${(styled.result.zoom as number).toFixed(2)} vs ${(ol.result.zoom as number).toFixed(2)}`,
        note: `requests ${styled.requests} vs ${ol.requests}; bytes ${kb(styled.bytes)} vs ${kb(ol.bytes)} (${(styled.bytes / Math.max(1, ol.bytes)).toFixed(2)}×)`,
      });
    }
    return rows;
  },
};
export default bench;
