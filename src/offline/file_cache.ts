// Whole small files (catalogue, layer JSON, GeoJSON) kept for offline use in the Cache Storage
// the service worker reads when the network fails (vite.config.ts: runtime route, cache
// "geoveille-files", network first). The page fills it itself, so it works even before the
// service worker controls the page. DOM-free.

/** Must match the cacheName of the runtime route in vite.config.ts. */
export const FILE_CACHE = 'geoveille-files';

export function fileCacheAvailable(): boolean {
  return typeof caches !== 'undefined';
}

/** Fetches each file and keeps it; returns the bytes kept. A missing file is an error naming it. */
export async function keepWholeFiles(urls: string[], signal?: AbortSignal): Promise<number> {
  const cache = await caches.open(FILE_CACHE);
  let bytes = 0;
  for (const url of urls) {
    const response = await fetch(url, { cache: 'no-cache', ...(signal ? { signal } : {}) });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const body = await response.arrayBuffer();
    bytes += body.byteLength;
    await cache.put(url, new Response(body, { headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'application/octet-stream' } }));
  }
  return bytes;
}

/**
 * The catalogue files the app reads at start: the build's bundle (catalogue/bundle.ts),
 * catalogue.json and every layer file it lists.
 */
export function catalogueFiles(layersBase: string, layerIds: string[]): string[] {
  return [
    new URL('catalogue.bundle.json', layersBase).href,
    new URL('catalogue.json', layersBase).href, ...layerIds.map((id) => new URL(`${id}.json`, layersBase).href),
  ];
}
