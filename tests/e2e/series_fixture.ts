// A flood-plain point of the demo 2019 flood series, found in Node with the project's own COG
// reader (checked equal to GDAL in tests/unit/cli_cog.test.ts and series_cli.test.ts): dry on
// the first date, water at the peak, dry again on the last, and so are points a few metres
// around it (so a 3×3 screen patch at zoom 16 sees one value).
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { LayerDefinition } from '../../src/catalogue/types';
import { openCog, type Cog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { seriesAt, type SeriesPoint } from '../../src/queries/series';
import { readLayer } from './app_data';
import { REPO_ROOT as repoRoot } from '../support/shared_data';
export { axeViolations } from './axe';

export const FLOOD_LAYER = 'etendue-crue-2019';

export interface FloodPoint { lon: number; lat: number; series: SeriesPoint[] }

export async function floodSeriesAt(lon: number, lat: number): Promise<SeriesPoint[]> {
  const def: LayerDefinition = readLayer(FLOOD_LAYER);
  const cogs: Cog[] = [];
  try {
    return await seriesAt(def.source.series!.map(({ date, url }) => ({
      name: url, date, open: async () => {
        const cog = await openCog(new FileRangeSource(path.join(repoRoot, 'public', url)));
        cogs.push(cog);
        return cog;
      },
    })), lon, lat);
  } finally {
    await Promise.all(cogs.map((cog) => cog.close()));
  }
}

const floodsAndDrains = (values: Array<number | null>) =>
  values[0] === 0 && values.at(-1) === 0 && values.slice(1, -1).includes(1);

export async function findFloodPlainPoint(): Promise<FloodPoint> {
  return findFloodPoint(floodsAndDrains, 'floods then drains');
}

/** A point whose values pass `test`, scanned from the middle of the layer outwards. */
export async function findFloodPoint(test: (values: Array<number | null>) => boolean, what: string): Promise<FloodPoint> {
  const [west, south, east, north] = readLayer(FLOOD_LAYER).bounds!;
  const step = 0.00005; // about 4–5 m
  for (let i = 0; i < 80; i++) {
    const fy = 0.5 + (i % 2 ? 1 : -1) * Math.floor(i / 2) / 40;
    if (fy < 0 || fy > 1) continue;
    const lat = south + (north - south) * fy;
    for (let fx = 0.1; fx < 0.9; fx += 0.025) {
      const lon = west + (east - west) * fx;
      const series = await floodSeriesAt(lon, lat);
      if (!test(series.map((p) => p.value))) continue;
      const around = await Promise.all([[step, 0], [-step, 0], [0, step], [0, -step]].map(([dx, dy]) => floodSeriesAt(lon + dx!, lat + dy!)));
      if (around.every((s) => JSON.stringify(s) === JSON.stringify(series))) return { lon, lat, series };
    }
  }
  throw new Error(`no point that ${what} in the demo flood series: regenerate the demo data (npm run data:demo)`);
}

