// The colours of a basemap for its thumbnail in the switcher.
import type { Basemap, ProtomapsFlavor } from '../catalogue/basemap_types';
import { BASEMAP_COLORS } from './basemap_style';

export interface BasemapPalette { land: string; water: string; road: string; building: string }

/** Raster tiles have no palette of their own: an orthophoto-like one. */
const IMAGERY: BasemapPalette = { land: '#6f7f5b', water: '#3f5b70', road: '#cfc7b4', building: '#a3967f' };

/**
 * @protomaps/basemaps' earth, water, minor_b and buildings colours of each flavour, copied so the
 * switcher draws its thumbnails without loading that library (it loads when such a basemap is
 * shown, basemap_layers.ts); tests/unit/basemap_palette.test.ts keeps the copy equal to it.
 */
export const PROTOMAPS_PALETTES: Record<ProtomapsFlavor, BasemapPalette> = {
  light: { land: '#e2dfda', water: '#80deea', road: '#ffffff', building: '#cccccc' },
  grayscale: { land: '#cccccc', water: '#a3a3a3', road: '#e0e0e0', building: '#e0e0e0' },
  dark: { land: '#1f1f1f', water: '#31353f', road: '#333333', building: '#111111' },
};

export function basemapPalette(basemap: Basemap): BasemapPalette {
  switch (basemap.kind) {
    case 'embedded':
      return { land: BASEMAP_COLORS.land, water: BASEMAP_COLORS.water, road: BASEMAP_COLORS.land, building: BASEMAP_COLORS.land };
    case 'pmtiles-vector':
      return PROTOMAPS_PALETTES[basemap.flavor];
    case 'raster-xyz':
    case 'wmts':
      return IMAGERY;
  }
}
