// "Nothing lost": the last view, layers, language, time and AOI keys (the whole app hash) are kept
// in localStorage, so opening the bare address brings the last session back. A link with its own
// hash always wins. Storage may be missing or full (private mode, quota): every call fails softly.
import type { AppState } from './app_state';
import { hashOf } from './hash_sync';
import type { Store } from './store';
import type { KeyValueStorage } from './browser_storage';

const KEY = 'geoveille.session.hash';
/** Longer hashes are not restored (a corrupted or hostile entry); links are far shorter. */
const MAX_HASH_LENGTH = 16_000;
const WRITE_DELAY_MS = 500;

/** The hash to start from: the page's own when it has one, else the last saved one, else ''. */
export function startingHash(currentHash: string, storage: KeyValueStorage | null): string {
  if (currentHash.length > 1) return currentHash;
  try {
    const saved = storage?.getItem(KEY) ?? '';
    return saved.startsWith('#') && saved.length <= MAX_HASH_LENGTH ? saved : '';
  } catch {
    return '';
  }
}

export function saveHash(storage: KeyValueStorage | null, hash: string): boolean {
  if (!storage || hash.length > MAX_HASH_LENGTH) return false;
  try {
    storage.setItem(KEY, hash);
    return true;
  } catch {
    return false;
  }
}

/** Saves the state's hash after each change (debounced) and when the page is hidden or closed. */
export function startPersist(store: Store<AppState>, storage: KeyValueStorage | null): void {
  if (!storage) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    saveHash(storage, hashOf(store.get()));
  };
  store.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(save, WRITE_DELAY_MS);
  });
  globalThis.addEventListener?.('pagehide', save);
}
