// Writes dist/.vite/chunks.json at build: every JS chunk with its static and dynamic imports and
// the gzip size of each module's rendered code, so scripts/first_load_size.ts can say which
// packages the first view loads (the manifest lists chunks, not the modules inside them).
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface ChunkReport {
  fileName: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  /** module id → gzip bytes of its rendered code on its own (an estimate: gzip is not additive) */
  modules: Record<string, number>;
}

/** module id → the ids it imports statically (for scripts/why_first_load.ts) */
export type StaticImports = Record<string, string[]>;

export function chunkReport(): Plugin {
  return {
    name: 'geoveille-chunk-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: ChunkReport[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules: Record<string, number> = {};
        for (const [id, module] of Object.entries(output.modules)) {
          if (module.code) modules[id] = gzipSync(module.code).length;
        }
        chunks.push({
          fileName: output.fileName, isEntry: output.isEntry,
          imports: output.imports, dynamicImports: output.dynamicImports, modules,
        });
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunks.json', source: JSON.stringify(chunks) });
      const graph: StaticImports = {};
      for (const id of this.getModuleIds()) graph[id] = [...(this.getModuleInfo(id)?.importedIds ?? [])];
      this.emitFile({ type: 'asset', fileName: '.vite/static-imports.json', source: JSON.stringify(graph) });
    },
  };
}
