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
  /** i18n key of the tooltip (set and relabelled by the toolbar). */
  title?: string;
  /** A button that stays pressed while its tool is on (aria-pressed, false until the tool says). */
  toggle?: boolean;
  /** A button that opens a panel (aria-expanded, false until the tool says; its stand-in too). */
  expands?: boolean;
}

export const TOOLS: readonly ToolEntry[] = [
  { id: 'verdict-button', icon: 'flood', label: 'verdict.button', priority: 1, title: 'verdict.button_title' },
  { id: 'aoi-toolbar-button', icon: 'area', label: 'aoi.button', priority: 2, expands: true },
  { id: 'add-data-button', icon: 'add', label: 'add_data.button', priority: 3, title: 'add_data.button_title' },
  { id: 'measure-button', icon: 'ruler', label: 'measure.button', priority: 3, title: 'measure.button_title' },
  { id: 'compare-button', icon: 'compare', label: 'compare.button', priority: 3, title: 'compare.button_title', toggle: true },
  { id: 'series-button', icon: 'chart', label: 'series.button', priority: 3, toggle: true },
  { id: 'print-button', icon: 'print', label: 'print.button', priority: 3, title: 'print.button_title' },
  { id: 'offline-button', icon: 'offline', label: 'offline.button', priority: 3, title: 'offline.button_title' },
  { id: 'gps-button', icon: 'locate', label: 'gps.button', priority: 3, title: 'gps.button_title' },
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

/**
 * Puts a feature's button where its TOOLS entry says, with its icon, label and tooltip. A button
 * already there with the same id (the stand-in of a feature loaded on first use) gives way.
 */
export function addTool(toolbar: HTMLElement, button: HTMLButtonElement): HTMLButtonElement {
  mountToolbar(toolbar);
  const entry = TOOLS.find((candidate) => candidate.id === button.id);
  button.classList.add('tool-button');
  if (entry) {
    button.dataset.priority = String(entry.priority);
    button.replaceChildren(toolIcon(entry.icon), el('span', { class: 'tool-label' }, t(entry.label)));
    if (entry.title) button.title = t(entry.title);
    if (entry.toggle && !button.hasAttribute('aria-pressed')) button.setAttribute('aria-pressed', 'false');
    if (entry.expands && !button.hasAttribute('aria-expanded')) button.setAttribute('aria-expanded', 'false');
  }
  const standIn = document.getElementById(button.id);
  if (standIn && standIn !== button) {
    const focused = document.activeElement === standIn;
    standIn.replaceWith(button);
    if (focused) button.focus();
  } else place(button);
  return button;
}

/** The tool button with this id: the one on the page (e.g. a stand-in), else a new one placed by addTool. */
export function toolButton(toolbar: HTMLElement, id: string): HTMLButtonElement {
  const existing = document.getElementById(id);
  return existing instanceof HTMLButtonElement ? existing : addTool(toolbar, el('button', { type: 'button', id }));
}

/** Gives every declared tool (and the "More" button) its label in the current language. */
export function relabelTools(): void {
  const more = document.getElementById('tools-more-button');
  const moreLabel = more?.querySelector('.tool-label');
  if (moreLabel) moreLabel.textContent = t('toolbar.more');
  document.getElementById(MENU_ID)?.setAttribute('aria-label', t('toolbar.more'));
  document.getElementById(ROW_ID)?.setAttribute('aria-label', t('toolbar.tools'));
  for (const entry of TOOLS) {
    const button = document.getElementById(entry.id);
    const label = button?.querySelector('.tool-label');
    if (label) label.textContent = t(entry.label);
    if (button && entry.title) button.title = t(entry.title);
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
