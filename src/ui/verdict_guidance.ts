// The parts of the flood answer that explain it: what the class means in plain words, the
// legend of the flood classes, and what to do next with the links each flood layer declares
// in its JSON (floodZone.links). Text only: labels and addresses from files never become HTML.
import type { FloodLink, LayerDefinition, Lang } from '../catalogue/types';
import { pick, t } from '../i18n';
import type { Verdict } from '../queries/flood_verdict';
import { el } from './dom';

const SECTION_TITLE = 'font-size:0.95rem;margin:14px 0 4px';

/** "About a 5 % chance each year…" for the headline's class, or what an outside/no-mapping answer means. */
export function meaningText(verdict: Verdict): string | null {
  if (verdict.highestClass === '0-20') return t('flood.meaning_0_20');
  if (verdict.highestClass === '20-100') return t('flood.meaning_20_100');
  if (verdict.zones.some((zone) => zone.status === 'outside-zones' || zone.status === 'coverage-unknown')) return t('flood.meaning_outside');
  if (verdict.zones.some((zone) => zone.status === 'no-mapping')) return t('flood.meaning_no_mapping');
  return null;
}

export function renderMeaning(verdict: Verdict): HTMLElement | null {
  const text = meaningText(verdict);
  if (!text) return null;
  return el('section', { class: 'verdict-meaning' },
    el('h3', { style: SECTION_TITLE }, t('flood.meaning_title')),
    el('p', { style: 'margin:2px 0' }, text));
}

/** The flood classes' colours and names, from the first flood-zone layer's own legend. */
export function renderFloodLegend(verdict: Verdict, defs: ReadonlyMap<string, LayerDefinition>, lang: Lang): HTMLElement | null {
  const def = verdict.zones.map((zone) => defs.get(zone.layer.id)).find((candidate) => candidate?.legend.type === 'categories');
  if (!def) return null;
  const items = def.legend.items.map((item) => {
    const swatch = el('span', { class: 'legend-swatch legend-swatch-fill', 'aria-hidden': 'true' });
    swatch.style.setProperty('--swatch-color', item.color);
    return el('li', {}, swatch, el('span', {}, pick(item.label, lang)));
  });
  return el('section', { class: 'verdict-legend' },
    el('h3', { style: SECTION_TITLE }, t('flood.legend_title')),
    el('ul', { class: 'legend-items' }, ...items));
}

/** What to do next: three plain steps, then the links of every flood-zone layer in the answer. */
export function renderTodo(verdict: Verdict, defs: ReadonlyMap<string, LayerDefinition>, lang: Lang): HTMLElement {
  const links = uniqueLinks(verdict.zones.flatMap((zone) => defs.get(zone.layer.id)?.floodZone?.links ?? []));
  return el('section', { class: 'verdict-todo' },
    el('h3', { style: SECTION_TITLE }, t('flood.todo_title')),
    el('ul', { style: 'margin:2px 0;padding-left:20px' },
      el('li', {}, t('flood.todo_regulations')),
      el('li', {}, t('flood.todo_prepare')),
      el('li', {}, t('flood.todo_official'))),
    links.length
      ? el('ul', { class: 'verdict-links', style: 'margin:6px 0 0;padding-left:20px' },
        ...links.map((link) => el('li', {}, el('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer', class: 'verdict-link' }, pick(link.label, lang)))))
      : null);
}

function uniqueLinks(links: FloodLink[]): FloodLink[] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.url) && Boolean(seen.add(link.url)));
}
