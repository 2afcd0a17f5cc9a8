// Moved to codecs/basemap.ts (one codec module per hash key); kept for the features importing it.
export { basemapParamOf, hasMalformedBasemapParam, NO_BASEMAP, withBasemapParam } from './codecs/basemap';
