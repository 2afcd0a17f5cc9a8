// Whether local storage holds saved areas of interest, read without the AOI store's code: the
// AOI feature is loaded at start when it does (to show them on the map), else on first use.
export const AOI_LIST_KEY = 'geoveille.aoi.list';

interface ReadableStorage {
  getItem(key: string): string | null;
}

/** True when the saved list (aoi_persist.ts) names at least one area; storage errors mean none. */
export function hasSavedAois(storage: ReadableStorage | null = localStorageOrNull()): boolean {
  try {
    const list: unknown = JSON.parse(storage?.getItem(AOI_LIST_KEY) ?? '[]');
    return Array.isArray(list) && list.length > 0;
  } catch {
    return false;
  }
}

/** Blocked cookies make even reading `localStorage` throw. */
function localStorageOrNull(): ReadableStorage | null {
  try {
    return (globalThis as { localStorage?: ReadableStorage }).localStorage ?? null;
  } catch {
    return null;
  }
}
