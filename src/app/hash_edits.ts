// A hash edited by hand (or a link opened in the same tab) is applied without a reload.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerDefinition } from '../catalogue/types';
import { t } from '../i18n';
import type { AppState } from '../state/app_state';
import { hashOf } from '../state/hash_sync';
import type { Store } from '../state/store';
import { decodeHash, decodeLinkKeys, type HashProblem } from '../state/url_codec';
import type { Notices } from '../ui/notices';
import { slotOrder } from './initial_state';

export function describeHashProblem(problem: HashProblem): string {
  return problem.kind === 'bad_opacity'
    ? t('url.bad_opacity', { id: problem.id })
    : t('url.bad_value', { key: problem.key });
}

export function followHashEdits(
  store: Store<AppState>,
  map: MapLibreMap,
  defs: ReadonlyMap<string, LayerDefinition>,
  notices: Notices,
): void {
  window.addEventListener('hashchange', () => {
    if (window.location.hash === hashOf(store.get())) return;
    const { state: next, problems } = decodeHash(window.location.hash);
    problems.forEach((problem) => notices.show(describeHashProblem(problem)));
    if (next.view) map.jumpTo({ center: [next.view.lon, next.view.lat], zoom: next.view.zoom });
    store.update((state) => {
      const change: Partial<AppState> = { extra: next.extra, ...decodeLinkKeys(next.extra) };
      if (next.lang) change.lang = next.lang;
      if (next.layers) {
        const known = next.layers.filter(({ id }) => defs.has(id));
        next.layers.filter(({ id }) => !defs.has(id))
          .forEach(({ id }) => notices.show(t('url.unknown_layer', { id })));
        change.visible = new Map(known.map(({ id, opacity }) => [id, opacity]));
        change.order = slotOrder(state.order, known.map(({ id }) => id));
      }
      return change;
    });
  });
}
