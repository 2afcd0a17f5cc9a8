import { defineConfig } from 'vitest/config';
import { layersFolder } from './scripts/vite_layers_plugin.ts';
import { epsgFiles } from './scripts/vite_epsg_plugin.ts';

// Content-Security-Policy (see docs/robustness.md): only the app's own scripts and workers run,
// never inline or eval'd code. index.html carries the same policy in a <meta> for hosts that send
// no headers (a unit test keeps the two equal); frame-ancestors only works as a header.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https: blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
export const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CSP}; frame-ancestors 'self'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

// base './' keeps every asset path relative, so dist/ works from any folder of any static host.
export default defineConfig({
  base: './',
  plugins: [layersFolder(), epsgFiles()],
  // maplibre-gl v6 ships its worker as a separate module; pre-bundling breaks the worker URL.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  // module workers (both are created with type: 'module'): their lazy imports stay separate chunks
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false, headers: SECURITY_HEADERS },
  preview: { port: 4173, headers: SECURITY_HEADERS },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60000,
  },
});
