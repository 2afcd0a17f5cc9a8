// The search box: an ARIA 1.2 combobox (input + listbox popup) driven by the keyboard
// (Down/Up move, Enter picks, Escape closes then clears) and by the mouse.
// It only displays what it is given; the search feature decides what to suggest.
import './search_box.css';
import { t } from '../i18n';
import { el } from './dom';

export interface OptionView {
  /** Short kind tag shown before the label ("Lieu", "Adresse"…). */
  kind: string;
  label: string;
  detail?: string;
  /** A visible remark under the option (e.g. which coordinate order was assumed). */
  note?: string;
}

export interface SearchBoxHandlers {
  onFirstFocus(): void;
  onQuery(text: string): void;
  onPick(index: number): void;
}

export interface SearchBox {
  element: HTMLElement;
  /** Shows options (empty list closes the popup) and an optional status message. */
  show(options: OptionView[], message?: string): void;
  setValue(text: string): void;
  close(): void;
  relabel(): void;
}

export function mountSearchBox(host: HTMLElement, handlers: SearchBoxHandlers): SearchBox {
  const box = new SearchCombobox(handlers);
  const standIn = document.getElementById(box.element.id);
  if (standIn) box.takeOver(standIn);
  else host.appendChild(box.element);
  return box;
}

/**
 * The box of the first view, before the search code is loaded (app/features.ts): the same box,
 * which calls `use` when focused or typed in; the search feature's box then takes its place.
 */
export function mountSearchStandIn(host: HTMLElement, use: () => void): SearchBox {
  return mountSearchBox(host, { onFirstFocus: use, onQuery: use, onPick: () => {} });
}

class SearchCombobox implements SearchBox {
  private readonly label = el('label', { for: 'search-input', class: 'visually-hidden' });
  private readonly input = el('input', {
    id: 'search-input', type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'search-listbox', 'aria-describedby': 'search-status',
  });
  private readonly list = el('ul', { id: 'search-listbox', role: 'listbox', hidden: true });
  private readonly status = el('p', { id: 'search-status', class: 'search-status', role: 'status', 'aria-live': 'polite' });
  readonly element = el('div', { class: 'search', id: 'search' }, this.label, this.input, this.list, this.status);
  private count = 0;
  private active = -1;
  private focusedOnce = false;

  constructor(private readonly handlers: SearchBoxHandlers) {
    const { input, list } = this;
    input.addEventListener('focus', () => {
      if (!this.focusedOnce) handlers.onFirstFocus();
      this.focusedOnce = true;
    });
    input.addEventListener('input', () => handlers.onQuery(input.value));
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('blur', () => this.setOpen(false));
    // mousedown would move the focus away and close the list before the click lands.
    list.addEventListener('mousedown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const option = (event.target as Element).closest('[role="option"]');
      if (option) this.pick(Number((option as HTMLElement).dataset.index));
    });
    this.relabel();
  }

  /**
   * Takes the stand-in's place with what the user did there: its text now, its focus and its
   * query once the feature has its box (the handlers use it: after mountSearchBox returns).
   */
  takeOver(standIn: HTMLElement): void {
    const previous = standIn.querySelector('input');
    const focused = previous !== null && document.activeElement === previous;
    const text = previous?.value ?? '';
    standIn.replaceWith(this.element);
    this.input.value = text;
    if (focused) {
      this.focusedOnce = true; // its first focus is told below, with the query
      this.input.focus({ preventScroll: true });
    }
    queueMicrotask(() => {
      if (focused) this.handlers.onFirstFocus();
      if (text) this.handlers.onQuery(this.input.value);
    });
  }

  show(options: OptionView[], message?: string): void {
    this.count = options.length;
    this.list.replaceChildren(...options.map((option, index) => renderOption(option, index)));
    this.status.textContent = message ?? (options.length ? t('search.count', { count: options.length }) : '');
    this.status.classList.toggle('search-status-problem', Boolean(message && !options.length));
    this.setOpen(options.length > 0 && document.activeElement === this.input);
    this.setActive(-1);
  }

  setValue(text: string): void {
    this.input.value = text;
  }

  close(): void {
    this.setOpen(false);
  }

  relabel(): void {
    this.label.textContent = t('search.label');
    this.input.placeholder = t('search.placeholder');
    this.list.setAttribute('aria-label', t('search.suggestions'));
  }

  private onKey(event: KeyboardEvent): void {
    const { count, active, list } = this;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!count) return;
      if (list.hidden) this.setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!list.hidden || active >= 0) this.pick(active >= 0 ? active : 0);
    } else if (event.key === 'Escape') {
      if (!list.hidden) this.setOpen(false);
      else {
        this.input.value = '';
        this.handlers.onQuery('');
      }
    }
  }

  private setActive(index: number): void {
    const { list, input } = this;
    this.active = this.count && index >= 0 ? index % this.count : -1;
    [...list.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === this.active)));
    if (this.active >= 0) {
      input.setAttribute('aria-activedescendant', `search-option-${this.active}`);
      list.children[this.active]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  private setOpen(open: boolean): void {
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (!open) this.setActive(-1);
  }

  private pick(index: number): void {
    if (index < 0 || index >= this.count) return;
    this.setOpen(false);
    this.handlers.onPick(index);
  }
}

function renderOption(option: OptionView, index: number): HTMLElement {
  return el('li', { id: `search-option-${index}`, role: 'option', 'aria-selected': 'false', class: 'search-option', 'data-index': index },
    el('span', { class: 'search-kind' }, option.kind),
    el('span', { class: 'search-text' },
      el('span', { class: 'search-label' }, option.label),
      option.detail ? el('span', { class: 'search-detail' }, option.detail) : null,
      option.note ? el('span', { class: 'search-note' }, option.note) : null));
}
