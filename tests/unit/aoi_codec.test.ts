// The compact `aoi=` link encoding: exact round trip at 5 decimals, names with accents and URL
// delimiters, bounded length for huge geometries, and garbage that never throws.
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { decodeAoiParam, decodeGeometry, encodeGeometry } from '../../src/state/aoi_codec';
import { AOI_PARAM_LIMIT, encodeAoiParam } from '../../src/state/aoi_codec_fit';
import { decodeHash } from '../../src/state/url_codec';
import type { AoiGeometry } from '../../src/queries/aoi_geometry_types';

function allPositions(geometry: AoiGeometry): Position[] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}

/** A star-shaped ring of n points around (lon, lat), with irregular radii and full-precision coordinates. */
function star(lon: number, lat: number, n: number, radius: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const r = radius * (0.6 + 0.4 * Math.abs(Math.sin(i * 1.7)));
    ring.push([lon + r * Math.cos(angle), lat + r * Math.sin(angle)]);
  }
  ring.push([...ring[0]!]);
  return ring;
}

describe('AOI link encoding', () => {
  const withHole: AoiGeometry = {
    type: 'MultiPolygon',
    coordinates: [
      [star(-72.55123456, 46.35987654, 40, 0.2), star(-72.55123456, 46.35987654, 12, 0.05).reverse()],
      [star(-71.2, 46.8, 7, 0.01)],
    ],
  };

  it('should round-trip coordinates within 1e-5 and keep rings, holes and parts', () => {
    const { geometry, simplified } = decodeGeometry(encodeGeometry(withHole, false));
    expect(simplified).toBe(false);
    expect(geometry.type).toBe('MultiPolygon');
    const before = allPositions(withHole);
    const after = allPositions(geometry);
    expect(after).toHaveLength(before.length);
    after.forEach((position, i) => {
      expect(Math.abs(position[0]! - before[i]![0]!)).toBeLessThanOrEqual(0.5e-5 + 1e-12);
      expect(Math.abs(position[1]! - before[i]![1]!)).toBeLessThanOrEqual(0.5e-5 + 1e-12);
    });
  });

  it('should keep names with accents and & = # through the hash codec', () => {
    const name = 'Zone « Trois-Rivières » & lac=Saint-Pierre #2 — été';
    const square: AoiGeometry = { type: 'Polygon', coordinates: [[[-72.6, 46.3], [-72.5, 46.3], [-72.5, 46.4], [-72.6, 46.4], [-72.6, 46.3]]] };
    const value = encodeAoiParam([{ id: 'a12x', name, geometry: square }, { id: 'b9', name: 'Ñandú', geometry: withHole }]);
    expect(value).toMatch(/^[A-Za-z0-9_.~-]+$/);
    const hash = `#map=7/46/-72&lang=fr&aoi=${value}&other=1`;
    const extra = decodeHash(hash).state.extra;
    const raw = extra.find(([key]) => key === 'aoi')?.[1] ?? '';
    const { items, bad } = decodeAoiParam(raw);
    expect(bad).toBe(0);
    expect(items.map((item) => [item.id, item.name])).toEqual([['a12x', name], ['b9', 'Ñandú']]);
    expect(items[0]!.geometry).toEqual(square);
  });

  it('should simplify a huge geometry to fit the bounded link and flag it', () => {
    const huge: AoiGeometry = { type: 'Polygon', coordinates: [star(-70, 48, 20000, 1)] };
    const value = encodeAoiParam([{ id: 'big', name: 'grand', geometry: huge }]);
    expect(value.length).toBeLessThanOrEqual(AOI_PARAM_LIMIT);
    const [item] = decodeAoiParam(value).items;
    expect(item?.simplified).toBe(true);
    const positions = allPositions(item!.geometry);
    expect(positions.length).toBeGreaterThan(4);
    expect(positions.length).toBeLessThan(20000);
    // Still the same place: every kept vertex lies within the star's radius.
    positions.forEach(([lon, lat]) => expect(Math.hypot(lon! + 70, lat! - 48)).toBeLessThanOrEqual(1.0001));
  });

  it('should share the link between many areas and stay under the codec limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      id: `a${i}`, name: `Secteur ${i} — Mauricie`, geometry: { type: 'Polygon', coordinates: [star(-73 + i * 0.1, 46, 300, 0.04)] } as AoiGeometry,
    }));
    const value = encodeAoiParam(many);
    expect(value.length).toBeLessThanOrEqual(AOI_PARAM_LIMIT);
    expect(decodeHash(`#aoi=${value}`).problems).toEqual([]);
    expect(decodeAoiParam(value).items).toHaveLength(30);
  });

  it('should skip damaged items and count them, without throwing', () => {
    const good = encodeAoiParam([{ id: 'ok1', name: 'bon', geometry: withHole }]);
    const damaged = [good, 'x.y.z', 'BAD ID.AA.AA', `ok2.${good.split('.')[1]}.AQAB`, '', 'a.%%%.b'].join('~');
    const { items, bad } = decodeAoiParam(damaged);
    expect(items.map((item) => item.id)).toEqual(['ok1']);
    expect(bad).toBe(4);
  });
});
