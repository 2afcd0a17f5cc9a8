// Ecoforest stands tile their box: no gap, no overlap, valid codes, neighbours alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { area, bboxPolygon, booleanPointInPolygon } from '@turf/turf';
import { ecoforestStands } from '../../src/cli/demo/stands';
import type { BBox } from '../../src/cli/demo/geo';
import type { LayerDefinition } from '../../src/catalogue/types';

// A small 6 × 6 km box keeps the test fast; the generator runs the same code on 30 × 30 km.
const BOX: BBox = [-72.8, 46.7, -72.72, 46.754];
const stands = ecoforestStands(99, { bbox: BOX });

describe('demo ecoforest stands', () => {
  it('cover the box: the stand areas add up to the box area within 0.1 %', () => {
    const sum = stands.features.reduce((s, f) => s + area(f), 0);
    expect(Math.abs(sum / area(bboxPolygon(BOX)) - 1)).toBeLessThan(0.001);
    expect(stands.features.length).toBeGreaterThan(20);
  });

  it('do not overlap and leave no gap: each sample point is in exactly one stand', () => {
    const n = 30;
    const misses: string[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const p = [BOX[0] + ((BOX[2] - BOX[0]) * (i + 0.5)) / n, BOX[1] + ((BOX[3] - BOX[1]) * (j + 0.5)) / n];
        const hits = stands.features.filter((f) => booleanPointInPolygon(p, f)).length;
        if (hits !== 1) misses.push(`${p.join(',')}: ${hits}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('use only codes that the layer file explains', () => {
    const def = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../layers/peuplements-ecoforestiers.json'), 'utf8')) as LayerDefinition;
    const codes = (name: string) => Object.keys(def.fields?.find((f) => f.name === name)?.codes ?? {});
    for (const field of ['gr_ess', 'type_couv', 'cl_dens', 'cl_haut', 'cl_age']) {
      const used = new Set(stands.features.map((f) => String(f.properties[field as keyof typeof f.properties])));
      expect([...used].filter((v) => !codes(field).includes(v)), field).toEqual([]);
    }
    for (const f of stands.features) {
      if (f.properties.origine) expect(f.properties.an_origine).toBeGreaterThan(1900);
      else expect(f.properties.an_origine).toBeNull();
    }
  });

  it('are spatially coherent: touching stands share a cover type more often than random pairs', () => {
    const byVertex = new Map<string, number[]>();
    stands.features.forEach((f, i) => {
      for (const [x, y] of f.geometry.coordinates[0]!) {
        const key = `${x!.toFixed(7)},${y!.toFixed(7)}`;
        const list = byVertex.get(key) ?? [];
        if (!list.includes(i)) list.push(i);
        byVertex.set(key, list);
      }
    });
    const pairs = new Set<string>();
    for (const list of byVertex.values()) for (const a of list) for (const b of list) if (a < b) pairs.add(`${a}-${b}`);
    const cover = stands.features.map((f) => f.properties.type_couv);
    const same = (a: number, b: number) => cover[a] === cover[b];
    const touching = [...pairs].map((p) => p.split('-').map(Number) as [number, number]);
    const touchingSame = touching.filter(([a, b]) => same(a, b)).length / touching.length;
    let randomSame = 0;
    for (let a = 0; a < cover.length; a++) for (let b = a + 1; b < cover.length; b++) randomSame += same(a, b) ? 1 : 0;
    randomSame /= (cover.length * (cover.length - 1)) / 2;
    expect(touching.length).toBeGreaterThan(stands.features.length);
    expect(touchingSame).toBeGreaterThan(randomSame + 0.05);
  });
});
