// The header's tool buttons, declared in one list.
//
// HOW TO ADD A TOOL: add one entry to TOOLS below (the button's id, an icon from
// toolbar_icons.ts, the i18n key of its label, a priority), then in the feature create the
// button and hand it over with `addTool(context.toolbar, button)` instead of appendChild.
// The toolbar gives it its icon and label (and relabels it when the language changes: do not
// set the button's textContent yourself), and places it by priority:
//   1 — always in the row (on phones as an icon, its label kept for screen readers);
//   2 — in the row from 1024 px wide, in the "Plus / More" menu below that;
//   3 — always in the "Plus / More" menu.
// A button whose id has no entry lands at the end of the "More" menu with its own text.
import { t } from '../i18n';
import { el } from './dom';
import { toolIcon } from './toolbar_icons';
import './toolbar.css';

export interface ToolEntry {
  id: string;
  icon: string;
  /** i18n key of the visible label. */
  label: string;
  priority: 1 | 2 | 3;
}

export const TOOLS: readonly ToolEntry[] = [
  { id: 'verdict-button', icon: 'flood', label: 'verdict.button', priority: 1 },
  { id: 'aoi-toolbar-button', icon: 'area', label: 'aoi.button', priority: 2 },
  { id: 'add-data-button', icon: 'add', label: 'add_data.button', priority: 3 },
  { id: 'measure-button', icon: 'ruler', label: 'measure.button', priority: 3 },
  { id: 'compare-button', icon: 'compare', label: 'compare.button', priority: 3 },
  { id: 'series-button', icon: 'chart', label: 'series.button', priority: 3 },
  { id: 'print-button', icon: 'print', label: 'print.button', priority: 3 },
  { id: 'offline-button', icon: 'offline', label: 'offline.button', priority: 3 },
  { id: 'gps-button', icon: 'locate', label: 'gps.button', priority: 3 },
];

const WIDE = '(min-width: 1024px)';
const ROW_ID = 'tool-row';
const MENU_ID = 'tools-more-list';

/** Builds the row and the "More" menu inside the header's #toolbar (once). */
export function mountToolbar(toolbar: HTMLElement): void {
  if (document.getElementById(ROW_ID)) return;
  const row = el('div', { id: ROW_ID, class: 'tool-row' });
  const more = el('button', { type: 'button', id: 'tools-more-button', class: 'tool-button', 'aria-expanded': 'false', 'aria-controls': MENU_ID });
  more.append(toolIcon('more'), el('span', { class: 'tool-label' }));
  const list = el('div', { id: MENU_ID, class: 'tools-more-list', hidden: true });
  toolbar.append(row, el('div', { class: 'tools-more' }, more, list));
  const setOpen = (open: boolean) => {
    list.hidden = !open;
    more.setAttribute('aria-expanded', String(open));
  };
  more.addEventListener('click', () => setOpen(list.hidden));
  list.addEventListener('click', (event) => {
    if ((event.target as Element).closest('button')) setOpen(false);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || list.hidden) return;
    setOpen(false);
    more.focus();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!list.hidden && !(event.target as Element).closest('.tools-more')) setOpen(false);
  });
  window.matchMedia(WIDE).addEventListener('change', placeAll);
  relabelTools();
}

/** Puts a feature's button where its TOOLS entry says, with its icon and label. */
export function addTool(toolbar: HTMLElement, button: HTMLButtonElement): HTMLButtonElement {
  mountToolbar(toolbar);
  const entry = TOOLS.find((candidate) => candidate.id === button.id);
  button.classList.add('tool-button');
  if (entry) {
    button.dataset.priority = String(entry.priority);
    button.replaceChildren(toolIcon(entry.icon), el('span', { class: 'tool-label' }, t(entry.label)));
  }
  place(button);
  return button;
}

/** Gives every declared tool (and the "More" button) its label in the current language. */
export function relabelTools(): void {
  const more = document.getElementById('tools-more-button');
  const moreLabel = more?.querySelector('.tool-label');
  if (moreLabel) moreLabel.textContent = t('toolbar.more');
  document.getElementById(MENU_ID)?.setAttribute('aria-label', t('toolbar.more'));
  document.getElementById(ROW_ID)?.setAttribute('aria-label', t('toolbar.tools'));
  for (const entry of TOOLS) {
    const label = document.getElementById(entry.id)?.querySelector('.tool-label');
    if (label) label.textContent = t(entry.label);
  }
}

function placeAll(): void {
  for (const entry of TOOLS) {
    const button = document.getElementById(entry.id);
    if (button instanceof HTMLButtonElement) place(button);
  }
}

/** Row or menu, keeping TOOLS order inside each (unknown tools last). */
function place(button: HTMLButtonElement): void {
  const entry = TOOLS.find((candidate) => candidate.id === button.id);
  const inRow = entry !== undefined && (entry.priority === 1 || (entry.priority === 2 && window.matchMedia(WIDE).matches));
  const parent = document.getElementById(inRow ? ROW_ID : MENU_ID)!;
  const rank = (node: Element) => {
    const index = TOOLS.findIndex((candidate) => candidate.id === node.id);
    return index < 0 ? TOOLS.length : index;
  };
  const before = [...parent.children].find((node) => node !== button && rank(node) > rank(button));
  parent.insertBefore(button, before ?? null);
}
