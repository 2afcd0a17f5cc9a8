import { defineConfig } from 'vitest/config';
import { layersFolder } from './scripts/vite_layers_plugin.ts';

// base './' keeps every asset path relative, so dist/ works from any folder of any static host.
export default defineConfig({
  base: './',
  plugins: [layersFolder()],
  // maplibre-gl v6 ships its worker as a separate module; pre-bundling breaks the worker URL.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60000,
  },
});
