// The switcher's thumbnails of Protomaps basemaps use a copy of @protomaps/basemaps' colours (so
// the first load does without that library): the copy must follow the library's flavours.
import { namedFlavor } from '@protomaps/basemaps';
import { describe, expect, it } from 'vitest';
import { PROTOMAPS_FLAVORS } from '../../src/catalogue/basemap_types';
import { basemapPalette, PROTOMAPS_PALETTES } from '../../src/map/basemap_palette';

describe('basemap palette', () => {
  it.each(PROTOMAPS_FLAVORS)('should hold @protomaps/basemaps\' own colours of the %s flavour', (flavor) => {
    const colours = namedFlavor(flavor);
    expect(PROTOMAPS_PALETTES[flavor]).toEqual({ land: colours.earth, water: colours.water, road: colours.minor_b, building: colours.buildings });
  });

  it('should give a Protomaps basemap its flavour\'s palette', () => {
    const basemap = { id: 'p', kind: 'pmtiles-vector', flavor: 'dark', url: 'x.pmtiles', title: { fr: 'P', en: 'P' }, attribution: 'a' } as const;
    expect(basemapPalette(basemap)).toBe(PROTOMAPS_PALETTES.dark);
  });
});
