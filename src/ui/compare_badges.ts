// The date of each side of a comparison, written on the map at the top of each half, on either
// side of the divider ("20 avril 2019" | "11 mai 2019") so both stay in sight when the side sheet
// covers part of the map. While both sides carry a date, the map's single
// time label (top centre, the left's time only) steps aside: the badges say it for each side.
import { t } from '../i18n';
import { el } from './dom';

export interface SideLabel {
  /** The time in the UI language. */
  time: string;
  /** The layer's title in the UI language. */
  title: string;
}

export interface CompareBadges {
  set(left: SideLabel | null, right: SideLabel | null): void;
  place(fraction: number): void;
  remove(): void;
}

/** A half narrower than this (of the map's width) shows no badge: it would not fit. */
const MIN_HALF = 0.15;
/** Gap between a badge and the divider's line, in px (the divider's handle is 24 px wide). */
const GAP = 16;
const STYLE_ID = 'compare-badge-styles';
const CSS = `
.compare-badge {
  position: absolute; top: 10px; z-index: 3; pointer-events: none; max-width: 40%; box-sizing: border-box;
  padding: 3px 10px; border-radius: 12px; background: rgba(20,30,45,0.82); color: #fff;
  font-size: 0.85rem; font-weight: 600; white-space: nowrap; box-shadow: 0 1px 4px rgba(0,0,0,.35);
}
.compare-dates-shown .time-map-label { display: none !important; }
`;

function injectStyles(): void {
  if (document.getElementById(STYLE_ID)) return;
  document.head.appendChild(el('style', { id: STYLE_ID }, CSS));
}

/** `container`: the map's container; `host`: the element that also holds the map's time label. */
export function mountBadges(container: HTMLElement, host: HTMLElement): CompareBadges {
  injectStyles();
  const make = (side: 'left' | 'right') => {
    // Small on the map (the date only); screen readers hear the side and the layer too.
    const time = el('span', { class: 'compare-badge-time', 'aria-hidden': 'true' });
    const badge = el('div', { class: `compare-badge compare-badge-${side}`, 'data-side': side, role: 'note', hidden: true }, time);
    container.appendChild(badge);
    return { badge, time };
  };
  const left = make('left');
  const right = make('right');
  let fraction = 0.5;
  let labels: [SideLabel | null, SideLabel | null] = [null, null];

  const draw = () => {
    const percent = (fraction * 100).toFixed(3);
    left.badge.style.right = `calc(${(100 - fraction * 100).toFixed(3)}% + ${GAP}px)`;
    right.badge.style.left = `calc(${percent}% + ${GAP}px)`;
    const sides: Array<[typeof left, SideLabel | null, number]> = [[left, labels[0], fraction], [right, labels[1], 1 - fraction]];
    for (const [parts, label, width] of sides) {
      parts.badge.hidden = !label || width < MIN_HALF;
      if (!label) continue;
      parts.time.textContent = label.time;
      parts.badge.setAttribute('aria-label', t(`compare.badge_${parts === left ? 'left' : 'right'}`, { layer: label.title, time: label.time }));
    }
    host.classList.toggle('compare-dates-shown', Boolean(labels[0] && labels[1]));
  };

  return {
    set(leftLabel, rightLabel) {
      labels = [leftLabel, rightLabel];
      draw();
    },
    place(value) {
      fraction = value;
      draw();
    },
    remove() {
      left.badge.remove();
      right.badge.remove();
      host.classList.remove('compare-dates-shown');
    },
  };
}
