// First-load JavaScript of the built app (issue 15): the entry chunk named in dist/index.html and
// every chunk it imports statically (dynamic import() chunks are not counted: the first view does
// not load them), gzip-compressed, minus MapLibre's own chunk. Prints a breakdown by package or
// src/ folder from dist/.vite/chunks.json (scripts/vite_chunk_report_plugin.ts).
// Usage: npx vite build && npx tsx scripts/first_load_size.ts [dist]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { ChunkReport } from './vite_chunk_report_plugin.ts';

export const FIRST_LOAD_BUDGET_GZ = 60 * 1024;

export interface FirstLoad {
  /** gzip bytes of every first-load chunk but MapLibre's */
  appGz: number;
  maplibreGz: number;
  chunks: { fileName: string; gz: number; maplibre: boolean }[];
  /** package or src/ folder → gzip bytes of its modules (each gzipped alone: an estimate) */
  byPackage: Map<string, number>;
}

export function measureFirstLoad(dist: string): FirstLoad {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]*type="module"[^>]*src="\.?\/?([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${dist}/index.html: no module script`);
  const report = JSON.parse(readFileSync(join(dist, '.vite/chunks.json'), 'utf8')) as ChunkReport[];
  const byName = new Map(report.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const visit = (fileName: string): void => {
    if (seen.has(fileName)) return;
    const chunk = byName.get(fileName);
    if (!chunk) throw new Error(`chunks.json has no ${fileName}`);
    seen.add(fileName);
    chunk.imports.forEach(visit);
  };
  visit(entry);
  const result: FirstLoad = { appGz: 0, maplibreGz: 0, chunks: [], byPackage: new Map() };
  for (const fileName of seen) {
    const chunk = byName.get(fileName)!;
    const gz = gzipSync(readFileSync(join(dist, fileName)), { level: 9 }).length;
    const maplibre = Object.keys(chunk.modules).every((id) => packageOf(id) === 'maplibre-gl');
    result.chunks.push({ fileName, gz, maplibre });
    if (maplibre) result.maplibreGz += gz;
    else result.appGz += gz;
    if (maplibre) continue;
    for (const [id, bytes] of Object.entries(chunk.modules)) {
      const name = packageOf(id);
      result.byPackage.set(name, (result.byPackage.get(name) ?? 0) + bytes);
    }
  }
  return result;
}

/** `node_modules/@scope/name/…` → `@scope/name`; `src/ui/x.ts` → `src/ui`; else the file's name. */
export function packageOf(id: string): string {
  const clean = id.replace(/\?.*$/, '');
  const inModules = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(clean.slice(clean.lastIndexOf('node_modules')));
  if (inModules) return inModules[1]!.replace('\\', '/');
  const inSrc = /[\\/]src[\\/](?:([^\\/]+)[\\/])?/.exec(clean);
  if (inSrc) return inSrc[1] ? `src/${inSrc[1]}` : 'src';
  return clean.split(/[\\/]/).pop() ?? clean;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function main(): void {
  const dist = process.argv[2] ?? 'dist';
  const load = measureFirstLoad(dist);
  console.log(`first-load JS beyond MapLibre: ${kb(load.appGz)} gzip (budget ${kb(FIRST_LOAD_BUDGET_GZ)}); MapLibre ${kb(load.maplibreGz)}`);
  for (const chunk of load.chunks) console.log(`  ${chunk.fileName}  ${kb(chunk.gz)}${chunk.maplibre ? '  (MapLibre)' : ''}`);
  console.log('by package (modules gzipped one by one):');
  const rows = [...load.byPackage].sort((a, b) => b[1] - a[1]);
  for (const [name, bytes] of rows) console.log(`  ${kb(bytes).padStart(9)}  ${name}`);
  if (load.appGz > FIRST_LOAD_BUDGET_GZ) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
