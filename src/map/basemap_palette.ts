// The colours of a basemap for its thumbnail in the switcher.
import type { Basemap } from '../catalogue/basemap_types';
import { BASEMAP_COLORS } from './basemap_style';
import { protomapsFlavor } from './basemap_protomaps';

export interface BasemapPalette { land: string; water: string; road: string; building: string }

/** Raster tiles have no palette of their own: an orthophoto-like one. */
const IMAGERY: BasemapPalette = { land: '#6f7f5b', water: '#3f5b70', road: '#cfc7b4', building: '#a3967f' };

export function basemapPalette(basemap: Basemap): BasemapPalette {
  switch (basemap.kind) {
    case 'embedded':
      return { land: BASEMAP_COLORS.land, water: BASEMAP_COLORS.water, road: BASEMAP_COLORS.land, building: BASEMAP_COLORS.land };
    case 'pmtiles-vector': {
      const flavor = protomapsFlavor(basemap.flavor);
      return { land: flavor.earth, water: flavor.water, road: flavor.minor_b, building: flavor.buildings };
    }
    case 'raster-xyz':
    case 'wmts':
      return IMAGERY;
  }
}
