// "Bands" in a multi-band COG layer's row: one band drawn with a ramp, or any R, G, B triple.
// Folded by default; the file's bands (and their descriptions) are read only when it is opened,
// so showing a layer costs no extra request. Band descriptions come from the file: text only.
import { t } from '../i18n';
import { el } from './dom';
import './band_picker.css';

export interface BandOption {
  band: number;
  /** The band's description in the file, else null ("Bande n" / "Band n"). */
  label: string | null;
}

export interface BandPickerSpec {
  layerId: string;
  /** The bands the layer is drawn with now (1 or 3). */
  current(): number[];
  load(): Promise<BandOption[]>;
  choose(bands: number[]): void;
}

/** Puts (or replaces) a picker in each listed layer row of the panel. */
export function attachBandPickers(specs: BandPickerSpec[]): void {
  for (const spec of specs) {
    const body = document.querySelector(`#layer-panel li.layer[data-layer-id="${CSS.escape(spec.layerId)}"] .layer-body`);
    if (!body) continue;
    body.querySelector('.band-picker')?.remove();
    body.appendChild(bandPicker(spec));
  }
}

function bandPicker(spec: BandPickerSpec): HTMLDetailsElement {
  const content = el('div', { class: 'band-picker-body' });
  const details = el('details', { class: 'band-picker', 'data-layer-id': spec.layerId }, el('summary', {}, t('bands.title')), content);
  details.addEventListener('toggle', () => {
    if (!details.open || details.dataset.state) return;
    details.dataset.state = 'loading';
    content.replaceChildren(t('bands.loading'));
    spec.load().then((options) => {
      content.replaceChildren(...choices(spec, options));
      details.dataset.state = 'ready';
    }, (error: unknown) => {
      content.replaceChildren(el('p', { class: 'band-picker-error' }, t('bands.error', { message: error instanceof Error ? error.message : String(error) })));
      details.dataset.state = 'error';
    });
  });
  return details;
}

function choices(spec: BandPickerSpec, options: BandOption[]): HTMLElement[] {
  if (options.length < 2) return [el('p', {}, t('bands.single_only'))];
  const current = spec.current();
  const mode = el('select', { class: 'band-mode' },
    el('option', { value: 'single' }, t('bands.mode_single')),
    el('option', { value: 'rgb' }, t('bands.mode_rgb')));
  mode.value = current.length === 3 ? 'rgb' : 'single';
  const single = bandSelect(options, current[0] ?? 1, 'single');
  const rgb = (['red', 'green', 'blue'] as const).map((colour, i) => bandSelect(options, current.length === 3 ? current[i]! : Math.min(options.length, i + 1), colour));
  const singleRow = el('label', { class: 'band-row' }, t('bands.band'), ' ', single);
  const rgbRows = rgb.map((select, i) => el('label', { class: 'band-row' }, t(`bands.${(['red', 'green', 'blue'] as const)[i]}`), ' ', select));
  const rgbBox = el('div', { class: 'band-rgb' }, ...rgbRows);
  const show = () => {
    singleRow.hidden = mode.value !== 'single';
    rgbBox.hidden = mode.value !== 'rgb';
  };
  const chosen = () => (mode.value === 'rgb' ? rgb.map((select) => Number(select.value)) : [Number(single.value)]);
  mode.addEventListener('change', () => { show(); spec.choose(chosen()); });
  for (const select of [single, ...rgb]) select.addEventListener('change', () => spec.choose(chosen()));
  show();
  return [el('label', { class: 'band-row' }, t('bands.mode'), ' ', mode), singleRow, rgbBox];
}

function bandSelect(options: BandOption[], value: number, role: string): HTMLSelectElement {
  const select = el('select', { class: 'band-select', 'data-role': role },
    ...options.map((option) => el('option', { value: option.band }, option.label ?? t('bands.band_n', { n: option.band }))));
  select.value = String(value);
  return select;
}
