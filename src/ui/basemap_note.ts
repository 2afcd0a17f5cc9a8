// The quiet note shown when the offline basemap is past the zoom its data supports, with a link
// that opens the basemap switcher. A MapLibre-style control, like the switcher.
import { t } from '../i18n';
import { el } from './dom';

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

  show(visible: boolean): void {
    this.root.hidden = !visible;
    this.root.dataset.visible = String(visible);
  }

  render(): void {
    const link = el('button', { type: 'button' }, t('basemap.choose'));
    link.addEventListener('click', () => this.openSwitcher());
    this.root.replaceChildren(el('span', {}, t('basemap.low_detail')), link);
  }
}
