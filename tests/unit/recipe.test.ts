// Recipes: the validator lists every problem as a value, styles become the expected MapLibre
// expressions and COG blocks, and `runRecipe` converts an input once, then skips it until its
// content changes, while recipe edits (colours, titles) still reach the layer file.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import { validateLayer } from '../../src/catalogue/validate';
import { applyRecipe } from '../../src/cli/recipe/apply';
import { parseRecipeArgs } from '../../src/cli/recipe/main';
import { runRecipe } from '../../src/cli/recipe/run';
import { classStops, rasterLook, vectorLook } from '../../src/cli/recipe/style';
import { Ramp } from '../../src/sources/cog/colour';
import { summaryTable } from '../../src/cli/recipe/table';
import type { RecipeLayer } from '../../src/cli/recipe/types';
import { validateRecipe } from '../../src/cli/recipe/validate';
import catalogue from '../../layers/catalogue.json';
import quebec from '../../recipes/quebec-reel.json';

const groups = catalogue.groups.map((g) => g.id);
const text = (s: string) => ({ fr: s, en: s });
const base: RecipeLayer = {
  id: 'essai', input: 'a.geojson', title: text('Essai'), description: text('Essai'), group: 'floods',
  attribution: { organisation: text('MSP'), licence: 'CC-BY 4.0', date: '2019-04-25' },
};

describe('validateRecipe', () => {
  it('should accept recipes/quebec-reel.json', () => {
    expect(validateRecipe(quebec, 'quebec-reel.json', groups, catalogue.layers)).toEqual([]);
  });

  it('should list every problem with its JSON path', () => {
    const bad = {
      layers: [
        { ...base, group: 'nowhere', style: { type: 'categorical', field: 'x', classes: [{ value: 'a', color: 'nope', label: text('a') }] } },
        { ...base, time: { field: 'd', kind: 'decade' }, partitions: 2.5, colour: 'red' },
        { ...base, id: 'zones-inondables', style: { type: 'ramp', stops: [[5, '#000'], [1, '#fff']] } },
      ],
    };
    const messages = validateRecipe(bad, 'bad.json', groups, catalogue.layers).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^layers\[0\]\.group: one of the catalogue groups/),
      expect.stringMatching(/^layers\[0\]\.style\.classes\[0\]\.color: colour expected/),
      expect.stringMatching(/^layers\[1\]\.id: layer "essai" is listed twice/),
      expect.stringMatching(/^layers\[1\]\.time\.kind: one of "year", "date", "period" expected/),
      expect.stringMatching(/^layers\[1\]\.partitions: whole number expected/),
      expect.stringMatching(/^layers\[1\]\.colour: unknown field "colour"/),
      expect.stringMatching(/^layers\[2\]\.id: "zones-inondables" is already a layer/),
      expect.stringMatching(/values must ascend: 1 follows 5/),
    ]));
    expect(messages).toHaveLength(8);
  });
});

describe('recipe styles', () => {
  it('should colour a categorical field with a match expression and one legend item per class', () => {
    const look = vectorLook({ type: 'categorical', field: 'severite', classes: [
      { value: 'Mineure', color: '#fecc5c', label: { fr: 'Mineure', en: 'Minor' } },
      { value: 'Extrême', color: '#800026', label: { fr: 'Extrême', en: 'Extreme' } },
    ] }, 'point', text('t'));
    expect(look.style).toHaveLength(1);
    expect(look.style[0]!.paint!['circle-color']).toEqual(['match', ['to-string', ['get', 'severite']], 'Mineure', '#fecc5c', 'Extrême', '#800026', '#9e9e9e']);
    expect(look.legend.items.map((i) => [i.label.en, i.color, i.shape])).toEqual([['Minor', '#fecc5c', 'circle'], ['Extreme', '#800026', 'circle']]);
  });

  it('should step a graduated field and draw polygons as outlines when asked', () => {
    const graduated = vectorLook({ type: 'graduated', field: 'SUP_HA', classes: [
      { min: 1000, color: '#b00', label: text('≥ 1000') }, { max: 1000, color: '#fc0', label: text('< 1000') },
    ] }, 'polygon', text('t'));
    expect(graduated.style[0]!.paint!['fill-color']).toEqual(['step', ['to-number', ['get', 'SUP_HA'], 0], '#fc0', 1000, '#b00']);
    const outline = vectorLook({ type: 'single', color: '#6a51a3', outlineOnly: true }, 'polygon', text('MRC'));
    expect(outline.style.map((s) => s.type)).toEqual(['line']);
    expect(outline.legend.items).toEqual([{ label: text('MRC'), color: '#6a51a3', shape: 'line' }]);
  });

  it('should turn raster categories and ramps into COG renderings with labelled legends', () => {
    const fallback = { cog: { mode: 'continuous' as const }, legend: { type: 'categories' as const, items: [] } };
    const classes = rasterLook({ type: 'categories', classes: [{ value: 10, color: '#17becf', label: { fr: 'Sapinière', en: 'Balsam fir' } }] }, fallback);
    expect(classes.cog).toEqual({ mode: 'categorical', bands: [1], categories: { 10: '#17becf' }, resampling: 'nearest' });
    expect(classes.legend.items[0]!.label.en).toBe('Balsam fir');
    const ramp = rasterLook({ type: 'ramp', stops: [[0, '#ffffcc'], [120, '#006837']], unit: 'ans' }, fallback);
    expect(ramp.cog.ramp).toEqual([[0, '#ffffcc'], [120, '#006837']]);
    expect(ramp.legend).toMatchObject({ type: 'ramp', items: [{ label: { fr: '0 ans' } }, { label: { fr: '120 ans' } }] });
    expect(() => rasterLook({ type: 'single', color: '#000' }, fallback)).toThrow(/vector/);
  });
});

describe('graduated raster classes', () => {
  const fallback = { cog: { mode: 'continuous' as const }, legend: { type: 'categories' as const, items: [] } };
  const classes = [
    { max: 20, color: '#ffffcc', label: { fr: 'Jeune (< 20 ans)', en: 'Young (< 20 years)' } },
    { min: 20, max: 80, color: '#78c679', label: { fr: 'Moyen (20–80 ans)', en: 'Middle-aged (20–80 years)' } },
    { min: 80, color: '#006837', label: { fr: 'Vieux (≥ 80 ans)', en: 'Old (≥ 80 years)' } },
  ];

  it('should paint each [min, max) class in one colour, a value on a break in the upper class', () => {
    const look = rasterLook({ type: 'graduated', band: 2, classes }, fallback);
    expect(look.cog).toMatchObject({ mode: 'continuous', bands: [2], resampling: 'nearest' });
    const ramp = new Ramp(look.cog.ramp!);
    const colourAt = (value: number): string => {
      const out = new Uint8ClampedArray(4);
      ramp.colourInto(value, out, 0);
      return `#${[...out.slice(0, 3)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    };
    expect([-5, 0, 19.9, 20, 50, 79.99, 80, 500].map(colourAt)).toEqual(['#ffffcc', '#ffffcc', '#ffffcc', '#78c679', '#78c679', '#78c679', '#006837', '#006837']);
    expect(look.legend).toEqual({ type: 'categories', items: classes.map((c) => ({ label: c.label, color: c.color, shape: 'raster' })) });
    expect(classStops(classes).every(([value], i, stops) => i === 0 || value > stops[i - 1]![0])).toBe(true);
  });

  it('should ask for a field on vector inputs and refuse one on rasters', () => {
    const recipe = { layers: [
      { ...base, input: 'feux.geojson', style: { type: 'graduated', classes } },
      { ...base, id: 'age', input: 'age.tif', style: { type: 'graduated', field: 'age', classes } },
      { ...base, id: 'age2', input: 'age.tif', style: { type: 'graduated', band: 1, classes } },
    ] };
    const messages = validateRecipe(recipe, 'r.json', groups, catalogue.layers).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual(['layers[0].style.field: required for vector data: the number field the classes divide',
      'layers[1].style.field: a raster has bands, not fields: use "band" (1-based, default 1)']);
  });
});

describe('parseRecipeArgs and the summary table', () => {
  it('should read the options and refuse bad ones', () => {
    expect(parseRecipeArgs(['r.json', '--jobs', '2', '--only', 'a,b', '--force'])).toEqual({ recipeFile: 'r.json', jobs: 2, only: ['a', 'b'], force: true });
    expect(() => parseRecipeArgs(['r.json', '--jobs', '0'])).toThrow(/--jobs must be a whole number/);
    expect(() => parseRecipeArgs([])).toThrow(/expected one recipe file/);
  });

  it('should align one row per layer and total the time', () => {
    const table = summaryTable([
      { id: 'a', status: 'imported', count: '21 features', bytes: 742_502, seconds: 30.7, warnings: ['21 invalid geometries repaired'] },
      { id: 'bb', status: 'failed', count: '', bytes: 0, seconds: 0.1, warnings: ['x.tif: file not found'] },
    ]).split('\n');
    expect(table[0]).toMatch(/^layer\s+status\s+features\/pixels\s+size\s+time\s+warnings$/);
    expect(table[2]).toMatch(/^a\s+imported\s+21 features\s+725\.1 KiB\s+30\.7 s\s+21 invalid geometries repaired$/);
    expect(table[3]).toMatch(/^bb\s+failed\s+—\s+—\s+0\.1 s\s+x\.tif: file not found$/);
    expect(table[4]).toBe('2 layer(s), 1 failed, 30.8 s');
  });
});

describe('runRecipe on a small GeoJSON', () => {
  let dir: string;
  const points = (n: number) => JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => ({
    type: 'Feature', properties: { severite: i % 2 ? 'Mineure' : 'Extrême', date_observation: `2019-04-${String(14 + (i % 5)).padStart(2, '0')}` },
    geometry: { type: 'Point', coordinates: [-72 + i * 0.01, 46 + i * 0.01] } })) });
  const recipeWith = (colour: string) => ({ base: '.', layers: [{ ...base, input: 'obs.geojson',
    style: { type: 'categorical', field: 'severite', classes: [{ value: 'Mineure', color: colour, label: text('Mineure') }, { value: 'Extrême', color: '#800026', label: text('Extrême') }] },
    time: { field: 'date_observation', kind: 'date' }, visible: true }] });
  const run = async () => runRecipe({ recipeFile: path.join(dir, 'r.json'), outDir: path.join(dir, 'out'), layersDir: path.join(dir, 'layers'), log: () => {} });
  const layerFile = async () => JSON.parse(await fs.readFile(path.join(dir, 'layers', 'essai.json'), 'utf8')) as LayerDefinition;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recipe-unit-'));
    await fs.writeFile(path.join(dir, 'obs.geojson'), points(12));
    await fs.writeFile(path.join(dir, 'r.json'), JSON.stringify(recipeWith('#fecc5c')));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('should import, then skip an unchanged input but apply recipe edits, then import a changed input', async () => {
    const first = await run();
    expect(first.map((o) => [o.status, o.count])).toEqual([['imported', '12 features']]);
    const layer = await layerFile();
    expect(validateLayer(layer, 'layers/local/essai.json', groups)).toEqual([]);
    expect(layer).toMatchObject({ visible: true, time: { field: 'date_observation', kind: 'date' }, attribution: base.attribution, group: 'floods' });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'layers', 'catalogue.json'), 'utf8'))).toEqual({ layers: ['essai'] });
    const dataStat = await fs.stat(path.join(dir, 'out', 'essai.pmtiles'));

    await fs.writeFile(path.join(dir, 'r.json'), JSON.stringify(recipeWith('#123456')));
    expect((await run()).map((o) => o.status)).toEqual(['unchanged']);
    expect((await fs.stat(path.join(dir, 'out', 'essai.pmtiles'))).mtimeMs).toBe(dataStat.mtimeMs);
    expect(JSON.stringify((await layerFile()).style)).toContain('#123456');

    await fs.writeFile(path.join(dir, 'obs.geojson'), points(13));
    const third = await run();
    expect(third.map((o) => [o.status, o.count, o.warnings])).toEqual([['imported', '13 features', []]]);
  }, 120_000);

  it('should report a missing input as a failed layer and keep going', async () => {
    await fs.writeFile(path.join(dir, 'r2.json'), JSON.stringify({ layers: [{ ...base, id: 'absent', input: 'none.geojson' }] }));
    const outcomes = await runRecipe({ recipeFile: path.join(dir, 'r2.json'), outDir: path.join(dir, 'out'), layersDir: path.join(dir, 'layers'), log: () => {} });
    expect(outcomes).toMatchObject([{ id: 'absent', status: 'failed', warnings: [expect.stringMatching(/none\.geojson: file not found/)] }]);
  });
});
