// Serves the top-level layers/ folder at ./layers/ in dev and copies it into dist/ on build:
// the catalogue stays plain data files. A build checks them all and stops on an invalid one; the
// dev server serves them as they are and the app checks them at run time. The built copies of
// time layers carry their time values, dist/layers/catalogue.bundle.json holds the whole catalogue
// in one file and basemaps/basemaps.checked.json the checked basemap list (scripts/build_layers.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { Plugin } from 'vite';

export function layersFolder(root = process.cwd()): Plugin {
  const folder = resolve(root, 'layers');
  let outDir = resolve(root, 'dist');
  let building = false;
  return {
    name: 'geoveille-layers-folder',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      // Vitest loads this config too (with a dummy outDir): copy only for a real build.
      building = config.command === 'build' && !process.env.VITEST;
    },
    configureServer(server) {
      server.middlewares.use('/layers', (request, response, next) => {
        const path = normalize(join(folder, decodeURIComponent((request.url ?? '').split('?')[0] ?? '')));
        if (!path.startsWith(folder) || !existsSync(path) || !statSync(path).isFile()) return next();
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(readFileSync(path));
      });
    },
    closeBundle() {
      if (!building) return;
      cpSync(folder, join(outDir, 'layers'), { recursive: true });
      // the build-time check, time values and the one-request catalogue bundle (issue 15), in a
      // process of their own: the config loader would otherwise bundle app code into the config
      try {
        execFileSync(process.execPath, ['--import', 'tsx', resolve(root, 'scripts/build_layers.ts'), join(outDir, 'layers'), resolve(root, 'public')], { stdio: ['ignore', 'inherit', 'pipe'] });
      } catch (error) {
        // the step's own message names each invalid file: it becomes the build's error
        throw new Error(String((error as { stderr?: Buffer }).stderr ?? error).trim());
      }
    },
  };
}
