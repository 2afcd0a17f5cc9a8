// The legend of a COG layer drawn with other bands than its catalogue gives (the band picker): the
// band or R, G, B bands drawn, named as in the file (text only), and for one band the ramp over the
// values it is stretched to. It stands in for the catalogue legend, which describes the catalogue's band.
import { currentLang, t } from '../i18n';
import { localeOf } from '../queries/identify_format';
import { el } from './dom';

export interface PickedBand {
  band: number;
  /** The band's description in the file, else null. */
  description: string | null;
}

export interface BandLegend {
  /** One band (drawn with a ramp) or three (red, green, blue). */
  bands: PickedBand[];
  /** One band: the ramp's colours and the values at its two ends, in the band's unit. */
  ramp?: { colors: string[]; low: number; high: number; unit: string | null };
}

/** "Bande 2 — Vert" / "Band 2 — Vert" (just "Bande 2" when the file names no band). */
export function bandName({ band, description }: PickedBand): string {
  const number = t('bands.band_n', { n: band });
  return description ? `${number} — ${description}` : number;
}

export function renderBandLegend(legend: BandLegend): HTMLElement {
  const box = el('div', { class: 'band-legend', 'data-bands': legend.bands.map((b) => b.band).join('.') });
  if (legend.bands.length === 3) {
    const colours = ['#e03131', '#2f9e44', '#1c7ed6'];
    const roles = ['bands.red', 'bands.green', 'bands.blue'];
    box.appendChild(el('ul', { class: 'legend-items' }, ...legend.bands.map((band, i) => {
      const swatch = el('span', { class: 'legend-swatch legend-swatch-raster', 'aria-hidden': 'true' });
      swatch.style.setProperty('--swatch-color', colours[i]!);
      return el('li', {}, swatch, el('span', { class: 'legend-label' }, t('band_legend.channel', { channel: t(roles[i]!), band: bandName(band) })));
    })));
    return box;
  }
  box.appendChild(el('p', { class: 'legend-band' }, t('band_legend.drawn', { band: bandName(legend.bands[0]!) })));
  if (legend.ramp) box.appendChild(rampOf(legend.ramp));
  return box;
}

function rampOf(ramp: NonNullable<BandLegend['ramp']>): HTMLElement {
  const bar = el('div', { class: 'legend-ramp', 'aria-hidden': 'true' });
  bar.style.setProperty('background', `linear-gradient(to right, ${ramp.colors.join(', ')})`);
  const format = new Intl.NumberFormat(localeOf(currentLang()), { maximumSignificantDigits: 4 });
  const label = (value: number) => `${format.format(value)}${ramp.unit ? `\u00a0${ramp.unit}` : ''}`;
  return el('div', { class: 'legend-ramp-box' }, bar,
    el('div', { class: 'legend-ramp-labels' }, el('span', {}, label(ramp.low)), el('span', {}, label(ramp.high))));
}
