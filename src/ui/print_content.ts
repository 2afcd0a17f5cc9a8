// The texts of a print in the UI language: legend blocks of the visible layers (with the time
// shown or the data's date), one source line per layer (organisation, licence, date), the date
// printed and the permalink.
import type { LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import type { PrintContent } from '../queries/print_page';
import type { ShownTime } from '../state/time_state';

export function printContent(
  title: string, layers: LayerDefinition[], permalink: string, now: Date, lang: string,
  timeOf: (layerId: string) => ShownTime | undefined,
): PrintContent {
  return {
    title,
    legend: layers.map((def) => {
      const shown = timeOf(def.id);
      return {
        title: pick(def.title),
        time: [shown ? t('print.shown_time', { time: shown.label }) : t('print.data_date', { date: def.attribution.date }), def.synthetic ? t('print.synthetic') : '']
          .filter(Boolean).join(' — '),
        items: def.legend.items.map((item) => ({ label: pick(item.label), color: item.color })),
      };
    }),
    sources: layers.map((def) => t('print.source_line', {
      layer: pick(def.title), organisation: pick(def.attribution.organisation), licence: def.attribution.licence, date: def.attribution.date,
    })),
    printed: t('print.printed', { date: now.toLocaleDateString(lang === 'fr' ? 'fr-CA' : 'en-CA', { year: 'numeric', month: 'long', day: 'numeric' }) }),
    permalink,
    north: t('print.north_letter'),
    sourcesHeading: t('print.sources_heading'),
    unprintableNote: t('print_text.unprintable'),
  };
}
