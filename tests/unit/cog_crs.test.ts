import { describe, expect, it } from 'vitest';
import { converterFor, isSupportedEpsg, supportedEpsgCodes } from '../../src/sources/cog/crs';
import { loadGdal } from './cog_gdal';

/** A lon/lat point inside the area of use of the CRS (zones are 3° or 6° wide). */
function pointFor(code: number): [number, number] {
  if (code >= 32181 && code <= 32190) return [code <= 32182 ? -50 - 3 * (code - 32180) + 1 : -49.5 - 3 * (code - 32180) + 1, 47];
  if (code >= 2945 && code <= 2952) return [-49.5 - 3 * (code - 2942) - 1, 48];
  const utmZone = code % 100;
  if ((code > 26900 && code < 26924) || (code > 32600 && code < 32661)) return [-183 + 6 * utmZone + 2, 46];
  if (code > 32700 && code < 32761) return [-183 + 6 * utmZone - 2, -33];
  return [-71.2, 46.8]; // Québec City, for 32198, 3978 and geographic CRSs
}

const checked = [
  32198, 3978, 3857,
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((z) => 32180 + z),
  ...[3, 4, 5, 6, 7, 8, 9, 10].map((z) => 2942 + z),
  ...[17, 18, 19, 20, 21].flatMap((z) => [26900 + z, 32600 + z]),
  32632, 32636, 32718,
];

describe('CRS definitions', () => {
  it('registers every code the issue asks for', () => {
    for (const code of checked) expect(isSupportedEpsg(code), `EPSG:${code}`).toBe(true);
    expect(supportedEpsgCodes()).toContain(4326);
    expect(() => converterFor(2154)).toThrow('EPSG:2154 is not a supported CRS');
  });

  it('projects like GDAL/PROJ within 2 m for each checked code', async () => {
    const gdal = await loadGdal();
    for (const code of checked) {
      const [lon, lat] = pointFor(code);
      const [expected] = await gdal.gdaltransform([[lon, lat]], ['-s_srs', 'EPSG:4326', '-t_srs', `EPSG:${code}`, '-output_xy']);
      const [x, y] = converterFor(code).forward([lon, lat]) as [number, number];
      const [ex, ey] = expected as [number, number];
      expect(Math.hypot(x - ex, y - ey), `EPSG:${code} at ${lon},${lat}: ours ${x},${y} GDAL ${ex},${ey}`).toBeLessThan(2);
    }
  });
});
