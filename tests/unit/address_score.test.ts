// Scoring reads each street text and municipality once per query (address_score.ts). These check
// the shortcut reads an address exactly as the full normalisation does, and that a word found only
// in the municipality's name, or only with a typo, is scored the same whichever row comes first.
import { describe, expect, it } from 'vitest';
import { civicNumber, streetWords } from '../../src/queries/search/address_format';
import { readAddressQuery, TownList } from '../../src/queries/search/address_query';
import { rankRows, type CandidateRow } from '../../src/queries/search/address_rank';
import { civicParts, StreetScorer } from '../../src/queries/search/address_score';
import { editDistances, fullDistance } from '../../src/queries/search/fuzzy';
import { normalize, tokens } from '../../src/queries/search/normalize';

describe('civicParts', () => {
  const addresses = ['300, rue Principale', '12 rue du Lac', '12a rue du Lac', '12A, rue du Lac', '300-A, rue Roy', 'route 132', '7', '  8, rue Côté', '1 234 rue X', 'St-Jean'];
  it.each(addresses)('reads %j as tokens() does', (address) => {
    const parts = civicParts(address);
    expect(parts.number).toBe(civicNumber(address));
    expect(tokens(parts.street)).toEqual(streetWords(address));
    if (parts.number >= 0) expect(parts.numberText).toBe(tokens(address)[0]);
  });
  it('takes the plain digits without normalising the street', () => {
    expect(civicParts('300, rue Principale')).toEqual({ number: 300, numberText: '300', street: ', rue Principale' });
  });
});

describe('StreetScorer', () => {
  const towns = new TownList([['Granby', 10, -72.7, 45.4], ['Bromont', 10, -72.6, 45.3]]);
  const name = (id: number) => towns.entries[id]![0];

  it('reads one street text once, whatever the number or municipality', () => {
    const scorer = new StreetScorer(readAddressQuery('300 rue Principale', towns), name);
    expect(scorer.street(', rue Principale')).toBe(scorer.street(', rue Principale'));
    expect(scorer.penalty(scorer.street(', rue Principale'), 0)).toBe(0);
    expect(scorer.penalty(scorer.street(', rue Saint-Principale'), 1)).toBeCloseTo(0.01);
  });

  it('counts a word found in the municipality only for that municipality', () => {
    // "bromont" is not read as the municipality here (no comma, start of the query): it must match a word.
    const query = { ...readAddressQuery('8 rue Roy', towns), street: ['rue', 'roy', 'bromont'] };
    const scorer = new StreetScorer(query, name);
    const roy = scorer.street(', rue Roy');
    expect(scorer.penalty(roy, 0)).toBeNull();
    expect(scorer.penalty(roy, 1)).toBe(0);
    expect(scorer.penalty(roy, 0)).toBeNull();
  });

  it('ranks rows as before: exact number first, a typo costs 0.1, each name word not typed as such 0.01', () => {
    const rows: CandidateRow[] = [
      { town: 0, address: '8, rue Martin', lon: -72.7, lat: 45.4 },
      { town: 0, address: '8, rue Saint-Martin', lon: -72.7, lat: 45.41 },
      { town: 1, address: '10, rue Martin', lon: -72.6, lat: 45.3 },
    ];
    const hits = rankRows(rows, readAddressQuery('8 rue Martn', towns), { name, size: () => 1 }, 5);
    expect(hits.map((hit) => [hit.address, hit.municipality, hit.score])).toEqual([
      ['8, rue Martin', 'Granby', 0.89], ['8, rue Saint-Martin', 'Granby', 0.88], ['10, rue Martin', 'Bromont', 0.69],
    ]);
  });
});

describe('fullDistance', () => {
  it('counts swaps, drops and replacements up to the limit, Infinity beyond', () => {
    expect(fullDistance('marthe', 'marthe', 1)).toBe(0);
    expect(fullDistance('mrathe', 'marthe', 1)).toBe(1);
    expect(fullDistance('marte', 'marthe', 1)).toBe(1);
    expect(fullDistance('marte', 'marteau', 1)).toBe(Infinity); // two letters longer
    expect(fullDistance('martin', 'marthe', 1)).toBe(Infinity);
  });
  it('gives the same answers before and after a word longer than its reused rows', () => {
    const long = 'notre dame de la merci sur le lac des quinze iles du nord ouest'; // > 64 letters
    expect(editDistances(`${long}x`, long, 2)).toEqual({ full: 1, prefix: 1 });
    expect(fullDistance('principale', 'princiaple', 2)).toBe(1);
    expect(editDistances('rivi', 'riviere claire', 1)).toEqual({ full: Infinity, prefix: 0 });
  });
});

describe('normalize, one character at a time', () => {
  /** The whole-text reading the table must agree with. */
  const reference = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
    .replace(/[œæßøłđ]/g, (c) => ({ œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' })[c] ?? c).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const samples = ['Trois-Rivières', 'TROIS RIVIÈRES', "  Île-d'Orléans ", 'Œuvre, Cœur & Ægir', 'Straße Łódź Đakovo Øre', 'İstanbul',
    'Rivie\u0300re (combining mark)', 'ΟΔΟΣ ΣΟΦΙΑΣ', '300, rue Principale', 'ǅemal', 'Saint‑Jean—sur—Richelieu', '', ' - '];
  it.each(samples)('reads %j as the whole-text path does', (text) => {
    expect(normalize(text)).toBe(reference(text));
  });
});
