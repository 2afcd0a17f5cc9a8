// Started offline (a forester in the field), the first tiles must come from the areas saved on
// the device, yet the offline feature loads after the first view. So before the map asks for
// anything, the byte path gets an offline copy that waits for the store to open (its own small
// chunk, not the feature's code): no read goes to the absent network first. Online, nothing
// happens here; the feature installs the store after the first view.
import { setOfflineRanges } from '../sources/source';

export function readSavedAreasFirstWhenOffline(): void {
  if (globalThis.navigator?.onLine !== false) return;
  const opening = import('../offline/device_areas')
    .then(async ({ openDeviceAreas }) => {
      const { areas, loaded } = openDeviceAreas();
      await loaded;
      return areas;
    })
    .catch(() => null);
  setOfflineRanges({ read: async (url, offset, length) => (await opening)?.read(url, offset, length) ?? null });
}
