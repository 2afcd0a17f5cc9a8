// Who produced what is on the map: the basemap and every visible layer, as plain text.
import type { LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import type { AppState } from '../state/app_state';
import { el } from './dom';

export interface AttributionBar {
  update(state: AppState): void;
}

export function mountAttribution(container: HTMLElement, defs: ReadonlyMap<string, LayerDefinition>): AttributionBar {
  const bar = el('div', { id: 'attribution', class: 'attribution', 'aria-label': t('attribution.label') });
  container.appendChild(bar);
  return {
    update(state) {
      const lines = new Set<string>();
      for (const id of state.order) {
        const def = defs.get(id);
        if (!def || !state.visible.has(id)) continue;
        const { organisation, licence, date } = def.attribution;
        lines.add(`© ${pick(organisation)} (${date}, ${licence})`);
      }
      bar.replaceChildren(...[...lines, t('attribution.basemap')].map((line) => el('span', {}, line)));
    },
  };
}
