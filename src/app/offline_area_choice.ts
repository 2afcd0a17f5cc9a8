// The areas the offline panel offers: the current view, or one of the saved areas of interest.
import { bbox as turfBbox } from '@turf/bbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { t } from '../i18n';
import type { Bbox } from '../offline/tiles';
import { AoiPersistence, browserStorage } from '../state/aoi_persist';
import type { AreaChoice } from '../ui/offline_panel';
import { formatDateTime } from '../ui/offline_format';

export const VIEW_CHOICE = 'view';

export function areaChoices(): AreaChoice[] {
  const saved = new AoiPersistence(browserStorage()).loadList() ?? [];
  return [{ id: VIEW_CHOICE, label: t('offline.area_view') }, ...saved.map((aoi) => ({ id: aoi.id, label: t('offline.area_aoi', { name: aoi.name }) }))];
}

/** The chosen area's box and name, or null when an AOI's geometry is no longer stored. */
export function resolveArea(choice: string, map: MapLibreMap): { bbox: Bbox; name: string } | null {
  if (choice === VIEW_CHOICE) {
    const b = map.getBounds();
    return { bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], name: t('offline.view_name', { date: formatDateTime(new Date()) }) };
  }
  const persistence = new AoiPersistence(browserStorage());
  const geometry = persistence.loadGeometry(choice);
  const name = persistence.loadList()?.find((aoi) => aoi.id === choice)?.name ?? choice;
  return geometry ? { bbox: turfBbox(geometry) as Bbox, name } : null;
}
