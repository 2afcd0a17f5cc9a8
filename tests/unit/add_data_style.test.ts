import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMask, defaultCogStyle, gdalTypeOf, MAX_CATEGORIES } from '../../src/queries/default_style';
import { defaultPmtilesStyle, MAX_VECTOR_LAYERS } from '../../src/queries/default_style_pmtiles';
import { openCog } from '../../src/sources/cog/open';
import { percentStretch, readPixelSample, validSampleValues } from '../../src/sources/cog/stats';
import { FileRangeSource } from '../../src/sources/file_source';
import { hasSharedData, sharedData } from './cog_helpers';
import { skipReason } from '../support/shared_data';

/** Deterministic pseudo-random values (no fixture needed). */
function values(count: number, f: (i: number) => number): Float64Array {
  return Float64Array.from({ length: count }, (_, i) => f(i));
}

describe('default COG style from data type and statistics', () => {
  it('maps engine data types to GDAL names', () => {
    expect(gdalTypeOf('uint8')).toBe('Byte');
    expect(gdalTypeOf('float32')).toBe('Float32');
    expect(gdalTypeOf('int16')).toBe('Int16');
  });

  it('draws one band of few distinct integers as categories, each code its own colour', () => {
    const codes = values(1000, (i) => (i % 7) + 1);
    const { rendering, legend } = defaultCogStyle({ dtype: 'uint8', nodata: 0 }, [codes]);
    expect(rendering.mode).toBe('categorical');
    expect(Object.keys(rendering.categories ?? {}).map(Number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(Object.values(rendering.categories ?? {})).size).toBe(7);
    expect(legend.items.map((item) => item.label.fr)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(rendering.resampling).toBe('nearest');
  });

  it('draws one band of many integers as a ramp (not categories)', () => {
    const many = values(5000, (i) => i % (MAX_CATEGORIES * 10));
    expect(defaultCogStyle({ dtype: 'int16', nodata: -1 }, [many]).rendering.mode).toBe('continuous');
  });

  it('draws a float band with few values as a ramp: categories are for integer types only', () => {
    const few = values(100, (i) => i % 3);
    expect(defaultCogStyle({ dtype: 'float32', nodata: null }, [few]).rendering.mode).toBe('continuous');
  });

  it('stretches a continuous ramp from the 2nd to the 98th percentile, ignoring nodata and NaN', () => {
    // 1..1000, plus outliers and nodata that must not move the stretch
    const data = values(1100, (i) => (i < 1000 ? i + 1 : i < 1050 ? -9999 : Number.NaN));
    const { rendering, legend } = defaultCogStyle({ dtype: 'float32', nodata: -9999 }, [data]);
    const ramp = rendering.ramp ?? [];
    expect(ramp[0]?.[0]).toBe(20);
    expect(ramp[ramp.length - 1]?.[0]).toBe(980);
    expect(legend.type).toBe('ramp');
    expect(legend.items[0]?.label.fr).toBe('20');
  });

  it('draws 3 bands of UInt16 as RGB with one 2–98 % stretch per band', () => {
    const red = values(1000, (i) => 7000 + i);
    const green = values(1000, (i) => 100 + (i % 500));
    const blue = values(1000, (i) => 20000 - i * 2);
    const { rendering } = defaultCogStyle({ dtype: 'uint16', nodata: 0 }, [red, green, blue]);
    expect(rendering.mode).toBe('rgb');
    expect(rendering.bands).toEqual([1, 2, 3]);
    expect(rendering.stretch?.[0]).toEqual([7019, 7979]);
    expect(rendering.stretch?.[2]?.[0]).toBeLessThan(rendering.stretch?.[2]?.[1] as number);
    expect(rendering.stretch?.[1]).not.toEqual(rendering.stretch?.[0]);
  });

  it('does not call 3 Float32 bands RGB', () => {
    const band = values(1000, (i) => i / 10);
    expect(defaultCogStyle({ dtype: 'float32', nodata: null }, [band, band, band]).rendering.mode).toBe('continuous');
  });

  it('keeps a constant raster drawable (high > low)', () => {
    const [low, high] = percentStretch(values(50, () => 5), [2, 98]);
    expect(high).toBeGreaterThan(low);
  });

  it('leaves masked pixels out of the statistics', () => {
    const masked = applyMask(Float64Array.from([1, 2, 3, 1000]), Uint8Array.from([255, 255, 255, 0]));
    expect(Array.from(validSampleValues(masked, null))).toEqual([1, 2, 3]);
  });
});

describe.skipIf(!hasSharedData)('default COG style on ../shared/data', () => {
  if (!hasSharedData) it.skip(skipReason(), () => undefined);

  const styleOf = async (rel: string) => {
    const cog = await openCog(new FileRangeSource(path.join(sharedData, rel)));
    try {
      const sample = await readPixelSample(cog);
      return defaultCogStyle(cog, sample.bands.map((band) => applyMask(band, sample.mask)));
    } finally {
      await cog.close();
    }
  };

  it('species groups (UInt8 codes 1..10, nodata 0) → 10 categories', async () => {
    const { rendering } = await styleOf('quebec/forest/qldm_species_group_2020_2km.tif');
    expect(rendering.mode).toBe('categorical');
    expect(Object.keys(rendering.categories ?? {}).length).toBeGreaterThan(5);
    expect(rendering.categories?.['0']).toBeUndefined();
  });

  it('stand age (Int16) → a ramp within the data range', async () => {
    const { rendering } = await styleOf('quebec/forest/qldm_stand_age_2020_2km.tif');
    expect(rendering.mode).toBe('continuous');
    const ramp = rendering.ramp ?? [];
    expect(ramp[0]?.[0]).toBeGreaterThanOrEqual(0);
    expect(ramp[ramp.length - 1]?.[0]).toBeLessThan(400);
  });

  it('Landsat (3 × UInt16) → RGB stretched inside the 16-bit range', async () => {
    const { rendering } = await styleOf('quebec/imagery/landsat8_montreal_lac_saint_pierre_utm18.tif');
    expect(rendering.mode).toBe('rgb');
    for (const [low, high] of rendering.stretch ?? []) {
      expect(low).toBeGreaterThan(0);
      expect(high).toBeLessThan(65535);
    }
  });

  it('kriging (Float32, NaN nodata) → a finite ramp', async () => {
    const { rendering } = await styleOf('fixtures/cog/mcp_kriging_3857.tif');
    expect(rendering.mode).toBe('continuous');
    for (const [value] of rendering.ramp ?? []) expect(Number.isFinite(value)).toBe(true);
  });
});

describe('default PMTiles style', () => {
  it('gives each vector layer its geometry style and its own colour', () => {
    const metadata = {
      vector_layers: [{ id: 'roads' }, { id: 'lakes' }, { id: 'wells' }, { id: 'misc' }],
      tilestats: { layers: [{ layer: 'roads', geometry: 'LineString' }, { layer: 'lakes', geometry: 'Polygon' }, { layer: 'wells', geometry: 'Point' }] },
    };
    const { layers } = defaultPmtilesStyle(1, metadata);
    expect(layers.map((l) => l.sourceLayer)).toEqual(['roads', 'lakes', 'wells', 'misc']);
    expect(layers.map((l) => l.style.map((s) => s.type).join('+'))).toEqual(['line', 'fill+line', 'circle', 'fill+line+line+circle']);
    expect(new Set(layers.map((l) => l.legend.items[0]?.color)).size).toBe(4);
    expect(layers[3]?.style[0]?.filter).toBeDefined();
  });

  it('draws raster archives as one raster layer', () => {
    const { layers } = defaultPmtilesStyle(2, {});
    expect(layers).toHaveLength(1);
    expect(layers[0]?.kind).toBe('pmtiles-raster');
    expect(layers[0]?.style[0]?.type).toBe('raster');
  });

  it('refuses vector archives without vector_layers, and caps very many layers', () => {
    expect(() => defaultPmtilesStyle(1, {})).toThrow(/vector_layers/);
    const many = { vector_layers: Array.from({ length: MAX_VECTOR_LAYERS + 3 }, (_, i) => ({ id: `l${i}` })) };
    const result = defaultPmtilesStyle(1, many);
    expect(result.layers).toHaveLength(MAX_VECTOR_LAYERS);
    expect(result.skipped).toBe(3);
  });
});
