// The bands a user picked for multi-band COG layers, kept in the URL hash as a feature key
// (`bands=ortho:4.3.2,hyper:57`: one band drawn with a ramp, or an R.G.B triple, 1-based), in
// AppState.bands (decoded at the edge by link_keys.ts), so links carry the choice.
export const BANDS_KEY = 'bands';
const LAYER_ID = /^[a-z0-9][a-z0-9-]{0,80}$/;
const MAX_BAND = 65535;

/** layer id → 1 or 3 band numbers; malformed entries are left out. */
export function bandChoices(extra: ReadonlyArray<readonly [string, string]>): Map<string, number[]> {
  const choices = new Map<string, number[]>();
  const raw = extra.find(([key]) => key === BANDS_KEY)?.[1] ?? '';
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return choices;
  }
  for (const item of text.split(',')) {
    const [id = '', list = ''] = item.split(':');
    const bands = list.split('.').map(Number);
    const valid = bands.every((b) => Number.isInteger(b) && b >= 1 && b <= MAX_BAND);
    if (LAYER_ID.test(id) && valid && (bands.length === 1 || bands.length === 3)) choices.set(id, bands);
  }
  return choices;
}

/** The `bands` value of the choices ('' for none). */
export function encodeBands(choices: ReadonlyMap<string, number[]>): string {
  return [...choices].map(([layer, list]) => `${layer}:${list.join('.')}`).join(',');
}

/** `extra` with the choice for `id` set (or removed with null); other keys and layers kept in place. */
export function withBandChoice(extra: Array<[string, string]>, id: string, bands: number[] | null): Array<[string, string]> {
  const choices = bandChoices(extra);
  if (bands) choices.set(id, bands);
  else choices.delete(id);
  const value = encodeBands(choices);
  const index = extra.findIndex(([key]) => key === BANDS_KEY);
  const others = extra.filter(([key]) => key !== BANDS_KEY);
  if (!value) return others;
  const entry: [string, string] = [BANDS_KEY, value];
  if (index < 0) return [...others, entry];
  return [...others.slice(0, index), entry, ...others.slice(index)];
}
