// A source kind is added in one place (the LayerSource union) and the compiler then lists every
// registry that must learn it. Two proofs: a type-level one (a registry lacking a kind does not
// compile: checked by `tsc --noEmit` through @ts-expect-error), and one that runs the compiler on
// the registries with a fake kind added to a copy of catalogue/types.ts and reads its errors.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { SourceKind } from '../../src/catalogue/types';
import { SOURCE_KIND_TRAITS, SOURCE_KINDS, type SourceKindTraits } from '../../src/sources/kinds/traits';
import { MAP_SOURCE_KINDS } from '../../src/map/source_kinds';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const traits: SourceKindTraits = { holds: 'features', styleSource: 'vector', series: false, refresh: true, pmtiles: false };
// @ts-expect-error a registry lacking 'geojson' does not compile
const lacking: Record<SourceKind, SourceKindTraits> = { 'pmtiles-vector': traits, 'pmtiles-raster': traits, cog: traits };

/** Every file holding a per-kind registry or an exhaustive switch over source kinds. */
const REGISTRIES = [
  'src/sources/kinds/traits.ts',
  'src/queries/identify.ts',
  'src/queries/kind_features.ts',
  'src/map/source_kinds.ts',
  'src/catalogue/to_style.ts',
  'src/offline/area_plan.ts',
];

function errorsWithFakeKind(): ts.Diagnostic[] {
  const typesFile = path.join(root, 'src/catalogue/types.ts');
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json unreadable');
  const options = config.options;
  // The whole app (not the tests): the errors it gives name the places a new kind must be handled.
  const rootNames = config.fileNames.filter((file) => path.relative(root, file).startsWith('src' + path.sep));
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => {
    const text = readFile(name);
    if (path.resolve(name) !== typesFile || text === undefined) return text;
    return text.replace('export type LayerSource = ', "export interface FakeSource extends SourceCommon { kind: 'fake'; sourceLayer?: undefined; cog?: undefined }\nexport type LayerSource = FakeSource | ");
  };
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => {
    if (path.resolve(name) !== typesFile) return getSourceFile(name, version);
    return ts.createSourceFile(name, host.readFile(name) ?? '', version);
  };
  const program = ts.createProgram(rootNames, options, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
}

describe('source kinds', () => {
  it('every registry describes exactly the kinds of the LayerSource union', () => {
    expect(lacking).toBeDefined();
    expect([...SOURCE_KINDS].sort()).toEqual(['cog', 'geojson', 'pmtiles-raster', 'pmtiles-vector']);
    expect(Object.keys(MAP_SOURCE_KINDS).sort()).toEqual([...SOURCE_KINDS].sort());
    expect(Object.keys(SOURCE_KIND_TRAITS).sort()).toEqual([...SOURCE_KINDS].sort());
  });

  it('a kind added to the union makes the compiler name every registry that must handle it', () => {
    const files = new Set(errorsWithFakeKind().map((d) => path.relative(root, d.file?.fileName ?? '')));
    expect([...files].sort()).toEqual([...REGISTRIES].sort());
  }, 120_000);
});
