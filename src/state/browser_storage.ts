// The page's localStorage, when it can be used (private mode or a blocked storage: null). Kept apart
// from the AOI store so the start-up session restore (persist.ts) needs none of the AOI code.
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** window.localStorage when it can be used, else null (Node, blocked cookies). */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}
