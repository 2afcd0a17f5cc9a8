// The measure tool in the side sheet: Distance / Area buttons, how to draw, the result and a
// Copy button (clipboard API; where it is refused, the text is selected for Ctrl+C).
import { t } from '../i18n';
import { el } from './dom';
import type { MeasureKind } from './measure_calc';

export interface MeasurePanel {
  element: HTMLElement;
  setResult(text: string, drawing: boolean): void;
  setActive(kind: MeasureKind | null): void;
}

const BUTTON_STYLE = 'padding:6px 10px;margin-right:6px;min-height:36px';

export function renderMeasurePanel(start: (kind: MeasureKind) => void): MeasurePanel {
  const distance = el('button', { type: 'button', class: 'measure-distance', 'aria-pressed': 'false', style: BUTTON_STYLE }, t('measure.distance'));
  const areaButton = el('button', { type: 'button', class: 'measure-area', 'aria-pressed': 'false', style: BUTTON_STYLE }, t('measure.area'));
  const help = el('p', { class: 'measure-help', style: 'font-size:0.85rem;margin:8px 0' }, t('measure.help'));
  const result = el('output', { class: 'measure-result', 'aria-live': 'polite', style: 'display:block;font-size:1.05rem;font-weight:600;margin:8px 0;white-space:pre-line;user-select:text' });
  const copy = el('button', { type: 'button', class: 'measure-copy', disabled: true, style: BUTTON_STYLE }, t('measure.copy'));
  const copied = el('span', { class: 'measure-copied', role: 'status', style: 'font-size:0.85rem' });
  distance.addEventListener('click', () => start('distance'));
  areaButton.addEventListener('click', () => start('area'));
  copy.addEventListener('click', () => void copyText(result, copied));

  return {
    element: el('div', { class: 'measure-panel' }, el('div', {}, distance, areaButton), help, result, el('div', {}, copy, ' ', copied)),
    setResult(text, drawing) {
      result.textContent = text;
      copy.disabled = text === '' || drawing;
      copied.textContent = '';
    },
    setActive(kind) {
      distance.setAttribute('aria-pressed', String(kind === 'distance'));
      areaButton.setAttribute('aria-pressed', String(kind === 'area'));
    },
  };
}

async function copyText(result: HTMLElement, status: HTMLElement): Promise<void> {
  const text = result.textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = t('measure.copied');
  } catch {
    // No clipboard permission (e.g. an http page or a strict browser): select it for Ctrl+C.
    const range = document.createRange();
    range.selectNodeContents(result);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    status.textContent = t('measure.selected');
  }
}
