// The EPSG database (epsg-index) as one small file per code — assets/epsg/<code>.json — so the
// app fetches the definition of a CRS it does not carry built in, one code at a time, and never
// ships the whole database (8 MB) to anyone. Served from node_modules in dev, emitted on build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

interface IndexEntry { name: string; proj4: string; kind: string; unit: string }

/** Only the CRSs a raster can be drawn in: projected and geographic ones with a proj4 definition. */
function drawable(entry: IndexEntry): boolean {
  return Boolean(entry.proj4) && /^CRS-(PROJCRS|GEOGCRS|GEOG3DCRS)$/.test(entry.kind);
}

function fileOf(entry: IndexEntry): string {
  return JSON.stringify({ name: entry.name, proj4: entry.proj4, kind: entry.kind, unit: entry.unit });
}

export function epsgFiles(): Plugin {
  const require = createRequire(import.meta.url);
  let building = false;
  return {
    name: 'geoveille-epsg-files',
    configResolved(config) {
      building = config.command === 'build' && !process.env.VITEST;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const code = /\/epsg\/(\d+)\.json$/.exec((request.url ?? '').split('?')[0] ?? '')?.[1];
        if (!code) return next();
        let entry: IndexEntry;
        try {
          entry = JSON.parse(readFileSync(require.resolve(`epsg-index/s/${code}.json`), 'utf8')) as IndexEntry;
        } catch {
          response.statusCode = 404;
          return response.end();
        }
        if (!drawable(entry)) {
          response.statusCode = 404;
          return response.end();
        }
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(fileOf(entry));
      });
    },
    generateBundle() {
      if (!building) return;
      const all = JSON.parse(readFileSync(require.resolve('epsg-index/all.json'), 'utf8')) as Record<string, IndexEntry>;
      for (const [code, entry] of Object.entries(all)) {
        if (drawable(entry)) this.emitFile({ type: 'asset', fileName: `assets/epsg/${code}.json`, source: fileOf(entry) });
      }
    },
  };
}
