// Keeps the AOI store and the link's `aoi=` key in step, both ways: store changes rewrite the key;
// a link edited by hand (or opened in the same tab) with a different key restores from it.
import { t } from '../i18n';
import type { AppState } from '../state/app_state';
import type { AoiStore } from '../state/aoi_store';
import type { Store } from '../state/store';
import type { Notices } from '../ui/notices';
import type { AppContext } from './context';

/** The AOIs of the link (or of local storage), with a notice for those that could not be read. */
export function restoreAoiParam({ store, notices }: AppContext, aois: AoiStore): void {
  const restored = aois.restore(store.get().aoi);
  if (restored.bad > 0) notices.show(t('aoi.link_bad', { count: restored.bad }));
  if (restored.approximate > 0) notices.show(t('aoi.link_approximate', { count: restored.approximate }), 'info');
}

/** Follows both ways until the returned undo is called. */
export function watchAoiParam(app: Store<AppState>, aois: AoiStore, notices: Notices): () => void {
  let written = aois.param();
  const write = () => {
    written = aois.param();
    if (app.get().aoi !== (written || undefined)) {
      app.update(() => ({ aoi: written || undefined }));
    }
  };
  const undoAois = aois.subscribe(write);
  const undoApp = app.subscribe((state) => {
    const value = state.aoi;
    // A missing key (a link without AOIs) never wipes the list: only a different value restores.
    if (value === undefined || value === written) return;
    const { bad } = aois.restore(value);
    if (bad > 0) notices.show(t('aoi.link_bad', { count: bad }));
    write();
  });
  write();
  return () => {
    undoAois();
    undoApp();
  };
}
