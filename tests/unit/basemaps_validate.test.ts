// layers/basemaps/basemaps.json is valid, and the basemap validator reports each kind of problem
// at its JSON path, keeping the valid entries of a file with broken ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateBasemaps } from '../../src/catalogue/validate_basemaps';
import { formatError } from '../../src/catalogue/validate';
import { loadBasemaps } from '../../src/catalogue/load_basemaps';
import { BASEMAPS_CHECKED_FILE, BASEMAPS_FILE, makeCheckedBasemaps } from '../../src/catalogue/basemaps_checked';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const shipped = JSON.parse(readFileSync(path.join(repoRoot, 'layers/basemaps/basemaps.json'), 'utf8')) as unknown;
const embedded = { id: 'hors-ligne', kind: 'embedded', title: { fr: 'A', en: 'A' }, url: 'data/basemap.pmtiles', detailMaxZoom: 10, attribution: 'NE' };
const raster = { id: 'ortho', kind: 'raster-xyz', title: { fr: 'O', en: 'O' }, url: 'https://t.example.org/{z}/{x}/{y}.png', tileSize: 256, maxZoom: 19, attribution: '© O' };

describe('the shipped basemap catalogue', () => {
  it('should be valid, default to the offline basemap and list the demo streets in three flavours', () => {
    const checked = validateBasemaps(shipped);
    expect(checked.errors.map(formatError)).toEqual([]);
    expect(checked.defaultId).toBe('hors-ligne');
    expect(checked.basemaps.filter((b) => b.kind === 'pmtiles-vector').map((b) => b.kind === 'pmtiles-vector' && b.flavor)).toEqual(['light', 'grayscale', 'dark']);
  });

  it('should only name files of the app itself, so the demo makes no foreign request', () => {
    const urls = validateBasemaps(shipped).basemaps.map((b) => b.url);
    expect(urls.filter((url) => /^[a-z]+:/i.test(url))).toEqual([]);
  });
});

describe('validateBasemaps', () => {
  it('should report each problem at its path and keep the valid entries', () => {
    const broken = [
      { ...raster, id: 'no-x', url: 'https://t.example.org/{z}/{y}.png' },
      { ...embedded, id: 'Bad Id' },
      { ...raster, id: 'big', tileSize: 300 },
      { id: 'pm', kind: 'pmtiles-vector', title: { fr: 'P', en: 'P' }, url: 'data/x.pmtiles', flavor: 'neon', attribution: 'P' },
      { ...raster, id: 'js', url: 'javascript:alert(1)//{z}{x}{y}' },
      { ...raster, kind: 'tms' },
      { ...raster, id: 'extra', colour: 'red' },
      { ...embedded },
    ];
    const checked = validateBasemaps({ default: 'hors-ligne', basemaps: [embedded, raster, ...broken] });
    expect(checked.basemaps.map((b) => b.id)).toEqual(['hors-ligne', 'ortho']);
    expect(checked.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'basemaps[2].url: URL template lacks {x}',
      'basemaps[3].id: id of lower-case letters, digits and "-" expected, "Bad Id" found',
      'basemaps[4].tileSize: 256 or 512 expected, 300 found',
      'basemaps[5].flavor: one of "light", "grayscale", "dark" expected, "neon" found',
      'basemaps[6].url: http(s) URL or a path relative to the app expected, "javascript:alert(1)//{z}{x}{y}" found',
      'basemaps[7].kind: one of "embedded", "pmtiles-vector", "raster-xyz", "wmts" expected, "tms" found',
      'basemaps[8].colour: unknown field "colour" (expected one of: id, kind, title, attribution, url, tileSize, maxZoom, synthetic)',
      'basemaps[9].id: id "hors-ligne" is used twice',
    ]);
  });

  it('should require the WMTS placeholders and refuse a default that names no valid basemap', () => {
    const wmts = { ...raster, id: 'w', kind: 'wmts', url: 'https://w.example.org/{z}/{y}/{x}.png' };
    const checked = validateBasemaps({ default: 'w', basemaps: [embedded, wmts] });
    expect(checked.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'basemaps[1].url: URL template lacks {TileMatrix}, {TileRow}, {TileCol}',
      'default: "w" is not the id of a valid basemap of this file',
    ]);
    expect(checked.defaultId).toBeUndefined();
  });

  it('should never throw on garbage', () => {
    for (const value of [null, 3, 'x', [], { basemaps: 'no' }, { default: 1, basemaps: [null, 1, []] }]) {
      expect(validateBasemaps(value).errors.length).toBeGreaterThan(0);
    }
  });
});

describe('loadBasemaps', () => {
  it('should fall back to the offline basemap and say why when the file is missing or broken', async () => {
    const missing = await loadBasemaps('http://app.test/layers/', async () => { throw new Error('HTTP 404'); });
    expect(missing.basemaps.map((b) => b.kind)).toEqual(['embedded']);
    expect(missing.problems).toEqual(['basemaps/basemaps.json: HTTP 404']);
    const broken = await loadBasemaps('http://app.test/layers/', async () => '{"default": "x", "basemaps": [{"id": "x"}]}');
    expect(broken.basemaps.map((b) => b.id)).toEqual(['hors-ligne']);
    expect(broken.problems[0]).toMatch(/^basemaps\/basemaps\.json: basemaps\[0\]\.kind: one of/);
  });
  it('should read the list the build checked in one request, and check the plain file when there is none', async () => {
    const base = 'http://app.test/layers/';
    const asked: string[] = [];
    const serve = (files: Record<string, string>) => async (url: string) => {
      asked.push(url.slice(base.length));
      if (!(url.slice(base.length) in files)) throw new Error('HTTP 404');
      return files[url.slice(base.length)]!;
    };
    const checked = makeCheckedBasemaps(validateBasemaps(shipped).basemaps, 'rues-demo');
    const built = await loadBasemaps(base, serve({ [BASEMAPS_CHECKED_FILE]: JSON.stringify(checked) }));
    expect(asked).toEqual([BASEMAPS_CHECKED_FILE]);
    expect(built).toEqual({ basemaps: checked.basemaps, defaultId: 'rues-demo', problems: [] });

    asked.length = 0;
    const plain = await loadBasemaps(base, serve({ [BASEMAPS_CHECKED_FILE]: '<!doctype html>', [BASEMAPS_FILE]: JSON.stringify(shipped) }));
    expect(asked).toEqual([BASEMAPS_CHECKED_FILE, BASEMAPS_FILE]);
    expect(plain.basemaps.map((b) => b.id)).toEqual(checked.basemaps.map((b) => b.id));
    expect(plain.problems).toEqual([]);
  });
});
