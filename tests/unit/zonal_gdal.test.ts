// Zonal statistics against GDAL (gdal3.js) on real rasters: exact counts, sums, min, max.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { openCog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { zonalStats, zonalStatsMany } from '../../src/queries/zonal_stats';
import { DecodedTiles } from '../../src/queries/zonal_tiles';
import { tilesTouched } from '../../src/queries/zonal_stream';
import { aoiSpans } from '../../src/queries/zonal_stats';
import { hasSharedData, sharedData } from './cog_helpers';
import { gdalZonalTruth, numpyPercentile, readVectorWithGdal } from './zonal_truth';
import { skipReason } from '../support/shared_data';

const standAge = path.join(sharedData, 'quebec/forest/qldm_stand_age_2020_2km.tif');
const speciesGroup = path.join(sharedData, 'quebec/forest/qldm_species_group_2020_2km.tif');
const landsat = path.join(sharedData, 'quebec/imagery/landsat8_montreal_lac_saint_pierre_utm18.tif');
const mrcSubset = path.join(sharedData, 'quebec/boundaries/mrc_subset_simplified.gml');

/** Drawn by hand around Lac Saint-Pierre (lon/lat), concave on purpose. */
const drawnPolygon: Feature<Polygon> = {
  type: 'Feature',
  properties: { name: 'Lac Saint-Pierre' },
  geometry: {
    type: 'Polygon',
    coordinates: [[[-73.05, 46.05], [-72.62, 46.12], [-72.48, 46.3], [-72.75, 46.22], [-72.9, 46.33], [-73.12, 46.2], [-73.05, 46.05]]],
  },
};

describe.skipIf(!hasSharedData)('zonal statistics match GDAL', () => {
  if (!hasSharedData) it.skip(skipReason(), () => undefined);

  it('stand age (Int16, EPSG:32198) with each MRC polygon: exact count, sum, min, max, percentiles', { timeout: 120_000 }, async () => {
    const mrcs = await readVectorWithGdal(mrcSubset);
    expect(mrcs.length).toBeGreaterThanOrEqual(6);
    const cog = await openCog(new FileRangeSource(standAge));
    let nonEmpty = 0;
    try {
      for (const mrc of mrcs) {
        const truth = await gdalZonalTruth(standAge, mrc);
        const ours = await zonalStats(cog, mrc as Feature<Polygon | MultiPolygon>);
        if (truth.count > 0) nonEmpty++;
        expect({ count: ours.count, sum: ours.sum, min: ours.min, max: ours.max })
          .toEqual({ count: truth.count, sum: truth.sum, min: truth.min, max: truth.max });
        expect(ours.p50).toBe(numpyPercentile(truth.values, 50));
        expect(ours.p90).toBe(numpyPercentile(truth.values, 90));
        if (truth.count === 0) {
          expect([ours.mean, ours.std, ours.histogram]).toEqual([null, null, null]);
          continue;
        }
        const mean = truth.sum / truth.count;
        const variance = truth.values.reduce((a, v) => a + (v - mean) ** 2, 0) / truth.count;
        expect(ours.mean).toBeCloseTo(mean, 9);
        expect(ours.std).toBeCloseTo(Math.sqrt(variance), 6);
        expect(ours.histogram?.counts.reduce((a, b) => a + b, 0) ?? 0).toBe(truth.count);
      }
    } finally {
      await cog.close();
    }
    // (one MRC of the subset lies where the raster is all nodata: 0 pixels on both sides)
    expect(nonEmpty).toBeGreaterThanOrEqual(5);
  });

  it('all MRCs in one run (shared decoded tiles): each tile decoded once, results equal GDAL exactly', { timeout: 120_000 }, async () => {
    const mrcs = (await readVectorWithGdal(mrcSubset)) as Array<Feature<Polygon | MultiPolygon>>;
    const cog = await openCog(new FileRangeSource(standAge));
    try {
      const tiles = new DecodedTiles();
      const many = await zonalStatsMany(cog, mrcs, { tiles });
      const image = (cog.levels[0] as (typeof cog.levels)[0]).image;
      const perAoi = mrcs.map((m) => tilesTouched(image, aoiSpans(cog, m.geometry)).flat().map((w) => w.join(',')));
      const distinct = new Set(perAoi.flat());
      // the MRCs share tiles, so the run decodes fewer tiles than the AOIs touch one by one
      expect(perAoi.flat().length).toBeGreaterThan(distinct.size);
      expect(tiles.decoded).toBe(distinct.size);
      for (const [i, mrc] of mrcs.entries()) {
        const truth = await gdalZonalTruth(standAge, mrc);
        expect({ count: many[i]?.count, sum: many[i]?.sum, min: many[i]?.min, max: many[i]?.max })
          .toEqual({ count: truth.count, sum: truth.sum, min: truth.count ? truth.min : null, max: truth.count ? truth.max : null });
      }
      // a cache too small for one tile still gives the same answers (tiles decoded again)
      const tiny = new DecodedTiles(1);
      const again = await zonalStatsMany(cog, mrcs, { tiles: tiny });
      expect(again.map((s) => [s.count, s.sum])).toEqual(many.map((s) => [s.count, s.sum]));
      expect(tiny.decoded).toBeGreaterThan(distinct.size);
    } finally {
      await cog.close();
    }
  });

  it('species group (UInt8 categories): pixel count per category equals GDAL', { timeout: 60_000 }, async () => {
    const [mrc] = await readVectorWithGdal(mrcSubset);
    const truth = await gdalZonalTruth(speciesGroup, mrc as Feature);
    const cog = await openCog(new FileRangeSource(speciesGroup));
    const ours = await zonalStats(cog, mrc as Feature<Polygon>, { categorical: true });
    await cog.close();
    const expected: Record<string, number> = {};
    for (const v of truth.values) expected[String(v)] = (expected[String(v)] ?? 0) + 1;
    const got = Object.fromEntries(Object.entries(ours.categories ?? {}).map(([k, c]) => [k, c.count]));
    expect(got).toEqual(expected);
    expect(ours.categories?.[Object.keys(expected)[0] as string]?.area_m2).toBe((expected[Object.keys(expected)[0] as string] as number) * 2000 * 2000);
  });

  it('Landsat (UInt16, UTM 18N, 3 bands) with a drawn polygon: every band exact', { timeout: 120_000 }, async () => {
    const cog = await openCog(new FileRangeSource(landsat));
    try {
      for (const band of [1, 3]) {
        const truth = await gdalZonalTruth(landsat, drawnPolygon, band);
        const ours = await zonalStats(cog, drawnPolygon, { band });
        expect(truth.count).toBeGreaterThan(1000);
        expect([ours.count, ours.sum, ours.min, ours.max]).toEqual([truth.count, truth.sum, truth.min, truth.max]);
      }
    } finally {
      await cog.close();
    }
  });

  it('an overview estimate is labelled and close to the exact answer', { timeout: 60_000 }, async () => {
    const cog = await openCog(new FileRangeSource(landsat));
    const exact = await zonalStats(cog, drawnPolygon);
    const estimate = await zonalStats(cog, drawnPolygon, { level: 1 });
    await cog.close();
    expect([exact.estimate, estimate.estimate, estimate.level]).toEqual([false, true, 1]);
    expect(estimate.count).toBeLessThan(exact.count);
    expect(Math.abs(estimate.area_m2 - exact.area_m2) / exact.area_m2).toBeLessThan(0.05);
    expect(Math.abs((estimate.mean as number) - (exact.mean as number)) / (exact.mean as number)).toBeLessThan(0.05);
  });
});
