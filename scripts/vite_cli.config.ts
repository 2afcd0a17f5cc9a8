// The CLI (`npm run cli`) compiled to plain JavaScript in dist-cli/, so it runs on node without
// tsx's start-up. Dependencies stay imports of node_modules (SSR build); each command keeps its
// own chunk, loaded on use. scripts/cli.mjs rebuilds it when a file under src/ is newer.
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
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
