// Every feature of the app, mounted once the map and catalogue are ready (feature_loader.ts).
// One entry per feature: add yours here. A feature of the first view gives its `controller`
// (imported here, so it is in the first view's JavaScript); a tool gives `load` (an import(),
// so its code is fetched the first time its toolbar button `tool` is used, the first time one of
// its `commands` is called, or at start when `wanted` finds its key in the link).
import type { AppState } from '../state/app_state';
import { hasSavedAois } from '../state/aoi_saved';
import type { CommandHandlers } from './commands';
import type { ControllerFactory } from './controller';
import { controller as search } from './feature_search';
import { controller as identify } from './feature_identify';
import { controller as verdict } from './feature_verdict';
import { controller as refresh } from './feature_refresh';
import { controller as time } from './feature_time';
import { controller as basemap } from './feature_basemap';
import { controller as offline } from './feature_offline';
import { controller as pwa } from './feature_pwa';
import { controller as gps } from './feature_gps';
import { controller as bands } from './feature_bands';

export interface FeatureEntry {
  name: string;
  /** A feature of the first view: mounted at start. */
  controller?: ControllerFactory;
  /** A tool: its code, loaded on first use. */
  load?: () => Promise<ControllerFactory>;
  /** The toolbar button that loads a tool (it stands in until the tool's code is there). */
  tool?: string;
  /** A tool the link asks for at start (e.g. `print=1`) is loaded at once. */
  wanted?: (state: AppState) => boolean;
  /** Commands the feature answers: the first call loads it, then goes to its handler. */
  commands?: readonly (keyof CommandHandlers)[];
}

export const FEATURES: readonly FeatureEntry[] = [
  {
    name: 'report', commands: ['showReport'],
    load: () => import('./feature_report').then((module) => module.controller),
  },
  { name: 'search', controller: search },
  { name: 'identify', controller: identify },
  { name: 'verdict', controller: verdict },
  {
    name: 'aoi', tool: 'aoi-toolbar-button', wanted: (state) => state.aoi !== undefined || hasSavedAois(),
    load: () => import('./feature_aoi').then((module) => module.controller),
  },
  {
    name: 'add-data', tool: 'add-data-button', wanted: (state) => state.add.length > 0,
    load: () => import('./feature_add_data').then((module) => module.controller),
  },
  { name: 'refresh', controller: refresh },
  {
    name: 'compare', tool: 'compare-button', wanted: (state) => state.compare !== null,
    load: () => import('./feature_compare').then((module) => module.controller),
  },
  {
    name: 'measure', tool: 'measure-button',
    load: () => import('./feature_measure').then((module) => module.controller),
  },
  { name: 'time', controller: time },
  {
    name: 'series', tool: 'series-button',
    load: () => import('./feature_series').then((module) => module.controller),
  },
  { name: 'basemap', controller: basemap },
  { name: 'offline', controller: offline },
  { name: 'pwa', controller: pwa },
  { name: 'gps', controller: gps },
  { name: 'bands', controller: bands },
  {
    name: 'print', tool: 'print-button', wanted: (state) => state.print,
    load: () => import('./feature_print').then((module) => module.controller),
  },
];

