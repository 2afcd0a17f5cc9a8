// The built page asks for the catalogue bundle while the JavaScript is still downloading: a
// <link rel="preload"> in dist/index.html starts the request during HTML parsing, and the app's
// own fetch() of the same URL (catalogue/load.ts) takes that answer instead of waiting ~1 s for
// the entry chunk to run first (issue 15, first view). Build only: the dev server has no bundle.
import type { Plugin } from 'vite';
import { BUNDLE_FILE } from '../src/catalogue/bundle.ts';

export function preloadCatalogue(): Plugin {
  return {
    name: 'geoveille-preload-catalogue',
    apply: 'build',
    transformIndexHtml: () => [{
      tag: 'link',
      // crossorigin: fetch() requests are CORS-mode, a preload must be too for the browser to reuse it
      attrs: { rel: 'preload', href: `./layers/${BUNDLE_FILE}`, as: 'fetch', crossorigin: 'anonymous' },
      injectTo: 'head-prepend',
    }],
  };
}
