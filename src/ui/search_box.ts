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
  const label = el('label', { for: 'search-input', class: 'visually-hidden' });
  const input = el('input', {
    id: 'search-input', type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'search-listbox', 'aria-describedby': 'search-status',
  });
  const list = el('ul', { id: 'search-listbox', role: 'listbox', hidden: true });
  const status = el('p', { id: 'search-status', class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const element = el('div', { class: 'search', id: 'search' }, label, input, list, status);
  host.appendChild(element);

  let count = 0;
  let active = -1;
  let focusedOnce = false;
  const relabel = () => {
    label.textContent = t('search.label');
    input.placeholder = t('search.placeholder');
    list.setAttribute('aria-label', t('search.suggestions'));
  };
  const setActive = (index: number) => {
    active = count && index >= 0 ? index % count : -1;
    [...list.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `search-option-${active}`);
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const setOpen = (open: boolean) => {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActive(-1);
  };
  const pick = (index: number) => {
    if (index < 0 || index >= count) return;
    setOpen(false);
    handlers.onPick(index);
  };

  input.addEventListener('focus', () => {
    if (!focusedOnce) handlers.onFirstFocus();
    focusedOnce = true;
  });
  input.addEventListener('input', () => handlers.onQuery(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!count) return;
      if (list.hidden) setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!list.hidden || active >= 0) pick(active >= 0 ? active : 0);
    } else if (event.key === 'Escape') {
      if (!list.hidden) setOpen(false);
      else { input.value = ''; handlers.onQuery(''); }
    }
  });
  input.addEventListener('blur', () => setOpen(false));
  // mousedown would move the focus away and close the list before the click lands.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest('[role="option"]');
    if (option) pick(Number((option as HTMLElement).dataset.index));
  });

  relabel();
  return {
    element,
    show(options, message) {
      count = options.length;
      list.replaceChildren(...options.map((option, index) => renderOption(option, index)));
      status.textContent = message ?? (options.length ? t('search.count', { count: options.length }) : '');
      status.classList.toggle('search-status-problem', Boolean(message && !options.length));
      setOpen(options.length > 0 && document.activeElement === input);
      setActive(-1);
    },
    setValue(text) {
      input.value = text;
    },
    close: () => setOpen(false),
    relabel,
  };
}

function renderOption(option: OptionView, index: number): HTMLElement {
  return el('li', { id: `search-option-${index}`, role: 'option', 'aria-selected': 'false', class: 'search-option', 'data-index': index },
    el('span', { class: 'search-kind' }, option.kind),
    el('span', { class: 'search-text' },
      el('span', { class: 'search-label' }, option.label),
      option.detail ? el('span', { class: 'search-detail' }, option.detail) : null,
      option.note ? el('span', { class: 'search-note' }, option.note) : null));
}
