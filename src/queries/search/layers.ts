// Layer search: the catalogue titles in both languages, prefix of the title or of any word,
// with a typo allowed on longer words.
import type { LayerDefinition, Lang } from '../../catalogue/types';
import { allowedTypos, editDistances } from './fuzzy';
import { searchForm } from './normalize';

export interface LayerMatch {
  def: LayerDefinition;
  /** 0 title starts with the query, 1 a word does, 2 with typos. */
  tier: number;
}

export function matchLayers(query: string, defs: Iterable<LayerDefinition>, lang: Lang, limit = 3): LayerMatch[] {
  const q = searchForm(query);
  if (q.length < 2) return [];
  const matches: LayerMatch[] = [];
  for (const def of defs) {
    const titles = [def.title[lang], def.title[lang === 'fr' ? 'en' : 'fr']].map(searchForm);
    const tier = Math.min(...titles.map((title) => titleTier(q, title)));
    if (tier < Infinity) matches.push({ def, tier });
  }
  return matches
    .sort((a, b) => a.tier - b.tier || a.def.title[lang].localeCompare(b.def.title[lang], lang))
    .slice(0, limit);
}

function titleTier(q: string, title: string): number {
  if (title.startsWith(q)) return 0;
  const words = title.split(' ');
  const starts = words.map((_, i) => words.slice(i).join(' '));
  if (starts.some((start) => start.startsWith(q))) return 1;
  const max = allowedTypos(q.length);
  if (max > 0 && starts.some((start) => (editDistances(q, start, max)?.prefix ?? Infinity) <= max)) return 2;
  return Infinity;
}
