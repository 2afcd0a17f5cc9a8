// The current time written on the map (top centre), so screenshots and printed maps say when.
import { el } from './dom';
import { injectTimeStyles } from './time_styles';

export interface TimeLabel {
  element: HTMLElement;
  show(time: string, layerTitle: string): void;
  hide(): void;
}

export function mountTimeLabel(host: HTMLElement): TimeLabel {
  injectTimeStyles();
  const time = el('span', { class: 'time-map-label-time' });
  const layer = el('small');
  const label = el('div', { id: 'time-label', class: 'time-map-label', hidden: true }, time, layer);
  host.appendChild(label);
  return {
    element: label,
    show(text, title) {
      time.textContent = text;
      layer.textContent = title;
      label.hidden = false;
    },
    hide() {
      label.hidden = true;
    },
  };
}
