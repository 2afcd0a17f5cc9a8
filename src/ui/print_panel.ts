// The print panel: title, page, orientation, resolution, scale, what to include, the three
// outputs (PDF, PNG + world file, GeoTIFF), progress with Cancel and the files made.
// data-state on the panel (idle / rendering / done / cancelled / error) is what tests wait on.
import { t } from '../i18n';
import './print.css';
import { DEFAULT_INCLUDES, DPI_CHOICES, PAGE_NAMES, type PrintIncludes, type PrintOptions } from '../queries/print_page';
import { el } from './dom';

export type PrintFormat = 'pdf' | 'png' | 'tiff';

export interface PrintPanel {
  element: HTMLElement;
  /** The options, or null (with a message shown) when the scale is not a number in range. */
  read(): PrintOptions | null;
  setSummary(text: string): void;
  setProgress(done: number, total: number): void;
  setWriting(): void;
  setFinished(state: 'done' | 'cancelled' | 'error', message: string, files?: Array<{ name: string; url: string }>): void;
}

export interface PanelHandlers {
  change(): void;
  make(format: PrintFormat): void;
  cancel(): void;
}

const PAGE_LABELS: Record<string, string> = { letter: 'Letter', legal: 'Legal', tabloid: 'Tabloid', a4: 'A4', a3: 'A3', a2: 'A2', a1: 'A1', a0: 'A0' };
const INCLUDE_KEYS: Array<[keyof PrintIncludes, string]> = [
  ['legend', 'legend'], ['scaleBar', 'scale_bar'], ['north', 'north'], ['date', 'date'], ['sources', 'sources'], ['ticks', 'ticks'], ['permalink', 'permalink'],
];

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return el('div', { class: 'print-field' }, el('label', { for: id }, label), control);
}

function select(options: Array<[string, string]>, value: string): HTMLSelectElement {
  const element = el('select', {}, ...options.map(([v, label]) => el('option', { value: v }, label)));
  element.value = value;
  return element;
}

export function renderPrintPanel(initial: PrintOptions, handlers: PanelHandlers): PrintPanel {
  const options = optionControls(initial);
  const output = outputControls(handlers);
  const summary = el('p', { class: 'print-summary' });
  const element = el('form', { class: 'print-panel', 'data-state': 'idle', novalidate: true },
    ...options.rows,
    summary,
    el('p', { class: 'print-note' }, t('print.frame_note')),
    ...output.nodes);
  element.addEventListener('submit', (event) => event.preventDefault());
  element.addEventListener('input', () => handlers.change());
  element.addEventListener('change', () => handlers.change());

  return {
    element,
    read() {
      const read = options.read();
      if (!read) output.status.textContent = t('print.bad_scale');
      return read;
    },
    setSummary(text) {
      summary.textContent = text;
    },
    setProgress(done, total) {
      output.setBusy(true);
      element.dataset.state = 'rendering';
      output.progress.max = total;
      output.progress.value = done;
      output.status.textContent = t('print.progress', { done, total });
    },
    setWriting() {
      output.status.textContent = t('print.writing');
    },
    setFinished(state, message, made = []) {
      output.setBusy(false);
      element.dataset.state = state;
      output.status.textContent = message;
      output.files.replaceChildren(...made.map((file) => el('li', {}, el('a', { href: file.url, download: file.name }, file.name))));
    },
  };
}

/** Title, page, orientation, resolution, scale and what to include; read() is null for a bad scale. */
function optionControls(initial: PrintOptions): { rows: HTMLElement[]; read(): PrintOptions | null } {
  const title = el('input', { type: 'text', value: initial.title, maxlength: 120 });
  const page = select(PAGE_NAMES.map((name) => [name, PAGE_LABELS[name] ?? name]), initial.page);
  const orientation = select([['landscape', t('print.landscape')], ['portrait', t('print.portrait')]], initial.orientation);
  const dpi = select(DPI_CHOICES.map((d) => [String(d), t('print.dpi_value', { dpi: d })]), String(initial.dpi));
  const scaleMode = select([['view', t('print.scale_view')], ['custom', t('print.scale_custom')]], initial.scale ? 'custom' : 'view');
  const scaleN = el('input', { type: 'number', min: 100, max: 50_000_000, step: 1, inputmode: 'numeric', value: initial.scale ?? 25000 });
  const boxes = INCLUDE_KEYS.map(([key, label]) => {
    const box = el('input', { type: 'checkbox', id: `print-include-${key}`, checked: initial.include[key] ?? DEFAULT_INCLUDES[key] });
    return { key, box, row: el('div', { class: 'print-check' }, box, el('label', { for: `print-include-${key}` }, t(`print.${label}`))) };
  });
  const customRow = field('print-scale-n', t('print.scale_n'), scaleN);
  const syncScale = () => {
    customRow.hidden = scaleMode.value !== 'custom';
  };
  syncScale();
  scaleMode.addEventListener('change', syncScale);
  const rows = [
    field('print-title', t('print.map_title'), title),
    el('div', { class: 'print-row' }, field('print-page', t('print.page'), page), field('print-orientation', t('print.orientation'), orientation), field('print-dpi', t('print.dpi'), dpi)),
    el('div', { class: 'print-row' }, field('print-scale', t('print.scale'), scaleMode), customRow),
    el('fieldset', { class: 'print-include' }, el('legend', {}, t('print.include')), ...boxes.map((b) => b.row)),
  ];
  const read = (): PrintOptions | null => {
    const n = Number(scaleN.value);
    const custom = scaleMode.value === 'custom';
    if (custom && !(Number.isFinite(n) && n >= 100 && n <= 50_000_000)) return null;
    return {
      title: title.value.trim() || t('print.default_title'),
      page: page.value as PrintOptions['page'],
      orientation: orientation.value as PrintOptions['orientation'],
      dpi: Number(dpi.value),
      scale: custom ? Math.round(n) : null,
      include: Object.fromEntries(boxes.map(({ key, box }) => [key, box.checked])) as unknown as PrintIncludes,
    };
  };
  return { rows, read };
}

/** The three "make" buttons, the progress bar with Cancel, the status line and the files made. */
function outputControls(handlers: PanelHandlers) {
  const status = el('p', { class: 'print-status', role: 'status', 'aria-live': 'polite' });
  const progress = el('progress', { class: 'print-progress', max: 1, value: 0, hidden: true, 'aria-label': t('print.title') });
  const cancel = el('button', { type: 'button', class: 'print-cancel', hidden: true }, t('print.cancel'));
  const files = el('ul', { class: 'print-files' });
  const makers = (['pdf', 'png', 'tiff'] as const).map((format) => {
    const button = el('button', { type: 'button', class: `print-make print-make-${format}` }, t(`print.make_${format}`));
    button.addEventListener('click', () => handlers.make(format));
    return button;
  });
  cancel.addEventListener('click', () => handlers.cancel());
  const setBusy = (busy: boolean) => {
    makers.forEach((button) => (button.disabled = busy));
    cancel.hidden = !busy;
    progress.hidden = !busy;
  };
  return { status, progress, files, setBusy, nodes: [el('div', { class: 'print-actions' }, ...makers), progress, cancel, status, files] };
}
