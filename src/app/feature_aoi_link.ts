// Keeps the AOI store and the link's `aoi=` key in step, both ways: store changes rewrite the key;
// a link edited by hand (or opened in the same tab) with a different key restores from it.
// Restoring is immediate, unless a simplified copy crosses itself: the polygon union's code is then
// loaded first (it is not part of the AOI feature's own code).
import { t } from '../i18n';
import type { AppState } from '../state/app_state';
import type { AoiStore } from '../state/aoi_store';
import type { Store } from '../state/store';
import type { Notices } from '../ui/notices';
import type { AppContext } from './context';

/**
 * The AOIs of the link (or of local storage), with a notice for those that could not be read;
 * `then` runs once they are in the store (at once, or after loading the union).
 */
export function restoreAoiParam({ store, notices }: AppContext, aois: AoiStore, then: () => void): void {
  const restore = () => {
    const restored = aois.restore(store.get().aoi);
    if (restored.bad > 0) notices.show(t('aoi.link_bad', { count: restored.bad }));
    if (restored.approximate > 0) notices.show(t('aoi.link_approximate', { count: restored.approximate }), 'info');
    then();
  };
  if (aois.needsUnion(store.get().aoi)) void loadUnion(aois).then(restore);
  else restore();
}

/** Follows both ways until the returned undo is called. */
export function watchAoiParam(app: Store<AppState>, aois: AoiStore, notices: Notices): () => void {
  let written = aois.param();
  let stopped = false;
  const write = () => {
    written = aois.param();
    if (app.get().aoi !== (written || undefined)) {
      app.update(() => ({ aoi: written || undefined }));
    }
  };
  const restore = (value: string) => {
    const { bad } = aois.restore(value);
    if (bad > 0) notices.show(t('aoi.link_bad', { count: bad }));
    write();
  };
  const undoAois = aois.subscribe(write);
  const undoApp = app.subscribe((state) => {
    const value = state.aoi;
    // A missing key (a link without AOIs) never wipes the list: only a different value restores.
    if (value === undefined || value === written) return;
    if (!aois.needsUnion(value)) return restore(value);
    // Restored once the union is there, unless the link changed again meanwhile.
    void loadUnion(aois).then(() => {
      if (!stopped && app.get().aoi === value) restore(value);
    });
  });
  write();
  return () => {
    stopped = true;
    undoAois();
    undoApp();
  };
}

/** When its code cannot be loaded (offline), the areas that needed it are reported as unreadable. */
async function loadUnion(aois: AoiStore): Promise<void> {
  try {
    const { polygonUnion } = await import('../queries/aoi_geometry_repair');
    aois.useUnion(polygonUnion);
  } catch {
    // restore() counts them as unreadable, and the notice says how many
  }
}
