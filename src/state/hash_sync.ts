// Keeps the URL hash equal to the state (throttled replaceState, so history is not flooded).
import type { AppState } from './app_state';
import { encodeHash, encodeLinkKeys } from './url_codec';
import type { Store } from './store';

const WRITE_DELAY_MS = 200;

export function hashOf(state: AppState): string {
  return encodeHash({
    view: state.view,
    lang: state.lang,
    layers: state.order
      .filter((id) => state.visible.has(id))
      .map((id) => ({ id, opacity: state.visible.get(id) ?? 1 })),
    extra: encodeLinkKeys(state.extra, state),
  });
}

export function startHashSync(store: Store<AppState>): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = document.documentElement.dataset; // `data-hash-pending`: tests wait for the write
  store.subscribe(() => {
    clearTimeout(timer);
    pending.hashPending = 'true';
    timer = setTimeout(() => {
      const hash = hashOf(store.get());
      if (hash !== window.location.hash) history.replaceState(history.state, '', hash);
      delete pending.hashPending;
    }, WRITE_DELAY_MS);
  });
}
