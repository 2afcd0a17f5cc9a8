// The basemap switcher: a button at a map corner opens a radio group of basemaps with thumbnails,
// plus "no basemap". Arrow keys move and choose (WAI-ARIA radio group), Escape closes.
// A MapLibre-style control (onAdd → element, onRemove), so it needs no place in the header.
import './basemap_switcher.css';
import { t } from '../i18n';
import { el } from './dom';
import { thumbnail, type ThumbnailPalette } from './basemap_thumbnail';

export interface BasemapChoice {
  /** Basemap id, or the switcher's NONE id for "no basemap". */
  id: string;
  label: string;
  synthetic: boolean;
  palette: ThumbnailPalette | null;
}

export interface SwitcherOptions {
  choices: BasemapChoice[];
  selected: string;
  onChoose(id: string): void;
}

export class BasemapSwitcherControl {
  private readonly root = el('div', { class: 'maplibregl-ctrl basemap-switcher', id: 'basemap-switcher' });
  private readonly button = el('button', { type: 'button', class: 'basemap-switcher-button', 'aria-expanded': 'false', 'aria-controls': 'basemap-options' });
  private readonly group = el('div', { id: 'basemap-options', class: 'basemap-options', role: 'radiogroup', hidden: true });

  constructor(private options: SwitcherOptions) {
    this.root.append(this.button, this.group);
    this.button.addEventListener('click', () => this.setOpen(this.group.hidden));
    this.group.addEventListener('keydown', (event) => this.onKey(event));
    this.render();
  }

  onAdd(): HTMLElement {
    return this.root;
  }

  onRemove(): void {
    this.root.remove();
  }

  update(options: Partial<SwitcherOptions>): void {
    this.options = { ...this.options, ...options };
    this.render();
  }

  /** Opens the list with the chosen basemap focused (the "low detail" note links here). */
  open(): void {
    this.setOpen(true);
    this.radios().find((radio) => radio.getAttribute('aria-checked') === 'true')?.focus();
  }

  private render(): void {
    const current = this.options.choices.find((choice) => choice.id === this.options.selected);
    this.button.replaceChildren(
      el('span', { class: 'basemap-switcher-icon', 'aria-hidden': 'true' }, '▦'),
      el('span', { class: 'basemap-switcher-label' }, t('basemap.button')),
    );
    this.button.title = current ? `${t('basemap.button')} : ${current.label}` : t('basemap.button');
    this.button.setAttribute('aria-label', this.button.title);
    this.group.setAttribute('aria-label', t('basemap.group_label'));
    const hadFocus = this.group.contains(document.activeElement);
    this.group.replaceChildren(...this.options.choices.map((choice) => this.option(choice)));
    // a redraw (the app confirming the choice) must not drop the keyboard focus
    if (hadFocus) this.radios().find((radio) => radio.tabIndex === 0)?.focus();
  }

  private option(choice: BasemapChoice): HTMLElement {
    const checked = choice.id === this.options.selected;
    const radio = el('div', {
      role: 'radio', class: 'basemap-option', 'aria-checked': String(checked), tabindex: checked ? 0 : -1, 'data-basemap-id': choice.id,
    });
    radio.append(thumbnail(choice.palette), el('span', { class: 'basemap-option-label' }, choice.label));
    if (choice.synthetic) radio.append(el('span', { class: 'basemap-option-note' }, t('basemap.synthetic')));
    radio.addEventListener('click', () => this.choose(choice.id));
    return radio;
  }

  private radios(): HTMLElement[] {
    return [...this.group.querySelectorAll<HTMLElement>('[role="radio"]')];
  }

  private choose(id: string): void {
    if (id !== this.options.selected) this.options.onChoose(id);
    this.options = { ...this.options, selected: id };
    this.render();
  }

  private onKey(event: KeyboardEvent): void {
    const radios = this.radios();
    const index = radios.findIndex((radio) => radio === document.activeElement);
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (step !== undefined && index >= 0) {
      event.preventDefault();
      const next = radios[(index + step + radios.length) % radios.length]!;
      this.choose(next.dataset.basemapId!);
    } else if ((event.key === ' ' || event.key === 'Enter') && index >= 0) {
      event.preventDefault();
      this.choose(radios[index]!.dataset.basemapId!);
    } else if (event.key === 'Escape') {
      this.setOpen(false);
      this.button.focus();
    }
  }

  private setOpen(open: boolean): void {
    this.group.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) this.radios().find((radio) => radio.tabIndex === 0)?.focus();
  }
}
