// What a report section needs from the app (data loading stays outside the UI components).
import type { BBox } from 'geojson';
import type { LayerDefinition } from '../catalogue/types';
import type { Cog } from '../sources/cog/open';
import type { LoadedVector } from '../queries/stats_vector_load';
import type { CsvRow } from '../queries/export_csv';
import type { Aoi } from '../queries/stats_vector_clip';
import type { ShownTime } from '../state/time_state';

export interface ReportDeps {
  loadVector(def: LayerDefinition, box: BBox, signal?: AbortSignal): Promise<LoadedVector>;
  openRaster(def: LayerDefinition): Promise<Cog>;
  /** The time a layer shows on the map (undefined: not a time layer). */
  timeOf(layerId: string): ShownTime | undefined;
}

export interface ReportAoi {
  id: string;
  name: string;
  feature: Aoi;
}

export interface SectionContext {
  def: LayerDefinition;
  aoi: ReportAoi;
  deps: ReportDeps;
  date: Date;
  /** the section's current CSV rows (for the all-layers CSV) */
  setRows(rows: CsvRow[]): void;
  signal: AbortSignal;
}
