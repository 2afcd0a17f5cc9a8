// The map's time control: a slider over the layer's actual times (one step per distinct value,
// native <input type="range"> for keyboard and screen readers: arrows, Home/End, PageUp/Down,
// aria-valuetext with the time in words), a range mode with start and end sliders, play/pause
// and speed; with several time layers visible, a select of which one the slider drives. It only
// reports choices; the time feature owns the state.
import type { Lang } from '../catalogue/types';
import { t } from '../i18n';
import type { TimeKind } from '../queries/time_values';
import type { TimeSelection } from '../state/time_state';
import { el } from './dom';
import { formatSelection, formatTime } from './time_format';
import { injectTimeStyles } from './time_styles';
import { fittingTicks } from './time_ticks';

export interface TimeControlModel {
  layerId: string;
  title: string;
  kind: TimeKind;
  values: string[];
  selection: TimeSelection;
  playing: boolean;
  /** Steps per second. */
  speed: number;
  lang: Lang;
  /** false for a series (one image at a time): no range mode. */
  allowRange: boolean;
  /** The visible time layers the slider can drive (top first); a select when more than one. */
  choices: Array<{ id: string; title: string }>;
}

export interface TimeControlActions {
  select(selection: TimeSelection): void;
  play(on: boolean): void;
  speed(stepsPerSecond: number): void;
  /** Drive another visible time layer. */
  drive(layerId: string): void;
}

export const SPEEDS = [0.5, 1, 2, 4];
/** Pixels: the first tick label starts this far left of its step, the last ends this far right (time_styles.ts). */
const TICK_EDGE_INSET = 8;
const TICK_GAP = 6;

export interface TimeControl {
  element: HTMLElement;
  update(model: TimeControlModel): void;
}

export function mountTimeControl(host: HTMLElement, actions: TimeControlActions): TimeControl {
  injectTimeStyles();
  const element = el('section', { id: 'time-control', class: 'time-control' });
  host.appendChild(element);
  let signature = '';
  let parts: Parts | null = null;
  return {
    element,
    update(model) {
      const next = JSON.stringify([model.layerId, model.values, model.lang, model.selection.mode, model.choices]);
      if (next !== signature || !parts) {
        signature = next;
        parts = build(element, model, actions);
      }
      refresh(parts, model);
    },
  };
}

interface Parts {
  current: HTMLOutputElement;
  play: HTMLButtonElement;
  speed: HTMLSelectElement;
  mode: HTMLButtonElement;
  sliders: HTMLInputElement[];
}

function build(element: HTMLElement, model: TimeControlModel, actions: TimeControlActions): Parts {
  const range = model.selection.mode === 'range';
  element.setAttribute('aria-label', t('time.control_label', { layer: model.title }));
  const current = el('output', { class: 'time-current', 'aria-live': 'polite' });
  const play = el('button', { type: 'button', class: 'time-play' });
  const speed = el('select', { class: 'time-speed', 'aria-label': t('time.speed') },
    ...SPEEDS.map((s) => el('option', { value: s }, `${String(s).replace('.', model.lang === 'fr' ? ',' : '.')}×`)));
  const mode = el('button', { type: 'button', class: 'time-mode', 'aria-pressed': range ? 'true' : 'false' }, t('time.range_mode'));
  mode.hidden = !model.allowRange;
  const names = range ? [t('time.from'), t('time.to')] : [t('time.slider')];
  const sliders = names.map((name) => el('input', {
    type: 'range', class: 'time-slider', min: 0, max: Math.max(0, model.values.length - 1), step: 1, 'aria-label': name,
  }));
  const valueAt = (input: HTMLInputElement) => model.values[Number(input.value)] ?? model.values[0] ?? '';
  sliders.forEach((slider, i) => slider.addEventListener('input', () => {
    if (!range) return actions.select({ mode: 'single', value: valueAt(slider) });
    // The two ends never cross: moving one past the other moves both.
    const from = Number(sliders[0]!.value);
    const to = Number(sliders[1]!.value);
    const [a, b] = i === 0 ? [from, Math.max(from, to)] : [Math.min(from, to), to];
    actions.select({ mode: 'range', from: model.values[a] ?? '', to: model.values[b] ?? '' });
  }));
  play.addEventListener('click', () => actions.play(play.getAttribute('aria-pressed') !== 'true'));
  speed.addEventListener('change', () => actions.speed(Number(speed.value)));
  mode.addEventListener('click', () => {
    const first = model.values[0] ?? '';
    const last = model.values[model.values.length - 1] ?? '';
    const now = model.selection;
    // Range → single keeps the range's end (the latest shown), not its start (which jumped to 1980).
    actions.select(now.mode === 'range' ? { mode: 'single', value: now.to } : { mode: 'range', from: first, to: now.value === first ? last : now.value });
  });
  const rows = sliders.map((slider, i) => el('label', { class: 'time-slider-row' },
    range ? el('span', { class: 'time-slider-name' }, names[i]) : null, slider));
  element.replaceChildren(
    el('div', { class: 'time-head' },
      layerChooser(model, actions), current),
    el('div', { class: 'time-body' },
      el('div', { class: 'time-buttons' }, play, speed),
      el('div', { class: 'time-sliders' }, ...rows, ticks(model)),
      mode),
  );
  return { current, play, speed, mode, sliders };
}

function refresh(parts: Parts, model: TimeControlModel): void {
  const { selection, values, kind, lang } = model;
  parts.current.textContent = formatSelection(kind, selection, lang);
  const positions = selection.mode === 'range' ? [selection.from, selection.to] : [selection.value];
  parts.sliders.forEach((slider, i) => {
    const index = Math.max(0, values.indexOf(positions[i] ?? ''));
    if (Number(slider.value) !== index) slider.value = String(index);
    slider.setAttribute('aria-valuetext', formatTime(kind, values[index] ?? '', lang));
  });
  parts.play.setAttribute('aria-pressed', model.playing ? 'true' : 'false');
  parts.play.setAttribute('aria-label', model.playing ? t('time.pause') : t('time.play'));
  parts.play.textContent = model.playing ? '❚❚' : '▶';
  parts.play.disabled = values.length < 2;
  parts.speed.value = String(model.speed);
}

/** The driven layer's title, or a select of the visible time layers when there are several. */
function layerChooser(model: TimeControlModel, actions: TimeControlActions): HTMLElement {
  if (model.choices.length < 2) return el('span', { class: 'time-layer' }, model.title);
  const select = el('select', { class: 'time-layer-select', 'aria-label': t('time.layer_choice') },
    ...model.choices.map((choice) => el('option', { value: choice.id, selected: choice.id === model.layerId }, choice.title)));
  select.addEventListener('change', () => actions.drive(select.value));
  return select;
}

/** Labels under the slider, at the positions of their steps; those that would touch are hidden once laid out. */
function ticks(model: TimeControlModel): HTMLElement {
  const n = model.values.length;
  const box = el('div', { class: 'time-ticks', 'aria-hidden': 'true' });
  model.values.forEach((value, i) => {
    const tick = el('span', { class: 'time-tick' }, formatTime(model.kind, value, model.lang, true));
    tick.style.left = `${n > 1 ? (100 * i) / (n - 1) : 0}%`;
    box.appendChild(tick);
  });
  // Widths exist only once the control is shown (and change with the window): lay out then.
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => thinTicks(box)).observe(box);
  return box;
}

/** Hides the tick labels that would overlap, measured in the page. */
export function thinTicks(box: HTMLElement): void {
  const labels = [...box.children] as HTMLElement[];
  const trackWidth = box.clientWidth;
  if (trackWidth === 0) return;
  const n = labels.length;
  const widths = labels.map((label) => {
    label.hidden = false;
    return label.getBoundingClientRect().width;
  });
  const kept = new Set(fittingTicks(widths.map((width, i) => ({ position: n > 1 ? i / (n - 1) : 0, width })),
    { trackWidth, edgeInset: TICK_EDGE_INSET, gap: TICK_GAP }));
  labels.forEach((label, i) => {
    label.hidden = !kept.has(i);
  });
}
