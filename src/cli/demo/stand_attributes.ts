// MFFP-style ecoforest attributes for one stand, from smooth noise fields sampled at the stand's
// seed, so that neighbouring stands look alike (same species group, similar age and history).
import { fractalNoise, type Noise2D } from './noise';
import { streamFor } from './prng';

export interface StandProps {
  id_peup: number;
  gr_ess: string;
  type_couv: 'R' | 'M' | 'F';
  cl_dens: 'A' | 'B' | 'C' | 'D';
  cl_haut: number;
  cl_age: string;
  origine: string;
  an_origine: number | null;
  perturb: string;
  an_perturb: number | null;
  superficie_ha: number;
}

/** gr_ess codes → cover type; names and colours live in the layer JSON. */
export const GR_ESS_COVER: Record<string, StandProps['type_couv']> = {
  EPN: 'R', SS: 'R', PG: 'R', PB: 'R', RX: 'R', SB: 'M', MX: 'M', BJ: 'F', BB: 'F', ERS: 'F', PE: 'F', FX: 'F',
};
/** From rich lowland sites (left) to poor, dry or cold sites (right). */
const NATURAL_GRADIENT = ['ERS', 'BJ', 'FX', 'MX', 'SB', 'SS', 'RX', 'PB', 'EPN', 'PG'];
const AFTER_CUT = ['PE', 'BB', 'SB', 'RX'];
const AFTER_FIRE = ['BB', 'EPN', 'PG'];
const REFERENCE_YEAR = 2024;

interface Fields { site: Noise2D; jitter: Noise2D; age: Noise2D; cuts: Noise2D; cutYear: Noise2D; wind: Noise2D; partial: Noise2D; density: Noise2D }

export interface StandAttributeModel { at(xKm: number, yKm: number, id: number, areaHa: number): StandProps }

export function standAttributeModel(seed: number): StandAttributeModel {
  const f = (name: string, octaves = 3) => fractalNoise(streamFor(seed, `stand-${name}`), octaves);
  const fields: Fields = {
    site: f('site'), jitter: f('jitter', 2), age: f('age'), cuts: f('cuts'), cutYear: f('cut-year', 2),
    wind: f('wind'), partial: f('partial'), density: f('density'),
  };
  // One old fire in the north-east of the area (a round patch a few km across).
  const fire = { x: 22, y: 24, radius: 4.5, year: 1996 };
  return { at: (x, y, id, areaHa) => standAt(fields, fire, x, y, id, areaHa) };
}

function standAt(F: Fields, fire: { x: number; y: number; radius: number; year: number }, x: number, y: number, id: number, areaHa: number): StandProps {
  // fBm values cluster near 0; the factors stretch them so every class occurs.
  const site = 2 * F.site(x / 9, y / 9) + 0.4 * F.jitter(x / 1.5, y / 1.5);
  const burnt = Math.hypot(x - fire.x, y - fire.y) < fire.radius * (1 + 0.3 * F.jitter(x / 2, y / 2));
  const cut = !burnt && F.cuts(x / 3, y / 3) > 0.3;
  const windthrow = !burnt && !cut && F.wind(x / 1.2, y / 1.2) > 0.55;
  let origine = '';
  let anOrigine: number | null = null;
  let groups = NATURAL_GRADIENT;
  if (burnt) [origine, anOrigine, groups] = ['BR', fire.year, AFTER_FIRE];
  else if (cut) {
    origine = F.cuts(x / 0.8, y / 0.8) > 0 ? 'CT' : 'CPR';
    anOrigine = Math.round(1990 + 16 * (1 + F.cutYear(x / 2, y / 2)));
    groups = REFERENCE_YEAR - anOrigine < 30 ? AFTER_CUT : NATURAL_GRADIENT;
  } else if (windthrow) [origine, anOrigine] = ['CHT', 2010];
  const index = Math.min(groups.length - 1, Math.max(0, Math.floor(((site + 1) / 2) * groups.length)));
  const grEss = groups[index]!;
  const age = anOrigine !== null ? REFERENCE_YEAR - anOrigine : 80 + 100 * F.age(x / 5, y / 5);
  const clAge = ageClass(age, grEss, F.jitter(x / 0.7, y / 0.7));
  const partial = origine === '' ? F.partial(x / 2.5, y / 2.5) : -1;
  const perturb = partial > 0.35 ? (grEss === 'SB' || grEss === 'SS' ? 'EL' : 'CP') : '';
  return {
    id_peup: id,
    gr_ess: grEss,
    type_couv: GR_ESS_COVER[grEss] ?? 'M',
    cl_dens: densityClass(F.density(x / 2, y / 2), age),
    cl_haut: heightClass(clAge, site),
    cl_age: clAge,
    origine,
    an_origine: anOrigine,
    perturb,
    an_perturb: perturb ? Math.round(2000 + 10 * (1 + F.cutYear(y / 2, x / 2))) : null,
    superficie_ha: Math.round(areaHa * 10) / 10,
  };
}

function ageClass(age: number, grEss: string, jitter: number): string {
  const unevenAged = grEss === 'ERS' || grEss === 'BJ' || grEss === 'FX';
  if (unevenAged && age > 90) return 'VIN';
  if (unevenAged && age > 50 && jitter > 0.2) return 'JIN';
  const bounds: Array<[number, string]> = [[20, '10'], [40, '30'], [60, '50'], [80, '70'], [105, '90']];
  return bounds.find(([limit]) => age < limit)?.[1] ?? '120';
}

function densityClass(noise: number, age: number): StandProps['cl_dens'] {
  const v = noise + (age < 20 ? -0.4 : 0);
  return v > 0.3 ? 'A' : v > 0 ? 'B' : v > -0.3 ? 'C' : 'D';
}

function heightClass(clAge: string, site: number): number {
  const base: Record<string, number> = { '10': 6, '30': 4, '50': 3, '70': 3, '90': 2, '120': 2, VIN: 2, JIN: 3 };
  const h = (base[clAge] ?? 3) - (site < -0.6 ? 1 : 0); // rich sites grow taller
  return Math.min(6, Math.max(1, h));
}
