// The quiet note shown when the offline basemap is past the zoom its data supports, or when a
// vector basemap has nothing here, with a link that opens the basemap switcher. A MapLibre-style
// control, like the switcher.
import { t } from '../i18n';
import { el } from './dom';

/** low-detail: the offline basemap past its zoom; no-coverage: the basemap has no data here. */
export type NoteReason = 'low-detail' | 'no-coverage';

export class BasemapDetailNote {
  private readonly root = el('div', { class: 'maplibregl-ctrl basemap-detail-note', id: 'basemap-detail-note', role: 'status', hidden: true });

  constructor(private readonly openSwitcher: () => void) {
    this.render();
  }

  onAdd(): HTMLElement {
    return this.root;
  }

  onRemove(): void {
    this.root.remove();
  }

  private reason: NoteReason | null = null;

  show(reason: NoteReason | null): void {
    if (reason === this.reason) return;
    this.reason = reason;
    this.root.hidden = reason === null;
    this.root.dataset.reason = reason ?? '';
    this.render();
  }

  render(): void {
    const link = el('button', { type: 'button' }, t('basemap.choose'));
    link.addEventListener('click', () => this.openSwitcher());
    const text = this.reason === 'no-coverage' ? t('basemap.no_coverage') : t('basemap.low_detail');
    this.root.replaceChildren(el('span', {}, text), link);
  }
}
