// How each kind of suggestion reads in the list, in the UI language.
import { currentLang, pick, t } from '../i18n';
import type { Problem, Suggestion } from '../queries/search/suggest';
import type { OptionView } from './search_box';

function degrees(value: number): string {
  return new Intl.NumberFormat(currentLang() === 'fr' ? 'fr-CA' : 'en-CA', { minimumFractionDigits: 5, maximumFractionDigits: 5 }).format(value);
}

/** "46,35000 N, 72,55000 O" (fr) / "46.35000 N, 72.55000 W" (en). */
export function coordinateText(lon: number, lat: number): string {
  const ns = lat >= 0 ? t('search.north') : t('search.south');
  const ew = lon >= 0 ? t('search.east') : t('search.west');
  return t('search.coordinates_value', { lat: `${degrees(Math.abs(lat))} ${ns}`, lon: `${degrees(Math.abs(lon))} ${ew}` });
}

/** The remark shown under a coordinate suggestion whose order was a guess. */
export function orderNote(suggestion: Suggestion): string | undefined {
  if (suggestion.kind !== 'coordinates' || !suggestion.ambiguous) return undefined;
  return suggestion.order === 'latlon' ? t('search.order_latlon') : t('search.order_lonlat');
}

export function optionView(suggestion: Suggestion): OptionView {
  switch (suggestion.kind) {
    case 'coordinates': {
      const note = orderNote(suggestion);
      return { kind: t('search.kind.coordinates'), label: coordinateText(suggestion.lon, suggestion.lat), ...(note ? { note } : {}) };
    }
    case 'place': {
      const alias = suggestion.matched !== suggestion.name ? ` (${suggestion.matched})` : '';
      return { kind: t('search.kind.place'), label: `${suggestion.name}${alias}`, detail: suggestion.admin || t('search.quebec') };
    }
    case 'address': {
      // the towns of a grouped address all share its text: the town is what tells them apart
      const [label, detail] = suggestion.inGroup ? [suggestion.municipality, suggestion.address] : [suggestion.address, suggestion.municipality];
      return { kind: t('search.kind.address'), label, detail: suggestion.synthetic ? `${detail} · ${t('search.synthetic')}` : detail };
    }
    case 'address-group': {
      const towns = t('address_group.towns', { count: suggestion.towns.length });
      return { kind: t('search.kind.address'), label: suggestion.address, detail: suggestion.synthetic ? `${towns} · ${t('search.synthetic')}` : towns };
    }
    case 'layer':
      return { kind: t('search.kind.layer'), label: pick(suggestion.def.title), detail: t('search.layer_action') };
  }
}

/** What the status line says when a grouped address opens its list of municipalities. */
export function groupOpenedText(suggestion: Extract<Suggestion, { kind: 'address-group' }>): string {
  return t('address_group.choose', { address: suggestion.address, count: suggestion.towns.length });
}

/** The text a pick puts in the box and sends with the place-picked event. */
export function pickedLabel(suggestion: Suggestion): string {
  switch (suggestion.kind) {
    case 'coordinates': return coordinateText(suggestion.lon, suggestion.lat);
    case 'place': return suggestion.name;
    case 'address': return `${suggestion.address}, ${suggestion.municipality}`;
    case 'address-group': return suggestion.address;
    case 'layer': return pick(suggestion.def.title);
  }
}

export function problemText(problem: Problem): string {
  return problem === 'out_of_range' ? t('search.out_of_range') : t('search.malformed');
}
