// The swipe divider: a vertical bar with a handle, dragged with a mouse, a pen or a finger
// (pointer events, touch-action: none) or moved with the keyboard (role="separator":
// ←/→ by 2 %, Shift by 10 %, Home/End to the edges).
import { t } from '../i18n';
import { el } from './dom';

export interface Divider {
  element: HTMLElement;
  set(fraction: number): void;
  relabel(): void;
  remove(): void;
}

const STEP = 0.02;
const BIG_STEP = 0.1;

export function mountDivider(container: HTMLElement, initial: number, onChange: (fraction: number) => void): Divider {
  const handle = el('div', { class: 'compare-handle', 'aria-hidden': 'true' }, '◀ ▶');
  const element = el('div', {
    class: 'compare-divider', role: 'separator', tabindex: 0,
    'aria-orientation': 'vertical', 'aria-valuemin': 0, 'aria-valuemax': 100,
  }, handle);
  element.style.cssText = 'position:absolute;top:0;bottom:0;width:24px;margin-left:-12px;z-index:3;cursor:ew-resize;touch-action:none;display:flex;align-items:center;justify-content:center;outline-offset:-4px';
  element.style.background = 'linear-gradient(to right, transparent 10px, #fff 10px, #fff 14px, transparent 14px)';
  handle.style.cssText = 'background:#fff;color:#0b3d6b;border:2px solid #0b3d6b;border-radius:16px;padding:6px 4px;font-size:11px;white-space:nowrap;box-shadow:0 1px 4px rgba(0,0,0,.4);pointer-events:none';
  container.appendChild(element);
  let fraction = initial;

  const place = (value: number) => {
    fraction = Math.min(1, Math.max(0, value));
    element.style.left = `${fraction * 100}%`;
    element.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
    element.setAttribute('aria-valuetext', t('compare.divider_value', { percent: Math.round(fraction * 100) }));
  };
  const move = (value: number) => {
    place(value);
    onChange(fraction);
  };
  const fromPointer = (event: PointerEvent) => {
    const box = container.getBoundingClientRect();
    move((event.clientX - box.left) / box.width);
  };
  followPointer(element, fromPointer);
  element.addEventListener('keydown', (event) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next = { ArrowLeft: fraction - step, ArrowDown: fraction - step, ArrowRight: fraction + step, ArrowUp: fraction + step, Home: 0, End: 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation(); // the map's own arrow-key panning must not run
    move(next);
  });

  const relabel = () => {
    element.setAttribute('aria-label', t('compare.divider'));
    element.title = t('compare.divider_hint');
    place(fraction);
  };
  relabel();
  return { element, set: place, relabel, remove: () => element.remove() };
}

/** Drags with a mouse, a pen or a finger: `onMove` gets every move of the pointer that pressed. */
function followPointer(element: HTMLElement, onMove: (event: PointerEvent) => void): void {
  let dragging: number | null = null;
  element.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    dragging = event.pointerId;
    try {
      element.setPointerCapture(event.pointerId); // keeps the drag when the pointer outruns the bar
    } catch {
      // a pointer the browser no longer tracks: the drag still works while it stays on the bar
    }
    element.focus({ preventScroll: true });
    onMove(event);
  });
  element.addEventListener('pointermove', (event) => {
    if (dragging === event.pointerId) onMove(event);
  });
  const release = (event: PointerEvent) => {
    if (dragging === event.pointerId) dragging = null;
  };
  element.addEventListener('pointerup', release);
  element.addEventListener('pointercancel', release);
}
