// The catalogue in one request (issue 15): the build checks catalogue.json, every layer file and
// the basemap list with the app's validators and stops, naming the file, when one is invalid; the
// app reads the layers from the bundle with no other request, and a layer missing from a bundle
// is fetched from its file and checked there.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayersFolder, writeCheckedFiles } from '../../scripts/catalogue_bundle';
import { asBundle } from '../../src/catalogue/bundle';
import { loadCatalogue, type FetchText } from '../../src/catalogue/load';
import { catalogueOf, goodLayer } from './catalogue_fixture';

const BASE = 'http://app.test/layers/';
const repoRoot = join(import.meta.dirname, '../..');

function countingFetch(files: Record<string, string>): { get: FetchText; asked: string[] } {
  const asked: string[] = [];
  const get: FetchText = async (url) => {
    const path = url.slice(BASE.length);
    asked.push(path);
    if (!(path in files)) throw new Error('HTTP 404');
    return files[path]!;
  };
  return { get, asked };
}

/** Folders made by folderWith, removed after the file's tests. */
const folders: string[] = [];
afterAll(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const brokenFolder = () => ({
  'catalogue.json': catalogueOf(['good', 'broken']),
  'good.json': JSON.stringify(goodLayer('good')),
  'broken.json': JSON.stringify({ ...goodLayer('broken'), opacity: 7 }),
});

describe('catalogue bundle', () => {
  it('finds no problem in the project\'s layers/ and bundles every layer and the basemap list', () => {
    const { bundle, basemaps, problems } = checkLayersFolder(join(repoRoot, 'layers'));
    expect(problems).toEqual([]);
    expect(Object.keys(bundle!.layers).sort()).toEqual([...bundle!.catalogue.layers].sort());
    const source = JSON.parse(readFileSync(join(repoRoot, 'layers/basemaps/basemaps.json'), 'utf8')) as { default: string; basemaps: unknown[] };
    expect(basemaps!.basemaps).toEqual(source.basemaps);
    expect(basemaps!.defaultId).toBe(source.default);
  });

  it('names a broken layer file and its problem, and writes nothing', () => {
    const dir = folderWith(brokenFolder());
    expect(() => writeCheckedFiles(dir)).toThrow(/layers\/broken\.json at opacity: number between 0 and 1 expected, 7 found/);
    expect(() => readFileSync(join(dir, 'catalogue.bundle.json'))).toThrow(/ENOENT/);
  });

  it('names a layer file the catalogue lists but the folder lacks, and a file that is not JSON', () => {
    const { problems } = checkLayersFolder(folderWith({ 'catalogue.json': catalogueOf(['absent', 'garbled']), 'garbled.json': '{ not json' }));
    expect(problems.map((problem) => problem.file)).toEqual(['layers/absent.json', 'layers/garbled.json']);
    expect(problems[0]!.message).toBe('file not found');
  });

  it('names an invalid basemap list by file and path', () => {
    const list = { default: 'a', basemaps: [{ id: 'a', kind: 'tms', title: { fr: 'A', en: 'A' }, attribution: 'x', url: 'a/{z}/{x}/{y}.png' }] };
    const { problems } = checkLayersFolder(folderWith({ 'catalogue.json': catalogueOf([]), 'basemaps/basemaps.json': JSON.stringify(list) }));
    expect(problems.map((problem) => `${problem.file} ${problem.path}`)).toContain('layers/basemaps/basemaps.json basemaps[0].kind');
  });

  it('fails the build step (scripts/build_layers.ts) with a message naming the broken file', () => {
    const dir = folderWith(brokenFolder());
    let stderr = '';
    let status = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts/build_layers.ts'), dir, dir], { cwd: repoRoot, stdio: 'pipe' });
    } catch (error) {
      ({ status } = error as { status: number });
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toContain('1 invalid file in layers/ (layers/broken.json)');
    expect(stderr).toContain('layers/broken.json at opacity: number between 0 and 1 expected, 7 found');
  });

  it('reads a layer missing from the bundle from its file, checked there', async () => {
    const files = brokenFolder();
    const { bundle } = checkLayersFolder(folderWith(files));
    expect(Object.keys(bundle!.layers)).toEqual(['good']);
    const { get, asked } = countingFetch({ ...files, 'catalogue.bundle.json': JSON.stringify(bundle) });
    const result = await loadCatalogue(BASE, get);
    expect(asked.sort()).toEqual(['broken.json', 'catalogue.bundle.json', 'local/catalogue.json']);
    expect(result.layers.find((layer) => layer.id === 'good')?.def?.title.fr).toBe('Couche good');
    expect(result.layers.find((layer) => layer.id === 'broken')?.error?.kind).toBe('invalid');
  });

  it('reads every layer from the bundle alone when all are valid', async () => {
    const dir = folderWith({ 'catalogue.json': catalogueOf(['a', 'b']), 'a.json': JSON.stringify(goodLayer('a')), 'b.json': JSON.stringify(goodLayer('b')) });
    writeCheckedFiles(dir);
    const { get, asked } = countingFetch({ 'catalogue.bundle.json': readFileSync(join(dir, 'catalogue.bundle.json'), 'utf8') });
    const result = await loadCatalogue(BASE, get);
    expect(asked.sort()).toEqual(['catalogue.bundle.json', 'local/catalogue.json']);
    expect(result.layers.map((layer) => layer.def?.id)).toEqual(['a', 'b']);
  });

  it('has no bundle for an invalid catalogue, and anything else is not taken for a bundle', () => {
    const { bundle, problems } = checkLayersFolder(folderWith({ 'catalogue.json': '{"groups": 3}' }));
    expect(bundle).toBeNull();
    expect(problems[0]?.file).toBe('layers/catalogue.json');
    expect(asBundle('<!doctype html>')).toBeNull();
    expect(asBundle({ catalogue: { groups: [], layers: [] }, layers: {} })).toBeNull();
  });
});
