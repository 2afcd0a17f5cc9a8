// Every optional feature of the app, installed once the map and catalogue are ready.
// One line per feature: add yours here.
import type { FeatureInstaller } from './context';

export const FEATURES: FeatureInstaller[] = [];
