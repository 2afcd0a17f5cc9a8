// Keeps the AOI store and the link's `aoi=` key in step, both ways: store changes rewrite the key;
// a link edited by hand (or opened in the same tab) with a different key restores from it.
import { t } from '../i18n';
import type { AppState } from '../state/app_state';
import type { AoiStore } from '../state/aoi_store';
import type { Store } from '../state/store';
import type { Notices } from '../ui/notices';

const KEY = 'aoi';

/** The decoded value of the `aoi` key, or undefined when the link has none. */
export function aoiParamOf(extra: Array<[string, string]>): string | undefined {
  const raw = extra.find(([key]) => key === KEY)?.[1];
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function withParam(extra: Array<[string, string]>, value: string): Array<[string, string]> {
  const others = extra.filter(([key]) => key !== KEY);
  // The encoding only uses URL-safe characters (base64url, '.', '~'): no escaping needed.
  return value ? [...others, [KEY, value]] : others;
}

export function watchAoiParam(app: Store<AppState>, aois: AoiStore, notices: Notices): void {
  let written = aois.param();
  const write = () => {
    written = aois.param();
    if (aoiParamOf(app.get().extra) !== (written || undefined)) {
      app.update((state) => ({ extra: withParam(state.extra, written) }));
    }
  };
  aois.subscribe(write);
  app.subscribe((state) => {
    const value = aoiParamOf(state.extra);
    // A missing key (a link without AOIs) never wipes the list: only a different value restores.
    if (value === undefined || value === written) return;
    const { bad } = aois.restore(value);
    if (bad > 0) notices.show(t('aoi.link_bad', { count: bad }));
    write();
  });
  write();
}
