import { describe, expect, it } from 'vitest';
import { cogTileUrl, parseCogTileUrl } from '../../src/map/cog_protocol';

describe('COG tile URLs', () => {
  const tile = (template: string, z: number, x: number, y: number) =>
    template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));

  it('should read the tile id and position of a layer file and of a series date file', () => {
    expect(parseCogTileUrl(tile(cogTileUrl('etendue-crue-2019'), 16, 19556, 23170))).toEqual({ tileId: 'etendue-crue-2019', z: 16, x: 19556, y: 23170 });
    expect(parseCogTileUrl(tile(cogTileUrl('etendue-crue-2019@2019-04-20'), 3, 2, 1))?.tileId).toBe('etendue-crue-2019@2019-04-20');
  });

  it('should read the file a tile URL names itself (a reloaded version), whatever the id holds', () => {
    const file = 'http://localhost/data/a b.tif?v=2&x=1';
    const parsed = parseCogTileUrl(`${tile(cogTileUrl('x'), 1, 0, 1)}?src=${encodeURIComponent(file)}`);
    expect(parsed).toEqual({ tileId: 'x', z: 1, x: 0, y: 1, src: file });
  });

  it('should refuse what is not a tile URL', () => {
    for (const bad of ['cog://x/1/2', 'cog:///1/2/3', 'pmtiles://x/1/2/3', 'cog://x/a/2/3', 'cog://%E0%A4%A/1/2/3']) {
      expect(parseCogTileUrl(bad), bad).toBeNull();
    }
  });
});
