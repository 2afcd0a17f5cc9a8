// On phones the side sheet is a bottom sheet: it opens half-way (the map keeps more than half
// of the screen) and its grip drags it anywhere between a peek and almost full height; a tap
// (or Enter/Space) on the grip toggles half ↔ full. On wide screens the grip is hidden (CSS).
import { t } from '../i18n';
import { el } from './dom';

/** Heights as fractions of the viewport height. */
export const SHEET_HALF = 0.38;
const SHEET_FULL = 0.85;
const SHEET_MIN = 0.15;
const TAP_TOLERANCE_PX = 6;

export interface SheetGrip {
  element: HTMLButtonElement;
  /** Back to half-open (each time the sheet opens with new content). */
  reset(): void;
  relabel(): void;
}

export function sheetGrip(sheet: HTMLElement): SheetGrip {
  const grip = el('button', { type: 'button', class: 'sheet-grip', 'aria-expanded': 'false' }, el('span', { class: 'sheet-grip-bar', 'aria-hidden': 'true' }));
  const setHeight = (fraction: number) => {
    sheet.style.setProperty('--sheet-height', `${Math.round(fraction * window.innerHeight)}px`);
    grip.setAttribute('aria-expanded', String(fraction > SHEET_HALF + 0.01));
    sheet.dataset.sheetSize = fraction > SHEET_HALF + 0.01 ? 'full' : fraction < SHEET_HALF - 0.01 ? 'peek' : 'half';
  };
  let start: { y: number; height: number } | null = null;
  let moved = false;
  grip.addEventListener('pointerdown', (event) => {
    start = { y: event.clientY, height: sheet.getBoundingClientRect().height };
    moved = false;
    grip.setPointerCapture(event.pointerId);
  });
  grip.addEventListener('pointermove', (event) => {
    if (!start) return;
    const delta = start.y - event.clientY;
    if (Math.abs(delta) > TAP_TOLERANCE_PX) moved = true;
    if (!moved) return;
    const fraction = (start.height + delta) / window.innerHeight;
    setHeight(Math.min(SHEET_FULL, Math.max(SHEET_MIN, fraction)));
  });
  const endDrag = () => { start = null; };
  grip.addEventListener('pointerup', endDrag);
  grip.addEventListener('pointercancel', endDrag);
  grip.addEventListener('click', () => {
    if (moved) {
      moved = false;
      return;
    }
    setHeight(sheet.dataset.sheetSize === 'full' ? SHEET_HALF : SHEET_FULL);
  });
  const relabel = () => grip.setAttribute('aria-label', t('sheet.resize'));
  relabel();
  return { element: grip, reset: () => setHeight(SHEET_HALF), relabel };
}
