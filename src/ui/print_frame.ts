// The on-screen frame of the print: a dashed rectangle over the map (the rest dimmed) showing
// what the page's map frame will hold. Positioned by the caller in map-container pixels.
import { el } from './dom';

export interface PrintFrame {
  place(box: { left: number; top: number; width: number; height: number }): void;
  remove(): void;
}

export function mountPrintFrame(mapContainer: HTMLElement): PrintFrame {
  const frame = el('div', { class: 'print-frame', 'aria-hidden': 'true' });
  mapContainer.appendChild(frame);
  return {
    place({ left, top, width, height }) {
      frame.style.left = `${left}px`;
      frame.style.top = `${top}px`;
      frame.style.width = `${width}px`;
      frame.style.height = `${height}px`;
    },
    remove: () => frame.remove(),
  };
}
