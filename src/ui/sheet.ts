// A side sheet beside the map for results; one content at a time, closable, keyboard-friendly.
import { t } from '../i18n';
import { el } from './dom';
import { sheetGrip } from './sheet_drag';

export interface Sheet {
  /** Shows content under a title; returns the content element's container. */
  open(title: string, content: Node, options?: { id?: string; focus?: boolean }): HTMLElement;
  close(): void;
  /** The id given to open(), or null when closed. */
  current(): string | null;
}

export function mountSheet(container: HTMLElement): Sheet {
  const heading = el('h2', { id: 'side-sheet-title' });
  const body = el('div', { class: 'side-sheet-body' });
  const close = el('button', { type: 'button', class: 'icon-button side-sheet-close' }, '×');
  const sheet = el('aside', { id: 'side-sheet', 'aria-labelledby': 'side-sheet-title', hidden: true, tabindex: -1 });
  const grip = sheetGrip(sheet);
  sheet.append(grip.element, el('div', { class: 'side-sheet-head' }, heading, close), body);
  let currentId: string | null = null;
  const hide = () => {
    sheet.hidden = true;
    currentId = null;
    delete document.body.dataset.sheet;
    body.replaceChildren();
  };
  close.addEventListener('click', hide);
  sheet.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  container.appendChild(sheet);
  return {
    open(title, content, options = {}) {
      close.setAttribute('aria-label', t('info.close'));
      heading.textContent = title;
      grip.relabel();
      if (currentId !== (options.id ?? '')) grip.reset();
      body.replaceChildren(content);
      sheet.hidden = false;
      sheet.dataset.content = options.id ?? '';
      currentId = options.id ?? '';
      // What is open, for styles that make room for it (e.g. the time bar hides under the flood answer).
      document.body.dataset.sheet = currentId;
      if (options.focus !== false && !typingElsewhere(sheet)) sheet.focus();
      return body;
    },
    close: hide,
    current: () => currentId,
  };
}

/** Results that arrive late must not pull the caret out of a field the user is typing in. */
function typingElsewhere(sheet: HTMLElement): boolean {
  const active = document.activeElement;
  const typing = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement;
  return typing && !sheet.contains(active);
}
