// Who produced what is on the map: the basemap and every visible layer, as plain text.
import type { LayerDefinition } from '../catalogue/types';
import { isToBeCompleted } from '../catalogue/attribution_marker';
import { pick, t } from '../i18n';
import type { AppState } from '../state/app_state';
import { el } from './dom';

export interface AttributionBar {
  update(state: AppState): void;
}

/** The shown basemap's credit (feature_basemap); undefined: the offline basemap's; null: no basemap. */
let basemapCredit: string | null | undefined;
let redraw: (() => void) | undefined;

export function setBasemapAttribution(credit: string | null): void {
  basemapCredit = credit;
  redraw?.();
}

export function mountAttribution(container: HTMLElement, defs: ReadonlyMap<string, LayerDefinition>): AttributionBar {
  const bar = el('div', { id: 'attribution', class: 'attribution', 'aria-label': t('attribution.label') });
  container.appendChild(bar);
  const basemapLine = () => (basemapCredit === undefined ? [t('attribution.basemap')] : basemapCredit === null ? [] : [basemapCredit]);
  const attribution: AttributionBar = {
    update(state) {
      redraw = () => attribution.update(state);
      const lines = new Set<string>();
      for (const id of state.order) {
        const def = defs.get(id);
        if (!def || !state.visible.has(id) || isToBeCompleted(def.attribution.organisation)) continue;
        lines.add(attributionLine(def));
      }
      bar.replaceChildren(...[...lines, ...basemapLine()].map((line) => el('span', {}, line)));
    },
  };
  return attribution;
}

/** "© Organisation (date, licence)"; unknown parts (empty or "—", e.g. user-added files) are left out. */
export function attributionLine(def: LayerDefinition): string {
  const { organisation, licence, date } = def.attribution;
  const known = [date, licence].filter((part) => part.trim() !== '' && part.trim() !== '—');
  return `© ${pick(organisation)}${known.length ? ` (${known.join(', ')})` : ''}`;
}
