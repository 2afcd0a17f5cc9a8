// The CLI (`npm run cli`) compiled to plain JavaScript in dist-cli/, so it runs on node without
// tsx's start-up. Dependencies are bundled too (noExternal), so only the parts used are loaded:
// `import { bbox } from '@turf/turf'` no longer evaluates all of turf (a stats call: 0.65 → 0.27 s
// of CPU). Each command keeps its own chunk, loaded on use. scripts/cli.mjs rebuilds it when a
// file under src/ is newer.
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: path.join(root, 'src/cli/main.ts'),
    outDir: process.env.GEOVEILLE_CLI_OUT ?? path.join(root, 'dist-cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'main.js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
