import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';
import { layersFolder } from './scripts/vite_layers_plugin.ts';
import { epsgFiles } from './scripts/vite_epsg_plugin.ts';
import { chunkReport } from './scripts/vite_chunk_report_plugin.ts';
import { preloadCatalogue } from './scripts/vite_preload_plugin.ts';
import { stringsParts } from './scripts/vite_strings_plugin.ts';

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

// Installable app (README "Hors ligne / Offline"): the service worker precaches the app shell
// (HTML, JS, CSS, workers, icons) and keeps catalogue/layer JSON and GeoJSON network-first in the
// "geoveille-files" cache (src/offline/file_cache.ts fills it too). Range-read data files
// (.pmtiles, .tif) are never touched by it: the offline area store serves them, and live layers
// keep their ETag checks against the server. Prompt mode: a new version waits until the user
// reloads (src/ui/pwa_update.ts), so two versions never run mixed.
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Géoveille — feux et inondations au Québec',
    short_name: 'Géoveille',
    description: 'Carte des feux de forêt et des inondations au Québec, utilisable hors ligne / forest fires and floods in Québec, usable offline',
    lang: 'fr',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f3a2e',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest}'],
    globIgnores: ['data/**', 'layers/**'],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/\/data\//, /\/layers\//],
    cleanupOutdatedCaches: true,
    runtimeCaching: [{
      urlPattern: /\/(layers\/.*\.json|data\/.*\.geojson)(\?.*)?$/,
      handler: 'NetworkFirst',
      options: { cacheName: 'geoveille-files', cacheableResponse: { statuses: [200] } },
    }],
  },
});

// base './' keeps every asset path relative, so dist/ works from any folder of any static host.
export default defineConfig({
  base: './',
  plugins: [layersFolder(), epsgFiles(), chunkReport(), preloadCatalogue(), stringsParts(), pwa],
  // maplibre-gl v6 ships its worker as a separate module; pre-bundling breaks the worker URL.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // MapLibre in its own chunk: the first-load budget (scripts/first_load_size.ts) counts the rest
    manifest: true,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/]/ }] } },
    },
  },
  // module workers (both are created with type: 'module'): their lazy imports stay separate chunks
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false, headers: SECURITY_HEADERS },
  preview: { port: 4173, headers: SECURITY_HEADERS },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/unit/global_setup.ts'],
    testTimeout: 60000,
  },
});
