// What every feature of the app (identify, search, verdict, AOI, time…) is given when it starts.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Catalogue } from '../catalogue/load';
import type { LayerDefinition } from '../catalogue/types';
import type { LayerSync } from '../map/layer_sync';
import type { AppState } from '../state/app_state';
import type { LayerStatus } from '../state/layer_status';
import type { Store } from '../state/store';
import type { Notices } from '../ui/notices';
import type { Sheet } from '../ui/sheet';
import type { AppEvents } from './app_events';
import type { AppCommands } from './commands';
import type { MapInput } from './map_input';
import type { ShownTimes } from '../state/shown_times';

export interface AppContext {
  map: MapLibreMap;
  store: Store<AppState>;
  statuses: Store<{ map: Map<string, LayerStatus> }>;
  catalogue: Catalogue;
  defs: ReadonlyMap<string, LayerDefinition>;
  sync: LayerSync;
  notices: Notices;
  /** The side sheet for results (identify, verdict card, AOI report): one content at a time. */
  sheet: Sheet;
  /** Header area for tool buttons and the search box. */
  toolbar: HTMLElement;
  /** What features tell each other (typed; no events on window). */
  events: AppEvents;
  /** What a feature asks another to do (open the report, the verdict card). */
  commands: AppCommands;
  /** The one owner of map clicks and Enter on the map: tools request and release it. */
  mapInput: MapInput;
  /** What each visible time layer shows now (set by the time feature). */
  times: ShownTimes;
  /** Resolves a catalogue URL (relative to the page) to an absolute one. */
  resolveUrl(url: string): string;
}

