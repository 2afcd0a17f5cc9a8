// Every feature of the app, mounted by feature_loader.ts. One entry per feature: add yours here.
// Three kinds, by when their code arrives:
// - first view (`controller`, imported here): mounted at start; its code is in the first load.
//   Only what the first view shows: the basemap (its switcher).
// - deferred (`load` + `deferred`): an import() fetched right after the first view is drawn
//   (data-ready), then mounted in this list's order; sooner when the user reaches it first —
//   its toolbar button (`tool`), its commands, the events it listens to, a map click
//   (`mapClicks`) or its `placeholder` — and at start, before ready, when `wanted` says the
//   link changes what the first view shows.
// - on first use (`load` alone): fetched the first time its button, a command or the link asks.
import type { AppState } from '../state/app_state';
import { hasSavedAois } from '../state/aoi_saved';
import { mountSearchStandIn } from '../ui/search_box';
import type { AppEventMap } from './app_events';
import type { CommandHandlers } from './commands';
import type { AppContext } from './context';
import type { ControllerFactory } from './controller';
import { controller as basemap } from './feature_basemap';

/** What the first view shows for a feature not loaded yet (relabelled until the feature takes its place). */
export interface Placeholder {
  relabel(): void;
}

export interface FeatureEntry {
  name: string;
  /** A feature of the first view: mounted at start. */
  controller?: ControllerFactory;
  /** The feature's code, fetched with import(). */
  load?: () => Promise<ControllerFactory>;
  /** Loaded right after the first view is drawn, without waiting for the user. */
  deferred?: boolean;
  /** The toolbar button that loads a tool (it stands in until the tool's code is there). */
  tool?: string;
  /** The link asks for it at start (e.g. `print=1`, `time=`): loaded before the app says ready. */
  wanted?: (state: AppState) => boolean;
  /** Commands the feature answers: the first call loads it, then goes to its handler. */
  commands?: readonly (keyof CommandHandlers)[];
  /** Events it listens to: one sent before it is loaded loads it and is told to it once mounted. */
  events?: readonly (keyof AppEventMap)[];
  /** It answers the map's clicks when no tool holds the map: a click before its code is there is kept for it. */
  mapClicks?: boolean;
  /** What the first view shows in its place (e.g. the search box); the feature takes it over. */
  placeholder?: (context: AppContext, use: () => void) => Placeholder;
}

export const FEATURES: readonly FeatureEntry[] = [
  {
    name: 'report', commands: ['showReport'],
    load: () => import('./feature_report').then((module) => module.controller),
  },
  // The box is on the first view; the search engine (places, addresses, coordinates) is not.
  {
    name: 'search', deferred: true,
    placeholder: (context, use) => mountSearchStandIn(context.toolbar, use),
    load: () => import('./feature_search').then((module) => module.controller),
  },
  {
    name: 'identify', deferred: true, mapClicks: true,
    load: () => import('./feature_identify').then((module) => module.controller),
  },
  {
    name: 'verdict', deferred: true, tool: 'verdict-button', commands: ['showVerdict'], events: ['place-picked'],
    load: () => import('./feature_verdict').then((module) => module.controller),
  },
  {
    name: 'aoi', tool: 'aoi-toolbar-button', wanted: (state) => state.aoi !== undefined || hasSavedAois(),
    load: () => import('./feature_aoi').then((module) => module.controller),
  },
  {
    name: 'add-data', tool: 'add-data-button', wanted: (state) => state.add.length > 0,
    load: () => import('./feature_add_data').then((module) => module.controller),
  },
  // Watches live layers; nothing of it is drawn until a file changes.
  {
    name: 'refresh', deferred: true,
    load: () => import('./feature_refresh').then((module) => module.controller),
  },
  {
    name: 'compare', tool: 'compare-button', wanted: (state) => state.compare !== null,
    load: () => import('./feature_compare').then((module) => module.controller),
  },
  {
    name: 'measure', tool: 'measure-button',
    load: () => import('./feature_measure').then((module) => module.controller),
  },
  // Without `time=` every time layer shows its default (all its times, or a series' own file),
  // which is what the map draws without the time code: the control comes right after. A time
  // asked in the link filters what is drawn, so it is applied before ready.
  {
    name: 'time', deferred: true, wanted: (state) => state.time !== null,
    load: () => import('./feature_time').then((module) => module.controller),
  },
  {
    name: 'series', tool: 'series-button',
    load: () => import('./feature_series').then((module) => module.controller),
  },
  { name: 'basemap', controller: basemap },
  // Offline, the first view's tiles come from the stored areas (opened before the map by
  // offline_start.ts); this feature, loaded before ready then, adds the panel and the banner.
  {
    name: 'offline', deferred: true, tool: 'offline-button', wanted: () => navigator.onLine === false,
    load: () => import('./feature_offline').then((module) => module.controller),
  },
  // Registers the service worker, which waits for the first view anyway.
  {
    name: 'pwa', deferred: true,
    load: () => import('./feature_pwa').then((module) => module.controller),
  },
  {
    name: 'gps', deferred: true, tool: 'gps-button',
    load: () => import('./feature_gps').then((module) => module.controller),
  },
  // Bands chosen in the link change how a COG layer is drawn: applied before ready. Otherwise
  // the layers draw their catalogue bands and the pickers in the rows come right after.
  {
    name: 'bands', deferred: true, wanted: (state) => state.bands.size > 0,
    load: () => import('./feature_bands').then((module) => module.controller),
  },
  {
    name: 'print', tool: 'print-button', wanted: (state) => state.print,
    load: () => import('./feature_print').then((module) => module.controller),
  },
];
